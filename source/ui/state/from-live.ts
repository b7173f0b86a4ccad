// The remote slice as read from the live model (docs/live-model.md). The store keeps an unchanged
// hook or list as the same object from one snapshot to the next; the conversions here are cached on
// those objects, so an unchanged row stays the same object on screen too (memoised rows, table
// widths) and a live change touches only what changed.
import type { LiveModelSnapshot, LiveOwner, LiveOwnerHooks, Loadable } from '../../api/live/live-model.js';
import { emailHookEntry, type Hook, webhookEntry } from '../../domain/hooks.js';
import type { EmailHook, OrganisationMember, Webhook } from '../../domain/schemas.js';
import type { OwnerEntry, OwnerHooks, RemoteData, Who } from './model.js';
import type { Remote } from './remote.js';

/** A Loadable as the views read it: loading (maybe with old data), ready, or failed with a hint. */
function remoteOf<T, R>(loadable: Loadable<T>, convert: (data: T) => R): Remote<R> {
  const data = loadable.data === undefined ? undefined : convert(loadable.data);
  if (loadable.error && !loadable.loading)
    return {
      status: 'failed',
      error: `${loadable.error} (press r to retry)`,
      ...(data === undefined ? {} : { data }),
    };
  if (loadable.loading || data === undefined)
    return data === undefined ? { status: 'loading' } : { status: 'loading', data };
  return { status: 'ready', data };
}

function cachedBy<K extends object, V>(convert: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    let value = cache.get(key);
    if (value === undefined) {
      value = convert(key);
      cache.set(key, value);
    }
    return value;
  };
}

const webhookOf = cachedBy((hook: Webhook) => webhookEntry(hook));
const emailHookOf = cachedBy((hook: EmailHook) => emailHookEntry(hook));
const webhooksOf = cachedBy((list: readonly Webhook[]): Hook[] => list.map(webhookOf));
const emailHooksOf = cachedBy((list: readonly EmailHook[]): Hook[] => list.map(emailHookOf));
const peopleOf = cachedBy(
  (members: readonly OrganisationMember[]): ReadonlyMap<string, string> =>
    new Map(members.flatMap((m) => (m.member.name ? [[m.member.id, m.member.name] as const] : []))),
);
const NO_PEOPLE: ReadonlyMap<string, string> = new Map();

const ownerHooksOf = cachedBy(
  (hooks: LiveOwnerHooks): OwnerHooks => ({
    webhooks: remoteOf(hooks.webhooks, webhooksOf),
    emailHooks: remoteOf(hooks.emailHooks, emailHooksOf),
    people: hooks.members.data ? peopleOf(hooks.members.data) : NO_PEOPLE,
  }),
);

/** Personal space first, named so; organisations and each owner's apps by name. */
const ownersOf = cachedBy((owners: readonly LiveOwner[]): OwnerEntry[] => {
  const entry = (o: LiveOwner): OwnerEntry => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    apps: [...o.apps].sort((a, b) => a.name.localeCompare(b.name)),
    addons: [...o.addons],
  });
  const personal = owners.find((o) => o.kind === 'user');
  // The personal space may also be listed among the organisations.
  const orgs = owners
    .filter((o) => o.kind === 'organisation' && o.id !== personal?.id)
    .map(entry)
    .sort((a, b) => a.name.localeCompare(b.name));
  return personal ? [{ ...entry(personal), name: `${personal.name} (personal)` }, ...orgs] : orgs;
});

const ownersRemote = cachedBy((owners: Loadable<readonly LiveOwner[]>) => remoteOf(owners, ownersOf));

const hooksByOwner = cachedBy((hooks: ReadonlyMap<string, LiveOwnerHooks>) => {
  const out: Record<string, OwnerHooks> = {};
  for (const [ownerId, owner] of hooks) out[ownerId] = ownerHooksOf(owner);
  return out;
});

function whoOf(snapshot: LiveModelSnapshot, previous: Who | undefined): Who | undefined {
  const self = snapshot.self.data;
  if (!self) return previous;
  const { target } = snapshot;
  const who: Who = {
    userId: self.id,
    userName: self.name || self.id,
    apiHost: target.apiHost,
    // What the API said it is (a sandbox-only endpoint), never guessed from its host.
    sandbox: target.known && target.kind === 'sandbox',
    embedded: target.embedded,
  };
  const same =
    previous &&
    previous.userId === who.userId &&
    previous.userName === who.userName &&
    previous.apiHost === who.apiHost &&
    previous.sandbox === who.sandbox &&
    previous.embedded === who.embedded;
  return same ? previous : who;
}

export function remoteFromLive(remote: RemoteData, snapshot: LiveModelSnapshot): RemoteData {
  const owners = snapshot.owners;
  const who = whoOf(snapshot, remote.who);
  return {
    ...remote,
    ...(who ? { who } : {}),
    owners: owners.data || owners.loading || owners.error ? ownersRemote(owners) : remote.owners,
    hooks: hooksByOwner(snapshot.hooks),
    lastDeployments: snapshot.lastDeployments,
    everyOwner: snapshot.everyOwner,
  };
}

// The remote slice: what the API says (who we are, the owners and their apps, each owner's hooks,
// the event catalogue). Only answers from the API change it; keys never do.
import { BUILTIN_CATALOGUE } from '../../domain/events.js';
import type { Hook } from '../../domain/hooks.js';
import type { Summary } from '../../domain/schemas.js';
import type { AppAction, HookNotice, OwnerEntry, OwnerHooks, RemoteData } from './model.js';
import { loading, type Remote } from './remote.js';

export function initialRemote(): RemoteData {
  return { owners: { status: 'loading' }, hooks: {}, catalogue: BUILTIN_CATALOGUE, connectAttempt: 0 };
}

function ownersOf(summary: Summary): OwnerEntry[] {
  const entry = (
    kind: OwnerEntry['kind'],
    o: Summary['user'] | Summary['organisations'][number],
    fallbackName: string,
  ): OwnerEntry => ({
    id: o.id,
    name: o.name || fallbackName,
    kind,
    apps: o.applications
      .map((a) => ({ id: a.id, name: a.name, state: a.state ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    addons: o.addons.map((a) => ({ id: a.id, name: a.name || a.realId || a.id })),
  });
  const personal = entry('user', summary.user, 'Personal space');
  // The personal space may also be listed among the organisations.
  const orgs = summary.organisations
    .filter((o) => o.id !== summary.user.id)
    .map((o) => entry('organisation', o, o.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [{ ...personal, name: `${personal.name} (personal)` }, ...orgs];
}

export function hooksLoading(remote: RemoteData, ownerId: string): RemoteData {
  const previous = remote.hooks[ownerId];
  return {
    ...remote,
    hooks: {
      ...remote.hooks,
      [ownerId]: {
        webhooks: loading(previous?.webhooks),
        emailHooks: loading(previous?.emailHooks),
        people: previous?.people ?? new Map(),
      },
    },
  };
}

export function ownersLoading(remote: RemoteData): RemoteData {
  return { ...remote, owners: loading(remote.owners) };
}

const listKey = (hook: Hook) => (hook.kind === 'webhook' ? 'webhooks' : 'emailHooks');

/** One hook put in its owner's list in place (or at the end), or taken out. */
export function withHook(remote: RemoteData, hook: Hook, change: 'put' | 'remove'): RemoteData {
  const hooks = remote.hooks[hook.ownerId];
  const key = listKey(hook);
  if (!hooks?.[key].data) return remote;
  const list = hooks[key].data.filter((h) => change === 'put' || h.id !== hook.id);
  if (change === 'put') {
    const at = list.findIndex((h) => h.id === hook.id);
    if (at >= 0) list[at] = hook;
    else list.push(hook);
  }
  const next: OwnerHooks = { ...hooks, [key]: { status: 'ready', data: list } };
  return { ...remote, hooks: { ...remote.hooks, [hook.ownerId]: next } };
}

/** The webhooks that a new answer shows DISABLED and the previous one did not: each gets a notice. */
export function newlyDisabled(before: Remote<Hook[]> | undefined, after: Remote<Hook[]>): HookNotice[] {
  if (!before?.data || !after.data) return [];
  const was = new Map(before.data.map((h) => [h.id, h]));
  const notices: HookNotice[] = [];
  for (const hook of after.data) {
    if (hook.kind !== 'webhook' || hook.state !== 'DISABLED') continue;
    const previous = was.get(hook.id);
    if (!previous || (previous.kind === 'webhook' && previous.state === 'DISABLED')) continue;
    notices.push({ hookId: hook.id, text: disabledText(hook) });
  }
  return notices;
}

export function disabledText(hook: Hook & { kind: 'webhook' }): string {
  const failures = hook.failures.length;
  const last = hook.failures.at(-1);
  const why =
    failures > 0
      ? ` after ${failures} failed ${failures === 1 ? 'delivery' : 'deliveries'}${last?.status ? ` (last: HTTP ${last.status})` : ''}`
      : '';
  return `${hook.name || hook.id} disabled${why}`;
}

export function remoteReducer(remote: RemoteData, action: AppAction): RemoteData {
  switch (action.type) {
    case 'connected':
      return { ...remote, who: action.who };
    case 'connectFailed':
      return { ...remote, connectError: action.error, owners: { status: 'failed', error: action.error } };
    case 'ownersLoaded':
      return { ...remote, owners: { status: 'ready', data: ownersOf(action.summary) } };
    case 'ownersFailed':
      return {
        ...remote,
        owners: {
          status: 'failed',
          error: action.error,
          ...(remote.owners.data ? { data: remote.owners.data } : {}),
        },
      };
    case 'hooksLoaded':
      return {
        ...remote,
        hooks: {
          ...remote.hooks,
          [action.ownerId]: {
            webhooks: action.webhooks,
            emailHooks: action.emailHooks,
            people: remote.hooks[action.ownerId]?.people ?? new Map(),
          },
        },
      };
    case 'peopleLoaded': {
      const hooks = remote.hooks[action.ownerId];
      if (!hooks) return remote;
      return { ...remote, hooks: { ...remote.hooks, [action.ownerId]: { ...hooks, people: action.people } } };
    }
    case 'catalogueLoaded':
      return { ...remote, catalogue: action.catalogue };
    case 'hookSaved':
      return withHook(remote, action.hook, 'put');
    case 'hookRemoved':
      return withHook(remote, action.hook, 'remove');
    default:
      return remote;
  }
}

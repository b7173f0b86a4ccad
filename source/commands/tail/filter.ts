// Turns the flags of `tail` into a live filter: --org and --app by id or by name (through /v2/summary),
// --event checked against the catalogue so that a typo is an error rather than a silent empty tail.
import type { CleverApi } from '../../api/types.js';
import { unknownEvents, unknownValue } from '../../domain/did-you-mean.js';
import { UserError } from '../../domain/errors.js';
import { isKnownEventName } from '../../domain/events.js';
import { isId } from '../../domain/ids.js';
import type { LiveFilter } from '../../domain/live-filter.js';
import { safeText } from '../../domain/terminal-text.js';
import { ownersOf, resolveOrg } from '../owner.js';

export interface TailFilterFlags {
  org?: string | undefined;
  app?: string | undefined;
  event?: string | undefined;
}

export async function resolveTailFilter(api: CleverApi, flags: TailFilterFlags): Promise<LiveFilter> {
  const filter: LiveFilter = {};
  if (flags.event) filter.events = parseEvents(flags.event, await api.eventCatalogue());
  const ownerId = flags.org ? await resolveOrg(api, flags.org) : undefined;
  if (ownerId) filter.ownerIds = [ownerId];
  if (flags.app) filter.appId = await resolveApp(api, flags.app, ownerId);
  return filter;
}

function parseEvents(value: string, catalogue: Awaited<ReturnType<CleverApi['eventCatalogue']>>): string[] {
  const names = value
    .split(',')
    .map((n) => n.trim().toUpperCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !isKnownEventName(n, catalogue));
  if (unknown.length > 0) throw new UserError(unknownEvents(unknown, catalogue));
  return names;
}

async function resolveApp(api: CleverApi, value: string, ownerId: string | undefined): Promise<string> {
  if (isId(value, 'app_')) return value;
  const summary = await api.summary();
  const owners = [summary.user, ...summary.organisations].filter((o) => !ownerId || o.id === ownerId);
  const apps = owners.flatMap((o) => o.applications.map((a) => ({ ...a, ownerId: o.id })));
  const unique = [...new Map(apps.map((a) => [a.id, a])).values()];
  const exact = unique.filter((a) => a.name === value);
  const matches =
    exact.length > 0 ? exact : unique.filter((a) => a.name.toLowerCase() === value.toLowerCase());
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length > 1) {
    const names = Object.fromEntries(ownersOf(summary).map((o) => [o.id, o.name]));
    throw new UserError(
      `several applications are named "${safeText(value)}": use --org, or the id of one of ${matches.map((a) => `${a.id} (${names[a.ownerId]})`).join(', ')}`,
    );
  }
  throw new UserError(
    unknownValue(
      `application${ownerId ? ` of ${ownerId}` : ''}`,
      value,
      unique.map((a) => a.name),
      'run `clever-notify apps` for the names and ids',
    ),
  );
}

// What the webhooks and notify-email commands do alike, whatever the kind of hook: list the hooks of
// the target, decide whose a new hook is and what it covers, find a hook to edit, remove one, and
// print the one line or the JSON that add and edit answer with.
import type { CleverApi } from '../api/types.js';
import { UserError } from '../domain/errors.js';
import { matchIdPrefix } from '../domain/id-prefix.js';
import { safeText } from '../domain/terminal-text.js';
import { type CommonFlags, type OutputFormat, orgOf } from './common-options.js';
import { hooksCoveringApp } from './format/hooks-json.js';
import { terminalWidth } from './format/style.js';
import { parseEvents, parseServices } from './hook-input.js';
import { checkServices, hookOwner, listTarget } from './owner.js';
import { out, printJson, withApi } from './run.js';

interface AnyHook {
  id: string;
  ownerId: string;
  name?: string | null | undefined;
  events?: string[] | null | undefined;
  scope?: string[] | null | undefined;
}

export interface HookKind<H extends AnyHook> {
  /** As messages name one: "webhook", "e-mail hook". */
  noun: string;
  list(api: CleverApi, ownerId: string): Promise<H[]>;
  remove(api: CleverApi, ownerId: string, id: string): Promise<void>;
  json(hook: H): unknown;
  /** The human list; it may ask the API for what makes it readable (e.g. members' names). */
  table(hooks: H[], context: TableContext<H>): string | Promise<string>;
}

export interface TableContext<H> {
  api: CleverApi;
  ownerId: string;
  /** Every hook of the owner (the list may show only those covering the linked app). */
  all: H[];
  /** The terminal's width, or undefined: every column whole. */
  width: number | undefined;
  showSecrets: boolean;
}

export interface HookListFlags extends CommonFlags {
  listAll?: boolean;
  wide?: boolean;
  showSecrets?: boolean;
  format: OutputFormat;
}

/** Names of the owner's apps and add-ons, asked only when a hook has a scope; ids when that fails. */
export async function scopeNames(
  api: CleverApi,
  ownerId: string,
  hooks: readonly AnyHook[],
): Promise<Map<string, string>> {
  if (!hooks.some((h) => h.scope && h.scope.length > 0)) return new Map();
  const [apps, addons] = await Promise.all([
    api.applications(ownerId).catch(() => []),
    api.addons(ownerId).catch(() => []),
  ]);
  return new Map([...apps, ...addons].flatMap((a) => (a.name ? [[a.id, a.name] as const] : [])));
}

/** --event and --service of add and edit. */
export interface CoverageFlags extends CommonFlags {
  event?: string;
  service?: string;
}

export interface Coverage {
  events: string[] | null | undefined;
  scope: string[] | null | undefined;
}

export async function listHooks<H extends AnyHook>(kind: HookKind<H>, flags: HookListFlags): Promise<void> {
  await withApi(flags, async (api) => {
    const org = orgOf(flags);
    const target = await listTarget(api, { ...(org ? { org } : {}), listAll: flags.listAll === true });
    const all = await kind.list(api, target.ownerId);
    const hooks = hooksCoveringApp(all, target.appId);
    if (flags.format === 'json') return printJson(hooks.map((h) => kind.json(h)));
    if (hooks.length === 0) {
      const about = target.appId ? ` covering ${target.appId}` : '';
      return out(`No ${kind.noun}s for ${target.ownerId}${about}.`);
    }
    const width = flags.wide ? undefined : terminalWidth();
    out(
      await kind.table(hooks, {
        api,
        ownerId: target.ownerId,
        all,
        width,
        showSecrets: flags.showSecrets === true,
      }),
    );
  });
}

/** --service, read before any request (null: ALL); on add it needs --org (as in clever-tools). */
export function serviceFlag(
  flags: CoverageFlags,
  { needsOrg }: { needsOrg: boolean },
): string[] | null | undefined {
  if (flags.service === undefined) return undefined;
  if (needsOrg && !orgOf(flags)) throw new UserError('--service needs --org');
  return parseServices(flags.service);
}

/**
 * Whose a new hook is (--org, else the linked app's owner) and what it covers: every event without
 * --event; without --service, like clever-tools, the linked app only, or everything when none is.
 */
export async function newHookCoverage(
  api: CleverApi,
  flags: CoverageFlags,
  services: string[] | null | undefined,
): Promise<Coverage & { ownerId: string }> {
  const events =
    flags.event !== undefined ? await parseEvents(flags.event, () => api.eventCatalogue()) : null;
  const org = orgOf(flags);
  const target = await listTarget(api, org ? { org } : {});
  const scope = services !== undefined ? services : target.appId ? [target.appId] : null;
  if (scope) await checkServices(api, target.ownerId, scope);
  return { ownerId: target.ownerId, events, scope };
}

/** The hook that edit or test is about: of --org, else of the linked app's owner, else of the user. */
export async function findHook<H extends AnyHook>(
  kind: HookKind<H>,
  api: CleverApi,
  flags: CommonFlags,
  id: string,
): Promise<H> {
  const ownerId = await hookOwner(api, orgOf(flags));
  return hookByIdPrefix(kind, await kind.list(api, ownerId), ownerId, id);
}

/** The hook whose id is `id` or starts with it (as git takes a short hash); several list themselves. */
export function hookByIdPrefix<H extends AnyHook>(
  kind: Pick<HookKind<H>, 'noun'>,
  hooks: readonly H[],
  ownerId: string,
  id: string,
): H {
  const match = matchIdPrefix(hooks, id);
  if (match.kind === 'one') return match.item;
  const shown = safeText(id);
  if (match.kind === 'none') {
    throw new UserError(`${ownerId} has no ${kind.noun} ${shown} (another owner? add --org ID|NAME)`);
  }
  const list = match.items
    .slice(0, 10)
    .map((h) => `${h.id}${h.name ? ` (${safeText(h.name)})` : ''}`)
    .join(', ');
  const more = match.items.length > 10 ? ` and ${match.items.length - 10} more` : '';
  throw new UserError(
    `${shown} is the start of ${match.items.length} ${kind.noun}s' ids: ${list}${more}; give more of the id`,
  );
}

/** What an edited hook covers: what --event and --service do not change is kept. */
export async function editedCoverage(
  api: CleverApi,
  hook: AnyHook,
  flags: CoverageFlags,
  services: string[] | null | undefined,
): Promise<Coverage> {
  const events =
    flags.event !== undefined ? await parseEvents(flags.event, () => api.eventCatalogue()) : hook.events;
  if (services) await checkServices(api, hook.ownerId, services);
  return { events, scope: services !== undefined ? services : hook.scope };
}

export async function removeHook<H extends AnyHook>(
  kind: HookKind<H>,
  id: string,
  flags: CommonFlags,
): Promise<void> {
  await withApi(flags, async (api) => {
    const ownerId = await hookOwner(api, orgOf(flags));
    const hook = hookByIdPrefix(kind, await kind.list(api, ownerId), ownerId, id);
    await kind.remove(api, ownerId, hook.id);
    out(`Removed ${kind.noun} ${hook.id}${hook.name ? ` (${safeText(hook.name)})` : ''} of ${ownerId}.`);
  });
}

/** What add and edit print: one line naming the hook and its id, or the hook in the list's JSON shape. */
export function reportHook<H extends AnyHook>(
  kind: HookKind<H>,
  hook: H,
  output: OutputFormat,
  verb: 'Added' | 'Edited',
): void {
  if (output === 'json') printJson(kind.json(hook));
  else
    out(
      `${verb} ${kind.noun} ${hook.id}${hook.name ? ` (${safeText(hook.name)})` : ''} for ${hook.ownerId}.`,
    );
}

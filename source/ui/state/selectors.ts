// Everything the screens show that is derived from the state, derived here once: each selector is
// memoised on the identity of its inputs, so that panes and the reducer share one computation.
import type { Hook, HookKind } from '../../domain/hooks.js';
import { hookCoversResource } from '../../domain/matching.js';
import type { TableSort } from '../../domain/table.js';
import { clampCursor } from '../table/window.js';
import type { AppEntry, AppState, OwnerEntry, OwnerHooks, SortableTable, Tab } from './model.js';
import { sortHooks } from './sort.js';

/** A function of a few inputs that recomputes only when one of them is a different value. */
function memo<Args extends readonly unknown[], R>(compute: (...args: Args) => R): (...args: Args) => R {
  let last: { args: Args; result: R } | undefined;
  return (...args: Args) => {
    if (last && last.args.length === args.length && last.args.every((a, i) => Object.is(a, args[i])))
      return last.result;
    const result = compute(...args);
    last = { args, result };
    return result;
  };
}

function matches(name: string, filter: string): boolean {
  return filter === '' || name.toLowerCase().includes(filter.toLowerCase());
}

export function pick<T>(items: readonly T[], cursor: number): T | undefined {
  return items[clampCursor(cursor, items.length)];
}

/** The apps list starts with a row for "all apps" (no app chosen). */
export type AppRow = { kind: 'all'; id: string; name: string; state: string } | ({ kind: 'app' } & AppEntry);
export const ALL_APPS = '*';

const ownersOf = memo((owners: readonly OwnerEntry[] | undefined, filter: string) =>
  (owners ?? []).filter((o) => matches(o.name, filter)),
);

const appRowsOf = memo((owner: OwnerEntry | undefined, filter: string): AppRow[] => {
  if (!owner) return [];
  const rows: AppRow[] = [{ kind: 'all', id: ALL_APPS, name: 'All apps', state: '' }];
  for (const app of owner.apps) if (matches(app.name, filter)) rows.push({ kind: 'app', ...app });
  return rows;
});

const hooksOf = memo((hooks: readonly Hook[], appId: string | undefined, filter: string): Hook[] =>
  hooks.filter((h) => (!appId || hookCoversResource(h, appId)) && matches(h.name ?? '', filter)),
);

export function visibleOwners(state: AppState): OwnerEntry[] {
  return ownersOf(state.remote.owners.data, state.lists.owners.filter);
}

export function selectedOwner(state: AppState): OwnerEntry | undefined {
  return pick(visibleOwners(state), state.lists.owners.cursor);
}

export function visibleApps(state: AppState): AppRow[] {
  return appRowsOf(selectedOwner(state), state.lists.apps.filter);
}

export function selectedApp(state: AppState): (AppRow & { kind: 'app' }) | undefined {
  const row = pick(visibleApps(state), state.lists.apps.cursor);
  return row?.kind === 'app' ? row : undefined;
}

export function ownerHooks(state: AppState): OwnerHooks | undefined {
  const owner = selectedOwner(state);
  return owner ? state.remote.hooks[owner.id] : undefined;
}

export function tabKind(tab: Tab): HookKind | undefined {
  return tab === 'webhooks' ? 'webhook' : tab === 'emailHooks' ? 'email' : undefined;
}

const NO_HOOKS: readonly Hook[] = [];

export function hooksOfKind(hooks: OwnerHooks | undefined, kind: HookKind | undefined): readonly Hook[] {
  if (!kind) return NO_HOOKS;
  return (kind === 'email' ? hooks?.emailHooks.data : hooks?.webhooks.data) ?? NO_HOOKS;
}

const sortedOf = memo(
  (
    hooks: Hook[],
    table: SortableTable | undefined,
    sort: TableSort | undefined,
    names: ReadonlyMap<string, string>,
    people: ReadonlyMap<string, string>,
  ): Hook[] => (table ? sortHooks(hooks, table, sort, names, people) : hooks),
);

/**
 * The hooks of the tab that cover the chosen app (all of them when none is) and match the filter, in
 * the order the table is sorted by.
 */
export function visibleHooks(state: AppState): Hook[] {
  const { tab, sorts } = state.lists;
  const table = tab === 'webhooks' || tab === 'emailHooks' ? tab : undefined;
  const sort = table ? sorts[table] : undefined;
  const shown = hooksOf(
    hooksOfKind(ownerHooks(state), tabKind(tab)),
    selectedApp(state)?.id,
    state.lists.hooks.filter,
  );
  return sort ? sortedOf(shown, table, sort, names(state), people(state)) : shown;
}

export function selectedHook(state: AppState): Hook | undefined {
  return pick(visibleHooks(state), state.lists.hooks.cursor);
}

export function findHook(state: AppState, kind: HookKind, hookId: string): Hook | undefined {
  return hooksOfKind(ownerHooks(state), kind).find((h) => h.id === hookId);
}

const namesOf = memo(
  (
    owners: readonly OwnerEntry[] | undefined,
    owner: OwnerEntry | undefined,
    userId?: string,
    userName?: string,
  ) => {
    const map = new Map<string, string>();
    for (const o of owners ?? []) map.set(o.id, o.name);
    if (userId && userName) map.set(userId, userName);
    if (owner) {
      for (const a of owner.apps) map.set(a.id, a.name);
      for (const a of owner.addons) map.set(a.id, a.name);
    }
    return map as ReadonlyMap<string, string>;
  },
);

/** Owner, app and add-on names by id (the selected owner's), for scope columns and activity lines. */
export function names(state: AppState): ReadonlyMap<string, string> {
  const who = state.remote.who;
  return namesOf(state.remote.owners.data, selectedOwner(state), who?.userId, who?.userName);
}

const peopleOf = memo(
  (members: ReadonlyMap<string, string> | undefined, userId?: string, userName?: string) => {
    const map = new Map(members ?? []);
    if (userId && userName) map.set(userId, userName);
    return map as ReadonlyMap<string, string>;
  },
);

/** The names of the people that e-mail hooks notify by user id: the user's own and the members'. */
export function people(state: AppState): ReadonlyMap<string, string> {
  const who = state.remote.who;
  return peopleOf(ownerHooks(state)?.people, who?.userId, who?.userName);
}

// The lists slice: the three lists (owners, apps, hooks), their cursors and filters, the focused pane
// and the tab. Cursors keep their row by id, whatever changes under them (see `keepSelection`).
import { commandFor, filterKeys, type ListCommand } from '../keys/key-map.js';
import { clampCursor } from '../table/window.js';
import { editLine } from '../text-field/line-edit.js';
import type { AppState, Effect, ListState, Lists, Pane, Tab } from './model.js';
import { PANES } from './model.js';
import { selectedOwner, visibleApps, visibleHooks, visibleOwners } from './selectors.js';

export const emptyList: ListState = { cursor: 0, filter: '', filtering: false, filterCursor: 0 };

export function initialLists(): Lists {
  return {
    owners: emptyList,
    apps: emptyList,
    hooks: emptyList,
    focus: 'owners',
    tab: 'webhooks',
    sorts: {},
  };
}

const LIST_KEY = { owners: 'owners', apps: 'apps', hooks: 'hooks' } as const satisfies Record<
  Pane,
  keyof Lists
>;

export function listOf(state: AppState, pane: Pane): ListState {
  return state.lists[LIST_KEY[pane]];
}

export function withList(state: AppState, pane: Pane, list: ListState): AppState {
  return { ...state, lists: { ...state.lists, [LIST_KEY[pane]]: list } };
}

function rowIds(state: AppState, pane: Pane): readonly { id: string }[] {
  if (pane === 'owners') return visibleOwners(state);
  if (pane === 'apps') return visibleApps(state);
  return visibleHooks(state);
}

function moveCursor(state: AppState, pane: Pane, to: (cursor: number, count: number) => number): AppState {
  const list = listOf(state, pane);
  const count = rowIds(state, pane).length;
  const cursor = clampCursor(to(clampCursor(list.cursor, count), count), count);
  if (cursor === list.cursor) return state;
  const { selectedId: _moved, pendingId: _asked, ...rest } = list;
  return withList(state, pane, { ...rest, cursor });
}

/** A key while the pane's filter is being typed: the one line editor, Enter keeps, Esc clears. */
export function filterKey(state: AppState, pane: Pane, name: string): AppState {
  const list = listOf(state, pane);
  const command = commandFor(filterKeys, name);
  if (command === 'filter.apply') return withList(state, pane, { ...list, filtering: false });
  // The selected row stays selected (it is found again by id in the whole list).
  if (command === 'filter.cancel')
    return withList(state, pane, { ...list, filter: '', filtering: false, filterCursor: 0 });
  const line = editLine({ value: list.filter, cursor: list.filterCursor, selected: false }, name);
  if (!line) return state;
  // A new filter keeps the selected row if it still matches, else the first row.
  const cursor = line.value === list.filter ? list.cursor : 0;
  return withList(state, pane, { ...list, cursor, filter: line.value, filterCursor: line.cursor });
}

/** Navigation and filtering keys of a list; `open` and `back` move between panes. */
export function listKey(state: AppState, pane: Pane, command: ListCommand, pageSize: number): AppState {
  switch (command) {
    case 'nav.up':
      return moveCursor(state, pane, (c) => c - 1);
    case 'nav.down':
      return moveCursor(state, pane, (c) => c + 1);
    case 'nav.pageUp':
      return moveCursor(state, pane, (c) => c - Math.max(1, pageSize));
    case 'nav.pageDown':
      return moveCursor(state, pane, (c) => c + Math.max(1, pageSize));
    case 'nav.top':
      return moveCursor(state, pane, () => 0);
    case 'nav.bottom':
      return moveCursor(state, pane, (_c, n) => n - 1);
    case 'list.filter': {
      const list = listOf(state, pane);
      return withList(state, pane, { ...list, filtering: true, filterCursor: [...list.filter].length });
    }
    case 'list.open':
      return pane === 'hooks' ? state : focus(state, PANES[PANES.indexOf(pane) + 1]!);
    case 'list.back': {
      if (listOf(state, pane).filter) return filterKey(state, pane, 'esc');
      return pane === 'owners' ? state : focus(state, PANES[PANES.indexOf(pane) - 1]!);
    }
  }
}

export function focus(state: AppState, pane: Pane): AppState {
  return { ...state, lists: { ...state.lists, focus: pane } };
}

export function nextPane(state: AppState, step: 1 | -1): AppState {
  const at = PANES.indexOf(state.lists.focus);
  return focus(state, PANES[(at + step + PANES.length) % PANES.length]!);
}

export function showTab(state: AppState, tab: Tab): AppState {
  return tab === state.lists.tab ? state : { ...state, lists: { ...state.lists, tab, hooks: emptyList } };
}

/** Puts the cursor on the row that has the list's selected id, or records the id of the cursor's row. */
function anchored(list: ListState, rows: readonly { id: string }[]): ListState {
  if (rows.length === 0) return list;
  const pending = list.pendingId === undefined ? -1 : rows.findIndex((r) => r.id === list.pendingId);
  if (pending >= 0) {
    const { pendingId, ...rest } = list;
    return { ...rest, cursor: pending, selectedId: pendingId };
  }
  const at = list.selectedId === undefined ? -1 : rows.findIndex((r) => r.id === list.selectedId);
  const cursor = at >= 0 ? at : clampCursor(list.cursor, rows.length);
  const selectedId = rows[cursor]!.id;
  return cursor === list.cursor && selectedId === list.selectedId ? list : { ...list, cursor, selectedId };
}

/**
 * Run after every action: each list's cursor follows its selected row by id (a refresh, a live
 * change or a filter never moves it to another row), a new owner starts its apps and hooks from the
 * top and is remembered, and its hooks (and members' names) are asked for.
 */
export function keepSelection(before: AppState, after: AppState): { state: AppState; effects: Effect[] } {
  const effects: Effect[] = [];
  let state = withList(after, 'owners', anchored(after.lists.owners, visibleOwners(after)));
  const was = selectedOwner(before)?.id;
  const owner = selectedOwner(state);
  if (owner && owner.id !== was) {
    state = {
      ...state,
      lists: {
        ...state.lists,
        // A row asked for in the new owner (the Problems view's Enter) is kept until it is listed.
        apps: state.lists.apps.pendingId
          ? { ...emptyList, pendingId: state.lists.apps.pendingId }
          : emptyList,
        hooks: { ...state.lists.hooks, cursor: 0, selectedId: undefined },
      },
    };
    if (before.remote.owners.data) effects.push({ type: 'rememberOwner', ownerId: owner.id });
    // The live model loads each list once (and its members' names): asking again costs nothing.
    effects.push({ type: 'loadHooks', ownerId: owner.id, organisation: owner.kind === 'organisation' });
  }
  const appWas = before.lists.apps.selectedId;
  state = withList(state, 'apps', anchored(state.lists.apps, visibleApps(state)));
  if (owner?.id === was && appWas !== undefined && state.lists.apps.selectedId !== appWas)
    state = withList(state, 'hooks', { ...state.lists.hooks, cursor: 0, selectedId: undefined });
  state = withList(state, 'hooks', anchored(state.lists.hooks, visibleHooks(state)));
  return { state, effects };
}

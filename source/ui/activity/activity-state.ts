// The state of the Activity tab as a reducer: the selected line (by key, so that new rows arriving on
// top do not move it), pause, the open delivery, and the filter when no App container owns it.
import { commandFor, confirmKeys, filterKeys } from '../keys/key-map.js';
import { clampCursor } from '../table/window.js';
import { editLine } from '../text-field/line-edit.js';
import { type ActivityCommand, activityKeys } from './activity-keys.js';

export interface ActivityUiState {
  /** undefined: follow the newest line. */
  selected: string | undefined;
  paused: boolean;
  /** Key of the delivery line whose details are open. */
  detail: string | undefined;
  detailScroll: number;
  filter: string;
  filtering: boolean;
  /** Where the filter is being edited, in characters. */
  filterCursor: number;
  flash: string | undefined;
  /** `r` asks to confirm a redelivery of this line first (naming the hook and its URL). */
  confirm: string | undefined;
  /** Confirmed: the pane runs the redelivery of this line (a side effect) and flashes the outcome. */
  redeliver: { key: string; seq: number } | undefined;
}

export const initialActivityUi: ActivityUiState = {
  selected: undefined,
  paused: false,
  detail: undefined,
  detailScroll: 0,
  filter: '',
  filtering: false,
  filterCursor: 0,
  flash: undefined,
  confirm: undefined,
  redeliver: undefined,
};

export type ActivityUiAction =
  /**
   * One key, decided here rather than in the input handler: within a burst of keys the handler's view
   * of the state is stale (Escape then j must leave the filter, then move).
   */
  | { type: 'key'; name: string; keys: readonly string[]; pageSize: number; ownsFilter: boolean }
  | { type: 'flash'; text: string | undefined };

function move(
  state: ActivityUiState,
  keys: readonly string[],
  to: (index: number) => number,
): ActivityUiState {
  if (keys.length === 0) return state;
  const current = state.selected ? Math.max(0, keys.indexOf(state.selected)) : 0;
  const next = clampCursor(to(current), keys.length);
  return { ...state, selected: next === 0 ? undefined : keys[next], flash: undefined };
}

export function activityUiReducer(state: ActivityUiState, action: ActivityUiAction): ActivityUiState {
  if (action.type === 'flash') return { ...state, flash: action.text };
  if (state.confirm) return confirmKey(state, state.confirm, action.name);
  if (action.ownsFilter && state.filtering) return filterKey(state, action.name);
  const command = commandFor(activityKeys, action.name);
  // Inside the App, `/` and the typing that follows are the App's (its hook list filter).
  if (!command || (command === 'list.filter' && !action.ownsFilter)) return state;
  return commandReducer(state, command, action.keys, action.pageSize);
}

/** Whether the pane takes this key (the rest goes to the screen around it). */
export function activityTakes(state: ActivityUiState, action: ActivityUiAction & { type: 'key' }): boolean {
  if (state.confirm || (action.ownsFilter && state.filtering)) return true;
  const command = commandFor(activityKeys, action.name);
  return command !== undefined && !(command === 'list.filter' && !action.ownsFilter);
}

/** y redelivers, n or Esc keeps things as they are; other keys wait for one of those. */
function confirmKey(state: ActivityUiState, key: string, name: string): ActivityUiState {
  const command = commandFor(confirmKeys, name);
  if (command === 'confirm.yes')
    return { ...state, confirm: undefined, redeliver: { key, seq: (state.redeliver?.seq ?? 0) + 1 } };
  if (command === 'confirm.no') return { ...state, confirm: undefined, flash: 'Not redelivered.' };
  return state;
}

/** The filter being typed: the one line editor of every text field; Enter keeps it, Esc clears it. */
function filterKey(state: ActivityUiState, name: string): ActivityUiState {
  const command = commandFor(filterKeys, name);
  if (command === 'filter.apply') return { ...state, filtering: false };
  if (command === 'filter.cancel') return { ...state, filtering: false, filter: '', filterCursor: 0 };
  const line = editLine({ value: state.filter, cursor: state.filterCursor, selected: false }, name);
  if (!line) return state;
  return { ...state, filter: line.value, filterCursor: line.cursor };
}

function commandReducer(
  state: ActivityUiState,
  command: ActivityCommand,
  keys: readonly string[],
  pageSize: number,
): ActivityUiState {
  if (state.detail) {
    if (command === 'activity.close' || command === 'activity.open') return { ...state, detail: undefined };
    if (command === 'activity.up') return { ...state, detailScroll: Math.max(0, state.detailScroll - 1) };
    if (command === 'activity.down') return { ...state, detailScroll: state.detailScroll + 1 };
    if (command === 'activity.pause') return { ...state, paused: !state.paused };
    return state;
  }
  switch (command) {
    case 'activity.up':
      return move(state, keys, (i) => i - 1);
    case 'activity.down':
      return move(state, keys, (i) => i + 1);
    case 'activity.pageUp':
      return move(state, keys, (i) => i - Math.max(1, pageSize));
    case 'activity.pageDown':
      return move(state, keys, (i) => i + Math.max(1, pageSize));
    case 'activity.top':
      return { ...state, selected: undefined };
    case 'activity.bottom':
      return move(state, keys, () => keys.length - 1);
    case 'activity.pause':
      return { ...state, paused: !state.paused, flash: undefined };
    case 'list.filter':
      return { ...state, filtering: true, filterCursor: [...state.filter].length };
    case 'activity.open': {
      const key = state.selected ?? keys[0];
      return key?.includes('>')
        ? { ...state, detail: key, detailScroll: 0 }
        : { ...state, flash: 'Select a delivery (the lines under an event) to open it.' };
    }
    case 'activity.close':
      return state.filter ? { ...state, filter: '', filterCursor: 0 } : state;
    case 'activity.redeliver': {
      const key = state.selected ?? keys[0];
      return key?.includes('>')
        ? { ...state, confirm: key, flash: undefined }
        : { ...state, flash: 'Select a delivery (the lines under an event) to redeliver it.' };
    }
  }
}

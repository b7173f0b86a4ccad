// The state of the Activity tab as a reducer: the selected line (by key, so that new rows arriving on
// top do not move it), pause, the open delivery, and the filter when no App container owns it.
import { commandFor } from '../keys/key-map.js';
import { clampCursor } from '../table/window.js';
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
  flash: string | undefined;
  /** `r` asks for a redelivery of this line; the pane runs it (a side effect) and flashes the outcome. */
  redeliver: { key: string; seq: number } | undefined;
}

export const initialActivityUi: ActivityUiState = {
  selected: undefined,
  paused: false,
  detail: undefined,
  detailScroll: 0,
  filter: '',
  filtering: false,
  flash: undefined,
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
  if (action.ownsFilter && state.filtering) return filterKey(state, action.name);
  const command = commandFor(activityKeys, action.name);
  // Inside the App, `/` and the typing that follows are the App's (its hook list filter).
  if (!command || (command === 'list.filter' && !action.ownsFilter)) return state;
  return commandReducer(state, command, action.keys, action.pageSize);
}

function filterKey(state: ActivityUiState, name: string): ActivityUiState {
  if (name === 'enter' || name === 'up' || name === 'down') return { ...state, filtering: false };
  if (name === 'esc') return { ...state, filtering: false, filter: '', selected: undefined };
  if (name === 'backspace')
    return { ...state, filter: [...state.filter].slice(0, -1).join(''), selected: undefined };
  if (name === 'space') return { ...state, filter: `${state.filter} `, selected: undefined };
  if ([...name].length === 1) return { ...state, filter: state.filter + name, selected: undefined };
  return state;
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
      return { ...state, filtering: true };
    case 'activity.open': {
      const key = state.selected ?? keys[0];
      return key?.includes('>')
        ? { ...state, detail: key, detailScroll: 0 }
        : { ...state, flash: 'Select a delivery (the lines under an event) to open it.' };
    }
    case 'activity.close':
      return state.filter ? { ...state, filter: '', selected: undefined } : state;
    case 'activity.redeliver': {
      const key = state.selected ?? keys[0];
      return key?.includes('>')
        ? { ...state, redeliver: { key, seq: (state.redeliver?.seq ?? 0) + 1 } }
        : { ...state, flash: 'Select a delivery (the lines under an event) to redeliver it.' };
    }
  }
}

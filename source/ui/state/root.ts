// The root reducer: it routes each key through the key maps in force to the slice that owns it, hands
// every other action to its slice, then keeps each list's selection on its row (by id).

import type { LiveModelSnapshot } from '../../api/live/live-model.js';
import { safeText } from '../../domain/terminal-text.js';
import { activityKeys } from '../activity/activity-keys.js';
import { commandFor, globalKeys, type HookCommand, type ListCommand } from '../keys/key-map.js';
import { openConsole } from './console.js';
import { exportPrompt } from './export-prompt.js';
import { hookCommand, hookRemoved, hookSaved, queue, withStatus } from './hook-commands.js';
import { activeKeyMaps } from './key-maps.js';
import { filterKey, initialLists, keepSelection, listKey, listOf, nextPane, showTab } from './lists.js';
import type { AppAction, AppState, HelpArea } from './model.js';
import { NO_OVERLAY, overlayKey } from './overlays.js';
import { anchorProblems, initialProblems, openProblems, problemsKey } from './problems.js';
import { initialRemote, remoteReducer } from './remote-data.js';
import { selectedHook, selectedOwner } from './selectors.js';
import { sortKey } from './sort-keys.js';

export function initialAppState(): AppState {
  return {
    remote: initialRemote(),
    lists: initialLists(),
    overlay: NO_OVERLAY,
    problems: initialProblems(Date.now()),
    wizardSerial: 0,
    statusSerial: 0,
    noticeSeq: 0,
    effects: [],
  };
}

const HOOK_COMMANDS = new Set<string>([
  'hook.add',
  'hook.edit',
  'hook.remove',
  'hook.test',
  'hook.copyId',
  'hook.copyUrl',
  'hook.copyCommand',
  'hook.enable',
]);

/** `r`: everything asked for again; what is on screen stays (selection, open details) until it answers. */
function reload(state: AppState): AppState {
  if (state.remote.connectError) {
    const { connectError: _cleared, ...remote } = state.remote;
    return {
      ...state,
      remote: { ...remote, owners: { status: 'loading' }, connectAttempt: remote.connectAttempt + 1 },
    };
  }
  const owner = selectedOwner(state);
  return queue(state, { type: 'reload', ...(owner ? { ownerId: owner.id } : {}) });
}

function globalKey(state: AppState, command: string): AppState {
  switch (command) {
    case 'app.quit':
      return queue(state, { type: 'quit' });
    case 'app.help':
      return { ...state, overlay: { type: 'help', scroll: 0 } };
    case 'app.refresh':
      return reload(state);
    case 'app.problems':
      return openProblems(state);
    case 'pane.next':
      return nextPane(state, 1);
    case 'pane.previous':
      return nextPane(state, -1);
    case 'tab.webhooks':
      return showTab(state, 'webhooks');
    case 'tab.emailHooks':
      return showTab(state, 'emailHooks');
    case 'tab.activity':
      return showTab(state, 'activity');
    default:
      return state;
  }
}

function keyReducer(state: AppState, name: string, pageSize: number, area: HelpArea): AppState {
  if (name === 'ctrl+c') return queue(state, { type: 'quit' });
  if (state.overlay.type === 'problems') return problemsViewKey(state, name, pageSize);
  const fromOverlay = overlayKey(state, name, area);
  if (fromOverlay) return fromOverlay;
  if (state.overlay.type === 'detail') {
    // Over the details, `r` reloads and keeps them open; the other global keys close them first.
    const command = commandFor(globalKeys, name);
    if (command === 'app.refresh') return reload(state);
    return command ? globalKey({ ...state, overlay: NO_OVERLAY }, command) : state;
  }
  const pane = state.lists.focus;
  if (listOf(state, pane).filtering) return filterKey(state, pane, name);
  for (const map of activeKeyMaps(state)) {
    const command = commandFor(map, name);
    if (!command) continue;
    if (map === globalKeys) return globalKey(state, command);
    // The Activity pane's keys are its own (../activity); only its filter is the hook list's.
    if (map === activityKeys)
      return command === 'list.filter' ? listKey(state, pane, command, pageSize) : state;
    if (command === 'table.sort' || command === 'table.reverse') return sortKey(state, command);
    if (HOOK_COMMANDS.has(command))
      return hookCommand(state, command as HookCommand, selectedHook(state), 'list');
    if (command === 'owner.export') return exportPrompt(state);
    if (command === 'owner.console') return openConsole(state);
    if (command === 'list.open' && pane === 'hooks') {
      const hook = selectedHook(state);
      return hook
        ? { ...state, overlay: { type: 'detail', kind: hook.kind, hookId: hook.id, scroll: 0 } }
        : state;
    }
    return listKey(state, pane, command as ListCommand, pageSize);
  }
  return state;
}

/** Over the Problems view, its keys first; `r` asks every owner again, `?` shows its keys, `!` closes it. */
function problemsViewKey(state: AppState, name: string, pageSize: number): AppState {
  const own = problemsKey(state, name, pageSize);
  if (own) return own;
  const command = commandFor(globalKeys, name);
  if (command === 'app.refresh') return queue(state, { type: 'reload', everyOwner: true });
  if (command === 'app.help') return { ...state, overlay: { type: 'help', scroll: 0, under: 'problems' } };
  if (command === 'app.problems') return { ...state, overlay: NO_OVERLAY };
  return command ? globalKey({ ...state, overlay: NO_OVERLAY }, command) : state;
}

/** A hook the live model saw turn DISABLED is said on the status line, once, by name and why. */
function withNotices(state: AppState, snapshot: LiveModelSnapshot): AppState {
  const fresh = snapshot.notices.filter((n) => n.seq > state.noticeSeq);
  if (fresh.length === 0) return state;
  // The notice's text names the hook already.
  const text = fresh.map((n) => safeText(n.text)).join('; ');
  return withStatus({ ...state, noticeSeq: fresh.at(-1)!.seq }, text, 'warning');
}

function reduce(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'key': {
      // A status line lasts until the next key.
      const { status: _read, ...rest } = state;
      return keyReducer(rest, action.name, action.pageSize, action.helpArea);
    }
    case 'connected': {
      const preferred = action.preferredOwnerId;
      const owners = state.lists.owners;
      // The tables' sorts, as the settings remember them.
      const sorted = action.sorts ? { ...state, lists: { ...state.lists, sorts: action.sorts } } : state;
      // The last owner looked at is selected when the owners arrive (found by id).
      if (owners.selectedId || !preferred) return sorted;
      return { ...sorted, lists: { ...sorted.lists, owners: { ...owners, selectedId: preferred } } };
    }
    case 'welcome':
      // Shown once: remembered as soon as it is on screen, however the user leaves it.
      return queue({ ...state, overlay: { type: 'welcome' } }, { type: 'welcomeSeen' });
    case 'live':
      return withNotices({ ...state, remote: remoteReducer(state.remote, action) }, action.snapshot);
    case 'hookSaved':
      return hookSaved(state, action.hook, action.created);
    case 'hookRemoved':
      return hookRemoved(state, action.hook);
    case 'effectsTaken':
      return { ...state, effects: state.effects.slice(action.count) };
    case 'wizardClosed':
      return { ...state, overlay: NO_OVERLAY };
    case 'quitRequested':
      return queue(state, { type: 'quit' });
    case 'showMessage':
      return { ...state, overlay: { type: 'message', message: action.message } };
    case 'status':
      return withStatus(state, action.text, action.tone);
    case 'clock':
      return { ...state, problems: { ...state.problems, now: action.now } };
    case 'statusExpired':
      if (state.status?.serial !== action.serial) return state;
      return (({ status: _gone, ...rest }) => rest)(state);
    default:
      return { ...state, remote: remoteReducer(state.remote, action) };
  }
}

export function appReducer(state: AppState, action: AppAction): AppState {
  const next = reduce(state, action);
  if (next === state) return state;
  const kept = keepSelection(state, next);
  return queue(anchorProblems(kept.state), ...kept.effects);
}

// Which key maps are in force: they drive the handlers, the footer and the `?` help alike.
import { activityKeys } from '../activity/activity-keys.js';
import { textFieldKeys, wizardKeys } from '../keys/editing-keys.js';
import {
  confirmKeys,
  detailKeys,
  dismissKeys,
  exportPromptKeys,
  filterKeys,
  globalKeys,
  helpKeys,
  hooksKeys,
  type KeyMap,
  ownersKeys,
} from '../keys/key-map.js';
import { welcomeKeys, welcomeOwnerKeys } from '../keys/welcome-keys.js';
import { problemsKeys } from '../problems/problems-keys.js';
import { listOf } from './lists.js';
import type { AppState } from './model.js';

/** The key maps in force, most specific first. */
export function activeKeyMaps(state: AppState): KeyMap[] {
  switch (state.overlay.type) {
    case 'help':
      return [helpKeys];
    case 'message':
      return [dismissKeys];
    case 'welcome':
      return state.overlay.picking === undefined ? [welcomeKeys] : [welcomeOwnerKeys];
    case 'confirmRemove':
    case 'confirmEnable':
      return [confirmKeys];
    case 'exportPrompt':
      return [exportPromptKeys, textFieldKeys];
    case 'detail':
      return [detailKeys, globalKeys];
    case 'wizard':
      return [wizardKeys, textFieldKeys];
    case 'busy':
      return [];
    case 'problems':
      return [problemsKeys, globalKeys];
    case 'none':
      break;
  }
  if (listOf(state, state.lists.focus).filtering) return [filterKeys, textFieldKeys];
  if (state.lists.focus === 'hooks')
    return state.lists.tab === 'activity' ? [activityKeys, globalKeys] : [hooksKeys, globalKeys];
  return [ownersKeys, globalKeys];
}

/** What the help overlay lists: the keys of the screen beneath it, and those that act everywhere. */
export function helpKeyMaps(state: AppState): KeyMap[] {
  const under = state.overlay.type === 'help' ? state.overlay.under : undefined;
  const beneath = activeKeyMaps({ ...state, overlay: { type: under ?? 'none' } });
  return beneath.includes(globalKeys) ? beneath : [...beneath, globalKeys];
}

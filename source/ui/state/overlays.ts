// The overlay slice: help, welcome, messages, the open hook details, the removal confirmation. Each
// takes the keys while it is open.

import { helpLayout, helpLineCount } from '../help/help-layout.js';
import { commandFor, confirmKeys, detailKeys, dismissKeys, helpKeys } from '../keys/key-map.js';
import { welcomeKey } from '../welcome/welcome-state.js';
import { exportPromptKey } from './export-prompt.js';
import { confirmEnable, confirmRemoval, hookCommand } from './hook-commands.js';
import { helpKeyMaps } from './key-maps.js';
import type { AppState, HelpArea, Overlay } from './model.js';
import { findHook } from './selectors.js';

export const NO_OVERLAY: Overlay = { type: 'none' };

function close(state: AppState): AppState {
  return { ...state, overlay: NO_OVERLAY };
}

function helpKey(state: AppState, scroll: number, name: string, area: HelpArea): AppState {
  const command = commandFor(helpKeys, name);
  if (command === 'dismiss') {
    const under = state.overlay.type === 'help' ? state.overlay.under : undefined;
    return under ? { ...state, overlay: { type: under } } : close(state);
  }
  if (!command) return state;
  const { visible, maxScroll } = helpLayout(helpLineCount(helpKeyMaps(state)), area.width, area.height);
  const by =
    command === 'nav.up' ? -1 : command === 'nav.down' ? 1 : command === 'nav.pageUp' ? -visible : visible;
  return {
    ...state,
    overlay: { ...state.overlay, type: 'help', scroll: Math.min(maxScroll, Math.max(0, scroll + by)) },
  };
}

/** A key for the open overlay; undefined when none is open or the overlay leaves the key to the screen. */
export function overlayKey(state: AppState, name: string, area: HelpArea): AppState | undefined {
  const overlay = state.overlay;
  switch (overlay.type) {
    case 'help':
      return helpKey(state, overlay.scroll, name, area);
    case 'message':
      return commandFor(dismissKeys, name) ? close(state) : state;
    case 'welcome':
      return welcomeKey(state, overlay, name, area.height);
    case 'confirmRemove': {
      const command = commandFor(confirmKeys, name);
      if (command === 'confirm.no') {
        const back: Overlay =
          overlay.from === 'detail'
            ? { type: 'detail', kind: overlay.kind, hookId: overlay.hookId, scroll: 0 }
            : NO_OVERLAY;
        return { ...state, overlay: back };
      }
      return command === 'confirm.yes' ? confirmRemoval(state, overlay) : state;
    }
    case 'confirmEnable': {
      const command = commandFor(confirmKeys, name);
      if (command === 'confirm.no') {
        const back: Overlay =
          overlay.from === 'detail'
            ? { type: 'detail', kind: 'webhook', hookId: overlay.hookId, scroll: 0 }
            : NO_OVERLAY;
        return { ...state, overlay: back };
      }
      return command === 'confirm.yes' ? confirmEnable(state, overlay) : state;
    }
    case 'detail': {
      const command = commandFor(detailKeys, name);
      if (command === 'detail.close') return close(state);
      if (command === 'detail.secrets')
        return { ...state, overlay: { ...overlay, showSecrets: !overlay.showSecrets } };
      if (command === 'nav.up')
        return { ...state, overlay: { ...overlay, scroll: Math.max(0, overlay.scroll - 1) } };
      if (command === 'nav.down') return { ...state, overlay: { ...overlay, scroll: overlay.scroll + 1 } };
      if (command)
        return hookCommand(state, command, findHook(state, overlay.kind, overlay.hookId), 'detail', {
          showSecrets: overlay.showSecrets === true,
        });
      return undefined;
    }
    case 'exportPrompt':
      return exportPromptKey(state, overlay, name);
    case 'busy':
    case 'wizard':
      return state;
    case 'problems':
    case 'none':
      return undefined;
  }
}

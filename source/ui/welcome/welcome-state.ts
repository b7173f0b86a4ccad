// The welcome's keys: "add your first webhook" asks for which owner when there are several (the
// personal space and organisations), then opens the wizard for the one picked.
import { commandFor } from '../keys/key-map.js';
import { welcomeKeys, welcomeOwnerKeys } from '../keys/welcome-keys.js';
import { openWizard, queue } from '../state/hook-commands.js';
import { emptyList } from '../state/lists.js';
import type { AppState, Overlay, OwnerEntry } from '../state/model.js';
import { clampCursor } from '../table/window.js';

/** The owners the picker offers: every one, whatever filter the owners list has. */
export function pickableOwners(state: AppState): readonly OwnerEntry[] {
  return state.remote.owners.data ?? [];
}

/** The rows the picker shows at once, in a body `height` lines tall (the box, title and hint take 9). */
export function pickerRows(height: number): number {
  return Math.max(3, height - 9);
}

export function welcomeKey(
  state: AppState,
  overlay: Overlay & { type: 'welcome' },
  name: string,
  height: number,
): AppState {
  const owners = pickableOwners(state);
  if (overlay.picking === undefined) {
    const command = commandFor(welcomeKeys, name);
    if (command === 'app.quit') return queue(state, { type: 'quit' });
    if (command === 'welcome.browse') return { ...state, overlay: { type: 'none' } };
    if (command !== 'welcome.add') return state;
    if (owners.length > 1) {
      const current = owners.findIndex((o) => o.id === state.lists.owners.selectedId);
      return { ...state, overlay: { type: 'welcome', picking: Math.max(0, current) } };
    }
    return openWizard({ ...state, overlay: { type: 'none' } }, 'webhook');
  }
  const command = commandFor(welcomeOwnerKeys, name);
  const cursor = overlay.picking;
  const page = pickerRows(height);
  const moveTo = (to: number) => ({
    ...state,
    overlay: { type: 'welcome' as const, picking: clampCursor(to, owners.length) },
  });
  switch (command) {
    case 'nav.up':
      return moveTo(cursor - 1);
    case 'nav.down':
      return moveTo(cursor + 1);
    case 'nav.pageUp':
      return moveTo(cursor - page);
    case 'nav.pageDown':
      return moveTo(cursor + page);
    case 'nav.top':
      return moveTo(0);
    case 'nav.bottom':
      return moveTo(owners.length - 1);
    case 'welcome.back':
      return { ...state, overlay: { type: 'welcome' } };
    case 'welcome.pick': {
      const owner = owners[clampCursor(cursor, owners.length)];
      if (!owner) return state;
      // The owner is selected as if picked in the owners list (its filter cleared, so that it shows).
      const lists = {
        ...state.lists,
        owners: { ...emptyList, cursor: owners.indexOf(owner), selectedId: owner.id },
      };
      return openWizard({ ...state, lists, overlay: { type: 'none' } }, 'webhook');
    }
    default:
      return state;
  }
}

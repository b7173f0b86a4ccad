// The owners' export key: x asks for a path (from the owner's name), Enter queues the export, Esc
// cancels; the path is typed with the one line editor.
import { commandFor, exportPromptKeys } from '../keys/key-map.js';
import { editLine, lineOf } from '../text-field/line-edit.js';
import { queue } from './hook-commands.js';
import type { AppState, Overlay } from './model.js';
import { selectedOwner } from './selectors.js';

/** A file name from the owner's name: `Acme Shop` → `acme-shop.notifications.yaml`, in the current folder. */
export function defaultExportPath(ownerName: string): string {
  const slug = ownerName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'owner'}.notifications.yaml`;
}

export function exportPrompt(state: AppState): AppState {
  const owner = selectedOwner(state);
  if (!owner) return state;
  const name = owner.kind === 'user' ? (state.remote.who?.userName ?? owner.name) : owner.name;
  return {
    ...state,
    overlay: {
      type: 'exportPrompt',
      ownerId: owner.id,
      ownerName: owner.name,
      line: lineOf(defaultExportPath(name), true),
    },
  };
}

export function exportPromptKey(
  state: AppState,
  overlay: Extract<Overlay, { type: 'exportPrompt' }>,
  name: string,
): AppState {
  const command = commandFor(exportPromptKeys, name);
  if (command === 'prompt.cancel') return { ...state, overlay: { type: 'none' } };
  if (command === 'prompt.accept') {
    const path = overlay.line.value.trim();
    if (path === '') return state;
    return queue(
      { ...state, overlay: { type: 'busy', text: `Exporting the hooks of ${overlay.ownerName}…` } },
      { type: 'exportOwner', ownerId: overlay.ownerId, ownerName: overlay.ownerName, path },
    );
  }
  const line = editLine(overlay.line, name);
  return line ? { ...state, overlay: { ...overlay, line } } : state;
}

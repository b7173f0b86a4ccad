import type { ListState } from '../app/use-app-state.js';

/** A list's filter as shown beside its title: `/text`, with the cursor while it is being edited. */
export function filterText(list: ListState): string {
  if (!list.filtering) return list.filter ? `/${list.filter}` : '';
  const chars = [...list.filter];
  const at = Math.min(list.filterCursor, chars.length);
  return `/${chars.slice(0, at).join('')}▏${chars.slice(at).join('')}`;
}

/** What a list's filter looks like to the views: its text, whether it is being typed, and where. */
export interface FilterState {
  filter: string;
  filtering: boolean;
  /** In characters. */
  filterCursor: number;
}

/** A list's filter as shown beside its title: `/text`, with the cursor while it is being edited. */
export function filterText(list: FilterState): string {
  if (!list.filtering) return list.filter ? `/${list.filter}` : '';
  const chars = [...list.filter];
  const at = Math.min(list.filterCursor, chars.length);
  return `/${chars.slice(0, at).join('')}▏${chars.slice(at).join('')}`;
}

// Windowing: which rows of a long list are on screen, and where that is in the list. Only those rows
// are rendered, so a list of thousands of rows costs what a screenful costs. Every list of the TUI
// (owners, apps, hooks, the wizard's pickers, Activity) windows through `listWindow`, and says where
// it is with `positionText`.

/**
 * The first visible row, moved as little as possible so that the cursor stays in view, with `margin`
 * rows of context before and after it where the list allows (vim's scrolloff).
 */
export function scrollOffset(
  previous: number,
  cursor: number,
  height: number,
  count: number,
  margin = 0,
): number {
  if (height <= 0 || count <= height) return 0;
  const context = Math.max(0, Math.min(margin, Math.floor((height - 1) / 2)));
  let offset = Math.min(Math.max(0, previous), count - height);
  if (cursor - context < offset) offset = cursor - context;
  else if (cursor + context >= offset + height) offset = cursor + context - height + 1;
  return Math.max(0, Math.min(offset, count - height));
}

export function clampCursor(cursor: number, count: number): number {
  if (count <= 0) return 0;
  return Math.max(0, Math.min(cursor, count - 1));
}

export interface ListWindow {
  /** The first row on screen. */
  offset: number;
  /** One past the last row on screen. */
  end: number;
  count: number;
  /** "13–40 of 41" when the list does not fit, else "". */
  position: string;
}

export function listWindow(
  previous: number,
  cursor: number,
  height: number,
  count: number,
  margin = 0,
): ListWindow {
  const rows = Math.max(1, height);
  const offset = scrollOffset(previous, clampCursor(cursor, count), rows, count, margin);
  const end = Math.min(count, offset + rows);
  return { offset, end, count, position: positionText(offset, end, count) };
}

/** Where the rows on screen are in the list, as "13–40 of 41" (1-based); "" when all of it shows. */
export function positionText(offset: number, end: number, count: number): string {
  if (count === 0 || (offset === 0 && end >= count)) return '';
  return `${offset + 1}–${end} of ${count}`;
}

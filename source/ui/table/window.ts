// Windowing: which rows of a long list are on screen. Only those are rendered, so a list of
// thousands of rows costs what a screenful costs.

/** The first visible row, moved as little as possible so that the cursor stays in view. */
export function scrollOffset(previous: number, cursor: number, height: number, count: number): number {
  if (height <= 0 || count <= height) return 0;
  let offset = Math.min(Math.max(0, previous), count - height);
  if (cursor < offset) offset = cursor;
  else if (cursor >= offset + height) offset = cursor - height + 1;
  return Math.max(0, Math.min(offset, count - height));
}

export function clampCursor(cursor: number, count: number): number {
  if (count <= 0) return 0;
  return Math.max(0, Math.min(cursor, count - 1));
}

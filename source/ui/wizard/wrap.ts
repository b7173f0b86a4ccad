// Line counts of wrapped text, so that a step fits the height it is given.

/** How many lines Ink's word wrap gives `text` at `width` (greedy, like wrap-ansi). */
export function wrappedLines(text: string | undefined, width: number): number {
  if (!text) return 0;
  let lines = 1;
  let used = 0;
  for (const word of text.split(' ')) {
    const length = [...word].length;
    const needed = used === 0 ? length : used + 1 + length;
    if (needed <= width) used = needed;
    else {
      lines += used === 0 ? 0 : 1;
      used = length;
      while (used > width) {
        lines++;
        used -= width;
      }
    }
  }
  return lines;
}

// Fits table columns to a width: the least useful columns go first on a narrow terminal, then what
// is left is shared among the columns that can grow.
export interface ColumnSpec {
  id: string;
  title: string;
  /** Below this the column is useless and is dropped instead. */
  minWidth: number;
  /** Extra width it takes, relative to the other growing columns. 0 = fixed at minWidth. */
  grow?: number;
  maxWidth?: number;
  /** Higher is dropped first; columns without it are never dropped. */
  dropOrder?: number;
}

export interface FittedColumn<C extends ColumnSpec> {
  column: C;
  width: number;
}

export const COLUMN_GAP = 1;

export function fitColumns<C extends ColumnSpec>(
  columns: readonly C[],
  totalWidth: number,
): FittedColumn<C>[] {
  let kept = [...columns];
  const needed = (cols: readonly C[]) =>
    cols.reduce((sum, c) => sum + c.minWidth, 0) + COLUMN_GAP * Math.max(0, cols.length - 1);
  while (needed(kept) > totalWidth) {
    const droppable = kept.filter((c) => c.dropOrder !== undefined);
    if (droppable.length === 0) break;
    const victim = droppable.reduce((a, b) => (b.dropOrder! > a.dropOrder! ? b : a));
    kept = kept.filter((c) => c !== victim);
  }
  const widths = kept.map((c) => c.minWidth);
  let spare = Math.max(0, totalWidth - needed(kept));
  // Hand out the spare width in rounds so that maxWidth caps are honoured.
  for (let round = 0; round < 4 && spare > 0; round++) {
    const growing = kept
      .map((c, i) => ({ c, i }))
      .filter(({ c, i }) => (c.grow ?? 0) > 0 && (c.maxWidth === undefined || widths[i]! < c.maxWidth));
    const weight = growing.reduce((sum, { c }) => sum + (c.grow ?? 0), 0);
    if (weight === 0) break;
    let given = 0;
    for (const { c, i } of growing) {
      const share = Math.floor((spare * (c.grow ?? 0)) / weight);
      const cap = c.maxWidth === undefined ? share : Math.min(share, c.maxWidth - widths[i]!);
      widths[i]! += cap;
      given += cap;
    }
    spare -= given;
    if (given === 0) break;
  }
  return kept.map((column, i) => ({ column, width: widths[i]! }));
}

/** Cuts or pads a cell to exactly `width` terminal cells (ellipsis when cut). */
export function fitCell(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text.replace(/[\r\n\t]+/g, ' ')];
  if (chars.length <= width) return chars.join('') + ' '.repeat(width - chars.length);
  return `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

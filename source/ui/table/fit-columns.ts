// Fits table columns to a width: the least useful columns go first on a narrow terminal. The most
// useful columns (`fill`) then get their whole content, dropping less useful columns if they must,
// and what is left is shared among the columns that can grow, none past its content.
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
  /**
   * The column shows its whole content (up to maxWidth) before others grow, lower first; a column
   * with a higher dropOrder is dropped rather than cut this one short.
   */
  fill?: number;
}

export interface FittedColumn<C extends ColumnSpec> {
  column: C;
  width: number;
}

export const COLUMN_GAP = 1;

/**
 * `wanted[i]` is the widest content of column i (cells and title), when known: no column grows
 * past it, and `fill` columns are given it first.
 */
export function fitColumns<C extends ColumnSpec>(
  columns: readonly C[],
  totalWidth: number,
  wanted: readonly (number | undefined)[] = [],
): FittedColumn<C>[] {
  const want = new Map(columns.map((c, i) => [c, wanted[i]]));
  const cap = (c: C) => {
    const content = want.get(c);
    const max = Math.min(c.maxWidth ?? Number.POSITIVE_INFINITY, content ?? Number.POSITIVE_INFINITY);
    return Math.max(c.minWidth, max);
  };
  let kept = [...columns];
  const gaps = (cols: readonly C[]) => COLUMN_GAP * Math.max(0, cols.length - 1);
  const needed = (cols: readonly C[]) => cols.reduce((sum, c) => sum + c.minWidth, 0) + gaps(cols);
  const dropOne = (may: (c: C) => boolean) => {
    const droppable = kept.filter((c) => c.dropOrder !== undefined && may(c));
    if (droppable.length === 0) return false;
    const victim = droppable.reduce((a, b) => (b.dropOrder! > a.dropOrder! ? b : a));
    kept = kept.filter((c) => c !== victim);
    return true;
  };
  while (needed(kept) > totalWidth && dropOne(() => true));
  // The fill columns' whole content, at the cost of the columns less useful than the one cut short.
  const filled = (cols: readonly C[]) =>
    cols.reduce(
      (sum, c) => sum + (c.fill !== undefined && want.get(c) !== undefined ? cap(c) : c.minWidth),
      0,
    ) + gaps(cols);
  while (filled(kept) > totalWidth) {
    const short = kept.filter((c) => c.fill !== undefined && want.get(c) !== undefined);
    const least = Math.min(...short.map((c) => c.dropOrder ?? Number.POSITIVE_INFINITY));
    if (!dropOne((c) => c.fill === undefined && c.dropOrder! > least)) break;
  }
  const widths = kept.map((c) => c.minWidth);
  let spare = Math.max(0, totalWidth - needed(kept));
  const byFill = kept
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => c.fill !== undefined)
    .sort((a, b) => a.c.fill! - b.c.fill!);
  for (const { c, i } of byFill) {
    const more = Math.min(spare, cap(c) - widths[i]!);
    widths[i]! += more;
    spare -= more;
  }
  // Hand out the rest in rounds so that the caps are honoured.
  for (let round = 0; round < 4 && spare > 0; round++) {
    const growing = kept
      .map((c, i) => ({ c, i }))
      .filter(({ c, i }) => (c.grow ?? 0) > 0 && widths[i]! < cap(c));
    const weight = growing.reduce((sum, { c }) => sum + (c.grow ?? 0), 0);
    if (weight === 0) break;
    let given = 0;
    for (const { c, i } of growing) {
      const share = Math.max(1, Math.floor((spare * (c.grow ?? 0)) / weight));
      const more = Math.min(share, cap(c) - widths[i]!, spare - given);
      widths[i]! += more;
      given += more;
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

// The one table model and layout engine of clever-notify, used by the TUI's tables and by the CLI's
// human output. Pure: a column says what its cell reads and how much it matters; the layout decides
// which columns fit a width and cuts each cell to its column. Widths are display widths (text-width.ts:
// an emoji or a CJK character takes two cells), and every cell goes through `safeText`, so a table
// never lets outside text drive the terminal nor spill past its line.

import { safeText } from './terminal-text.js';
import stringWidth from './text-width.js';

export type CellTone = 'ok' | 'warning' | 'error' | 'info';

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
  /** The title when the column is narrower than `title` (a column of glyphs at its narrowest). */
  shortTitle?: string;
}

export interface TableColumn<Row> extends ColumnSpec {
  /**
   * The text of the cell, on one line. `width` is the room it gets (Infinity: all of it, for the
   * widest content and for output that is never cut); a cell may use it to shorten itself better
   * than a plain cut.
   */
  cell: (row: Row, width: number) => string;
  tone?: (row: Row) => CellTone | undefined;
  /** What the rows are ordered by when sorted by this column; the whole cell's text without it. */
  sortKey?: (row: Row) => string | number;
}

/** A table sorted by one of its columns (by id), ascending unless `descending`. */
export interface TableSort {
  column: string;
  descending: boolean;
}

/** A column's title in `width` cells: the short one when the whole does not fit, marked when sorted. */
export function columnTitle(column: ColumnSpec, width: number, sort?: TableSort): string {
  const mark = sort?.column === column.id ? (sort.descending ? '↓' : '↑') : '';
  const whole = mark + column.title;
  if (column.shortTitle === undefined || displayWidth(whole) <= width) return whole;
  return mark + column.shortTitle;
}

// ICU's collation and segmentation data load when the first collator or segmenter is made: made on
// first use, not when the module loads (the TUI loads it while its first answers are on their way,
// and would otherwise keep them waiting).
let collator: Intl.Collator | undefined;
function compareText(a: string, b: string): number {
  collator ??= new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });
  return collator.compare(a, b);
}

/**
 * The rows ordered by a column (its `sortKey`, else its whole cell), stable: rows that compare equal
 * keep their order, and so does every row when the column is unknown.
 */
export function sortRows<Row>(
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  sort: TableSort | undefined,
): Row[] {
  const column = sort && columns.find((c) => c.id === sort.column);
  if (!sort || !column) return [...rows];
  const keyOf = column.sortKey ?? ((row: Row) => column.cell(row, Number.POSITIVE_INFINITY));
  const keyed = rows.map((row, index) => ({ row, index, key: keyOf(row) }));
  const direction = sort.descending ? -1 : 1;
  keyed.sort((a, b) => {
    const order =
      typeof a.key === 'number' && typeof b.key === 'number'
        ? a.key - b.key
        : compareText(String(a.key), String(b.key));
    return order !== 0 ? order * direction : a.index - b.index;
  });
  return keyed.map((k) => k.row);
}

export interface FittedColumn<C extends ColumnSpec> {
  column: C;
  width: number;
}

/** Spaces between two columns of the TUI's tables. */
export const COLUMN_GAP = 1;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

let segmenter: Intl.Segmenter | undefined;
function graphemes(text: string): Intl.Segments {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return segmenter.segment(text);
}

/**
 * Terminal cells that `text` takes once made safe. With `atMost`, measuring stops soon after that
 * many cells: a 60,000-character name costs no more than the room it can get.
 */
export function displayWidth(text: string, atMost = Number.POSITIVE_INFINITY): number {
  return measure(safeCell(text), atMost);
}

/** Printable ASCII is one cell a character: only the other runs are measured by string-width. */
function measure(safe: string, atMost = Number.POSITIVE_INFINITY): number {
  if (PRINTABLE_ASCII.test(safe)) return safe.length;
  if (atMost === Number.POSITIVE_INFINITY) {
    let width = safe.length;
    for (const [run] of safe.matchAll(/[^\x20-\x7e]+/g)) width += stringWidth(run) - run.length;
    return width;
  }
  let width = 0;
  for (const { segment } of graphemes(safe)) {
    width += stringWidth(segment);
    if (width > atMost) break;
  }
  return width;
}

/** One line, terminal-safe: line breaks and tabs become spaces, every other control a visible escape. */
export function safeCell(text: string): string {
  return safeText(text.replace(/[\r\n\t]+/g, ' '));
}

/** Cuts or pads a cell to exactly `width` terminal cells (an ellipsis marks a cut). */
export function fitCell(text: string, width: number): string {
  if (width <= 0) return '';
  const safe = safeCell(text);
  if (PRINTABLE_ASCII.test(safe)) {
    return safe.length <= width ? safe.padEnd(width) : `${safe.slice(0, width - 1)}…`;
  }
  // Room for every character: measured whole, as contentWidths measures a table that is never cut.
  const full = measure(safe, width >= safe.length ? Number.POSITIVE_INFINITY : width);
  if (full <= width) return safe + ' '.repeat(width - full);
  let used = 0;
  let kept = '';
  // What fits before an ellipsis, should the text turn out too wide.
  let cut = '';
  let cutUsed = 0;
  for (const { segment } of graphemes(safe)) {
    const w = stringWidth(segment);
    if (used + w > width) return `${cut}…${' '.repeat(Math.max(0, width - 1 - cutUsed))}`;
    kept += segment;
    used += w;
    if (used <= width - 1) {
      cut = kept;
      cutUsed = used;
    }
  }
  return kept + ' '.repeat(width - used);
}

/**
 * The widest cell of each column (its title included), over every row, not only those on screen: the
 * layout does not jump. No column is wider than `atMost` (the table's width), so none is measured past it.
 */
export function contentWidths<Row>(
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
  atMost = Number.POSITIVE_INFINITY,
): number[] {
  const widest = columns.map((c) => displayWidth(c.title));
  for (const row of rows) {
    columns.forEach((c, i) => {
      widest[i] = Math.max(widest[i]!, displayWidth(c.cell(row, Number.POSITIVE_INFINITY), atMost));
    });
  }
  return widest;
}

/**
 * Fits columns to a width: the least useful columns go first. The most useful (`fill`) then get their
 * whole content, dropping less useful columns if they must, and what is left is shared among the
 * columns that can grow, none past its content. `wanted[i]` is the widest content of column i.
 */
export function fitColumns<C extends ColumnSpec>(
  columns: readonly C[],
  totalWidth: number,
  wanted: readonly (number | undefined)[] = [],
  gap = COLUMN_GAP,
): FittedColumn<C>[] {
  const want = new Map(columns.map((c, i) => [c, wanted[i]]));
  const cap = (c: C) => {
    const content = want.get(c);
    const max = Math.min(c.maxWidth ?? Number.POSITIVE_INFINITY, content ?? Number.POSITIVE_INFINITY);
    return Math.max(c.minWidth, max);
  };
  let kept = [...columns];
  const gaps = (cols: readonly C[]) => gap * Math.max(0, cols.length - 1);
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
  // Columns that are never dropped may still not fit a very narrow width: the rightmost give way.
  for (let i = kept.length - 1, over = needed(kept) - totalWidth; i >= 0 && over > 0; i--) {
    const less = Math.min(over, widths[i]! - 1);
    widths[i]! -= less;
    over -= less;
  }
  return kept.map((column, i) => ({ column, width: widths[i]! }));
}

export interface LaidOutCell {
  /** Exactly the column's width (the last column is not padded). */
  text: string;
  tone: CellTone | undefined;
}

export interface LaidOutTable {
  titles: string[];
  rows: LaidOutCell[][];
}

export interface LayoutOptions {
  /** The room on a line; undefined: every column whole (output that is not a terminal, or --wide). */
  width: number | undefined;
  gap: number;
}

/** Every row on one line: within `width` when given, else every column whole and nothing cut. */
export function layoutTable<Row>(
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
  { width, gap }: LayoutOptions,
): LaidOutTable {
  const wanted = contentWidths(columns, rows, width);
  const fitted =
    width === undefined
      ? columns.map((column, i) => ({ column, width: wanted[i]! }))
      : fitColumns(columns, width, wanted, gap);
  const last = fitted.length - 1;
  const cut = (text: string, w: number, i: number) =>
    i === last ? fitCell(text, w).trimEnd() : fitCell(text, w);
  return {
    titles: fitted.map((f, i) => cut(columnTitle(f.column, f.width), f.width, i)),
    rows: rows.map((row) =>
      fitted.map((f, i) => {
        const full = f.column.cell(row, width === undefined ? Number.POSITIVE_INFINITY : f.width);
        return { text: cut(full, f.width, i), tone: f.column.tone?.(row) };
      }),
    ),
  };
}

// The CLI's human tables: the layout of source/domain/table.ts (the TUI's too), one row per line,
// titles in capitals as clever-tools and docker print them, colour only where `paint` allows.
import { type CellTone, layoutTable, type TableColumn } from '../../domain/table.js';
import type { Paint, Tone } from './style.js';

export interface TableOptions {
  paint: Paint;
  /** The terminal's width; undefined (not a terminal, or --wide): every column whole, nothing cut. */
  width: number | undefined;
}

/** Two spaces between columns: a table on its own reads better with more air than a pane. */
const GAP = 2;

const TONES: Record<CellTone, Tone> = { ok: 'good', warning: 'warn', error: 'bad', info: 'muted' };

export function renderTable<Row>(
  columns: readonly TableColumn<Row>[],
  rows: readonly Row[],
  { paint, width }: TableOptions,
): string {
  const upper = columns.map((c) => ({ ...c, title: c.title.toUpperCase() }));
  const table = layoutTable(upper, rows, { width, gap: GAP });
  const gap = ' '.repeat(GAP);
  const lines = [
    table.titles.map((title) => paint('strong', title)).join(gap),
    ...table.rows.map((cells) =>
      cells.map((cell) => paint(cell.tone ? TONES[cell.tone] : undefined, cell.text)).join(gap),
    ),
  ];
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}

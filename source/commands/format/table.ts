// Aligned text tables. A cell may hold several lines (one URL per line…); a row then takes as many
// lines as its tallest cell, and rows are spaced by a blank line so that each stays readable.
import type { Paint, Tone } from './style.js';

export interface Cell {
  text: string;
  tone?: Tone | undefined;
}

export type CellInput = string | Cell;

export interface TableOptions {
  paint: Paint;
  /** Spaces between columns. */
  gap?: number;
  /** The terminal's width: columns named in `dropFirst` go, in that order, until the table fits. */
  maxWidth?: number | undefined;
  dropFirst?: readonly string[];
}

function cell(input: CellInput): Cell {
  return typeof input === 'string' ? { text: input } : input;
}

/** Display width in terminal columns (code points; our text holds no wide characters but names may). */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code >= 0x1100 && isWide(code) ? 2 : 1;
  }
  return width;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

function columnWidths(headers: string[], cells: Cell[][]): number[] {
  return headers.map((header, i) =>
    Math.max(
      displayWidth(header),
      ...cells.map((row) => Math.max(...row[i]!.text.split('\n').map((line) => displayWidth(line)))),
    ),
  );
}

/** The columns kept so that the table fits `maxWidth`, dropping the least useful first. */
function fittingColumns(headers: string[], cells: Cell[][], options: TableOptions, gap: number): number[] {
  const widths = columnWidths(headers, cells);
  let kept = headers.map((_, i) => i);
  const total = () => kept.reduce((sum, i) => sum + widths[i]!, 0) + gap * (kept.length - 1);
  for (const name of options.dropFirst ?? []) {
    if (options.maxWidth === undefined || total() <= options.maxWidth) break;
    kept = kept.filter((i) => headers[i] !== name);
  }
  return kept;
}

export function renderTable(allHeaders: string[], rows: CellInput[][], options: TableOptions): string {
  const gap = ' '.repeat(options.gap ?? 2);
  const allCells = rows.map((row) => allHeaders.map((_, i) => cell(row[i] ?? '')));
  const kept = fittingColumns(allHeaders, allCells, options, gap.length);
  const headers = kept.map((i) => allHeaders[i]!);
  const cells = allCells.map((row) => kept.map((i) => row[i]!));
  const widths = columnWidths(headers, cells);
  const last = headers.length - 1;
  const line = (parts: Cell[]): string =>
    parts
      .map((part, i) => {
        const padding = i === last ? '' : ' '.repeat(widths[i]! - displayWidth(part.text));
        return options.paint(part.tone, part.text) + padding;
      })
      .join(gap)
      .trimEnd();

  const out = [line(headers.map((text) => ({ text, tone: 'strong' as const })))];
  const tall = cells.some((row) => row.some((c) => c.text.includes('\n')));
  for (const row of cells) {
    const split = row.map((c) => c.text.split('\n'));
    const height = Math.max(...split.map((lines) => lines.length));
    if (tall && out.length > 1) out.push('');
    for (let y = 0; y < height; y++) {
      out.push(line(row.map((c, i) => ({ text: split[i]![y] ?? '', tone: c.tone }))));
    }
  }
  return `${out.join('\n')}\n`;
}

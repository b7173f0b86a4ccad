import { Box, Text } from 'ink';
import { memo, useMemo, useRef } from 'react';
import {
  type CellTone,
  COLUMN_GAP,
  columnTitle,
  displayWidth,
  type FittedColumn,
  fitCell,
  fitColumns,
  type TableColumn,
  type TableSort,
} from '../../domain/table.js';
import { useListWindow } from '../list/use-list-window.js';
import type { Theme } from '../theme/theme.js';
import { useTheme } from '../theme/theme-context.js';

// The column model and the layout are the CLI's too (source/domain/table.ts); this is their view.
export type Tone = CellTone;
export type { TableColumn };

export interface TableProps<Row> {
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  cursor: number;
  /** Lines available, header included. */
  height: number;
  width: number;
  focused: boolean;
  /** The column the rows are sorted by: its title is marked with the direction. */
  sort?: TableSort | undefined;
  /**
   * A line above the header, given where the rows on screen are ("13–40 of 41", or "" when all of
   * them show): the table's summary. It takes one of the `height` lines.
   */
  caption?: (position: string) => React.ReactNode;
}

export function Table<Row>({
  columns,
  rows,
  rowKey,
  cursor,
  height,
  width,
  focused,
  sort,
  caption,
}: TableProps<Row>) {
  const theme = useTheme();
  const bodyHeight = Math.max(1, height - 1 - (caption ? 1 : 0));
  const { offset, end, position } = useListWindow(cursor, bodyHeight, rows.length);
  // The widest content of each column, over every row (not just the visible ones): the layout stays put while scrolling.
  // Each row's content widths, kept per row object: refiltering the same rows costs only lookups.
  const widthsOf = useMemo(() => {
    const cache = new WeakMap<object, number[]>();
    return (row: Row) => {
      const key = row as object;
      let widths = cache.get(key);
      if (!widths) {
        widths = columns.map((c) => displayWidth(c.cell(row, Number.POSITIVE_INFINITY)));
        cache.set(key, widths);
      }
      return widths;
    };
  }, [columns]);
  // The same array while the widths are the same (another app's hooks often are): the layout below
  // stays the same object, and so do the rows that are still on screen.
  const lastWanted = useRef<number[]>([]);
  const wanted = useMemo(() => {
    const widest = columns.map((c) => displayWidth(columnTitle(c, Number.POSITIVE_INFINITY, sort)));
    for (const row of rows) {
      const widths = widthsOf(row);
      for (let i = 0; i < widest.length; i++) widest[i] = Math.max(widest[i]!, widths[i]!);
    }
    const last = lastWanted.current;
    if (last.length === widest.length && last.every((w, i) => w === widest[i])) return last;
    lastWanted.current = widest;
    return widest;
  }, [columns, rows, widthsOf, sort]);
  // Two cells for the selection marker. The same layout object from one key to the next, so that
  // rows whose content and selection did not change are not rendered again; kept too when other
  // widest contents fit to the same widths (they often do: the content is wider than the room).
  const lastFitted = useRef<FittedColumn<TableColumn<Row>>[]>([]);
  const fitted = useMemo(() => {
    const next = fitColumns(columns, Math.max(1, width - 2), wanted);
    const last = lastFitted.current;
    if (
      last.length === next.length &&
      last.every((f, i) => f.column === next[i]!.column && f.width === next[i]!.width)
    )
      return last;
    lastFitted.current = next;
    return next;
  }, [columns, width, wanted]);
  const visible = rows.slice(offset, end);
  const header = fitted
    .map((f) => fitCell(columnTitle(f.column, f.width, sort), f.width))
    .join(' '.repeat(COLUMN_GAP));
  return (
    <Box flexDirection="column" width={width}>
      {caption?.(position)}
      <Text {...theme.text.heading} wrap="truncate">
        {`  ${header}`}
      </Text>
      {visible.map((row, i) => {
        const selected = offset + i === cursor;
        return (
          <TableRow
            key={rowKey(row)}
            row={row}
            fitted={fitted}
            selected={selected}
            focused={focused}
            theme={theme}
          />
        );
      })}
    </Box>
  );
}

interface RowProps<Row> {
  row: Row;
  fitted: FittedColumn<TableColumn<Row>>[];
  selected: boolean;
  focused: boolean;
  theme: Theme;
}

/**
 * One row. The selected one is a single line, padded so that its highlight spans the row. The others
 * are a cell per column, each in a box as wide as its column: the spaces that align them are not
 * written. Ink turns every character it is given into objects at every frame (docs/performance.md,
 * "Where the memory goes"), and a cell whose text appears in several rows (a state, a scope, a host)
 * is made into those objects once per frame.
 */
function TableRowOf<Row>({ row, fitted, selected, focused, theme }: RowProps<Row>) {
  if (selected) {
    const line = fitted
      .map((f) => fitCell(f.column.cell(row, f.width), f.width))
      .join(' '.repeat(COLUMN_GAP));
    return (
      <Text wrap="truncate" {...(focused ? theme.selection.focused : theme.selection.unfocused)}>
        {`${theme.selectionMarker} ${line}`}
      </Text>
    );
  }
  const last = fitted.length - 1;
  return (
    <Box paddingLeft={2}>
      {fitted.map((f, i) => (
        <Cell
          key={f.column.id}
          text={fitCell(f.column.cell(row, f.width), f.width).trimEnd()}
          width={i === last ? undefined : f.width}
          tone={f.column.tone?.(row)}
          theme={theme}
        />
      ))}
    </Box>
  );
}

// A key re-renders the rows whose selection changed, not the whole window.
const TableRow = memo(TableRowOf) as typeof TableRowOf;

interface CellProps {
  text: string;
  /** The column's width; none for the last cell, which takes what is left. */
  width: number | undefined;
  tone: Tone | undefined;
  theme: Theme;
}

/**
 * A cell of a row that is not selected. When another list changes the columns' widths (another app's
 * hooks), every row renders again, but only the cells whose text or width changed make new elements
 * (docs/performance.md, "TUI: memory after 100 keys, third pass").
 */
const Cell = memo(function Cell({ text, width, tone, theme }: CellProps) {
  const cell = (
    <Text wrap="truncate" {...(tone ? theme.status[tone] : {})}>
      {text}
    </Text>
  );
  return width === undefined ? (
    cell
  ) : (
    <Box width={width + COLUMN_GAP} flexShrink={0}>
      {cell}
    </Box>
  );
});

import { Box, Text } from 'ink';
import { useMemo } from 'react';
import {
  type CellTone,
  COLUMN_GAP,
  columnTitle,
  displayWidth,
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
  const wanted = useMemo(() => {
    const widest = columns.map((c) => displayWidth(columnTitle(c, Number.POSITIVE_INFINITY, sort)));
    for (const row of rows) {
      const widths = widthsOf(row);
      for (let i = 0; i < widest.length; i++) widest[i] = Math.max(widest[i]!, widths[i]!);
    }
    return widest;
  }, [columns, rows, widthsOf, sort]);
  // Two cells for the selection marker.
  const fitted = fitColumns(columns, Math.max(1, width - 2), wanted);
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
  fitted: { column: TableColumn<Row>; width: number }[];
  selected: boolean;
  focused: boolean;
  theme: Theme;
}

function TableRow<Row>({ row, fitted, selected, focused, theme }: RowProps<Row>) {
  const marker = selected ? `${theme.selectionMarker} ` : '  ';
  if (selected) {
    const line = fitted
      .map((f) => fitCell(f.column.cell(row, f.width), f.width))
      .join(' '.repeat(COLUMN_GAP));
    return (
      <Text wrap="truncate" {...(focused ? theme.selection.focused : theme.selection.unfocused)}>
        {marker + line}
      </Text>
    );
  }
  return (
    <Text wrap="truncate">
      {marker}
      {fitted.map((f, i) => {
        const tone = f.column.tone?.(row);
        const text = fitCell(f.column.cell(row, f.width), f.width) + (i < fitted.length - 1 ? ' ' : '');
        return tone ? (
          <Text key={f.column.id} {...theme.status[tone]}>
            {text}
          </Text>
        ) : (
          text
        );
      })}
    </Text>
  );
}

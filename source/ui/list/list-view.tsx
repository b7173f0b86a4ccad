import { Box, Text } from 'ink';
import { displayWidth, fitCell } from '../../domain/table.js';
import type { Tone } from '../table/table.js';
import { clampCursor } from '../table/window.js';
import { useTheme } from '../theme/theme-context.js';
import { type FilterState, filterText } from './filter-text.js';
import { useListWindow } from './use-list-window.js';

export interface ListItem {
  key: string;
  label: string;
  detail?: string;
  detailTone?: Tone;
}

export interface ListViewProps {
  title: string;
  items: readonly ListItem[];
  /** The cursor (an index in `items`) and the filter. */
  list: FilterState & { cursor: number };
  /** Lines for the whole box, borders included. */
  height: number;
  width: number;
  focused: boolean;
  /** Shown instead of the rows (a spinner, an error). */
  children?: React.ReactNode;
}

/** A bordered, windowed list: only the rows that fit are rendered. */
export function ListView({ title, items, list, height, width, focused, children }: ListViewProps) {
  const theme = useTheme();
  const inner = Math.max(1, width - 4);
  const bodyHeight = Math.max(1, height - 3);
  const cursor = clampCursor(list.cursor, items.length);
  const { offset, end, position } = useListWindow(cursor, bodyHeight, items.length);
  const visible = items.slice(offset, end);
  const filter = filterText(list);
  // The position keeps its place at the right; the title and the filter are cut before it.
  const heading = focused && theme.name === 'no-color' ? `* ${title}` : title;
  const room = Math.max(1, inner - (position ? displayWidth(position) + 1 : 0));
  const headText = fitCell(heading + (filter ? ` ${filter}` : ''), room);
  const titlePart = headText.slice(0, Math.min(headText.length, heading.length));
  const filterPart = headText.slice(titlePart.length);
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="round"
      borderColor={focused ? theme.border.focused : theme.border.unfocused}
      paddingX={1}
      // Vertical clip only: each line is truncated to the box already, and a horizontal clip makes
      // Ink re-slice every line of every frame (docs/performance.md).
      overflowY="hidden"
    >
      <Text wrap="truncate">
        <Text {...theme.text.heading} underline={focused && theme.name === 'no-color'}>
          {titlePart}
        </Text>
        <Text {...theme.status.info}>{position ? filterPart : filterPart.trimEnd()}</Text>
        <Text {...theme.text.secondary}>{position && ` ${position}`}</Text>
      </Text>
      {children ??
        visible.map((item, i) => {
          const selected = offset + i === cursor;
          const marker = selected ? `${theme.selectionMarker} ` : '  ';
          const detail = item.detail ? ` ${item.detail}` : '';
          const labelWidth = Math.max(1, inner - 2 - [...detail].length);
          const label = fitCell(item.label, labelWidth);
          if (selected) {
            return (
              <Text
                key={item.key}
                wrap="truncate"
                {...(focused ? theme.selection.focused : theme.selection.unfocused)}
              >
                {marker + label + detail}
              </Text>
            );
          }
          // The spaces that align the detail are not written (see TableRow in ../table/table.tsx).
          return (
            <Box key={item.key} paddingLeft={marker.length}>
              <Box width={labelWidth} flexShrink={0}>
                <Text wrap="truncate">{label.trimEnd()}</Text>
              </Box>
              <Text
                wrap="truncate"
                {...(item.detailTone ? theme.status[item.detailTone] : theme.text.secondary)}
              >
                {detail}
              </Text>
            </Box>
          );
        })}
    </Box>
  );
}

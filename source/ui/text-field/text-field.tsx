import { Text } from 'ink';
import { useTheme } from '../theme/theme-context.js';
import { type Line, lineOf } from './line-edit.js';

/** The part of a line that fits in `room` columns, scrolled so that the cursor stays visible. */
export function visibleSlice(line: Line, room: number): { before: string; at: string; after: string } {
  const chars = [...line.value];
  const cursor = Math.min(line.cursor, chars.length);
  // The cursor takes a column of its own at the end of the line.
  const total = chars.length + 1;
  let start = 0;
  if (total > room) start = Math.min(Math.max(0, cursor - room + 2), total - room);
  const end = start + room;
  const mark = (from: number, to: number) => chars.slice(from, to).join('');
  const before = start > 0 ? `…${mark(start + 1, cursor)}` : mark(0, cursor);
  const tail = chars.slice(cursor + 1, end);
  const after = end < chars.length ? `${tail.slice(0, -1).join('')}…` : tail.join('');
  return { before, at: chars[cursor] ?? ' ', after };
}

/** One line of typed text with its cursor; the wizard's reducer owns the value and the cursor. */
export function TextField({
  label,
  value,
  line = lineOf(value),
  placeholder,
  focused,
  width,
}: {
  label: string;
  value: string;
  line?: Line;
  placeholder?: string;
  focused: boolean;
  width: number;
}) {
  const theme = useTheme();
  const room = Math.max(4, width - label.length - 2);
  if (value === '' && placeholder) {
    return (
      <Text wrap="truncate">
        <Text bold>{`${label} `}</Text>
        {focused ? <Text inverse> </Text> : null}
        <Text {...theme.text.secondary}>{placeholder}</Text>
      </Text>
    );
  }
  if (!focused) {
    const { before, at, after } = visibleSlice({ ...line, cursor: [...value].length }, room);
    return (
      <Text wrap="truncate">
        <Text bold>{`${label} `}</Text>
        {before + at.trimEnd() + after}
      </Text>
    );
  }
  // A prefilled default shows as selected: typing replaces it.
  if (line.selected) {
    const { before } = visibleSlice({ ...line, cursor: [...value].length }, room);
    return (
      <Text wrap="truncate">
        <Text bold>{`${label} `}</Text>
        <Text inverse>{before}</Text>
        <Text {...theme.text.secondary}>{'  (type to replace, ← or → to edit)'}</Text>
      </Text>
    );
  }
  const { before, at, after } = visibleSlice(line, room);
  return (
    <Text wrap="truncate">
      <Text bold>{`${label} `}</Text>
      {before}
      <Text inverse>{at}</Text>
      {after}
    </Text>
  );
}

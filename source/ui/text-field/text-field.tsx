import { Text } from 'ink';
import { useTheme } from '../theme/theme-context.js';

/** One line of typed text with a cursor at its end; the wizard's reducer owns the value. */
export function TextField({
  label,
  value,
  placeholder,
  focused,
  width,
}: {
  label: string;
  value: string;
  placeholder?: string;
  focused: boolean;
  width: number;
}) {
  const theme = useTheme();
  const room = Math.max(4, width - label.length - 3);
  const chars = [...value];
  // A long value scrolls: its end (where one types) stays visible.
  const shown = chars.length > room ? `…${chars.slice(chars.length - room + 1).join('')}` : value;
  return (
    <Text wrap="truncate">
      <Text bold>{`${label} `}</Text>
      {value === '' && placeholder ? <Text {...theme.text.secondary}>{placeholder}</Text> : shown}
      {focused ? <Text inverse> </Text> : null}
    </Text>
  );
}

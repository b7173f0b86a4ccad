import { Box, Text } from 'ink';
import { Spinner } from '../spinner/spinner.js';
import { useTheme } from '../theme/theme-context.js';

export interface Message {
  title: string;
  lines: readonly string[];
  tone: 'ok' | 'warning' | 'error' | 'info';
}

export function ConfirmRemove({ name, kind }: { name: string; kind: 'webhook' | 'email' }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" borderStyle="double" paddingX={1}>
      <Text
        {...theme.status.warning}
      >{`Remove the ${kind === 'webhook' ? 'webhook' : 'e-mail hook'} "${name}"?`}</Text>
      <Text>It stops notifying at once, and this cannot be undone.</Text>
      <Text>
        <Text {...theme.text.key}>y</Text>
        {' remove it   '}
        <Text {...theme.text.key}>n</Text>/<Text {...theme.text.key}>Esc</Text>
        {' keep it'}
      </Text>
    </Box>
  );
}

export function Busy({ text }: { text: string }) {
  return (
    <Box paddingY={1}>
      <Spinner label={text} />
    </Box>
  );
}

export function MessageBox({ message }: { message: Message }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text {...theme.status[message.tone]}>{message.title}</Text>
      {message.lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static lines of one message
        <Text key={i} wrap="wrap">
          {line}
        </Text>
      ))}
      <Text {...theme.text.secondary}>Esc or Enter to close</Text>
    </Box>
  );
}

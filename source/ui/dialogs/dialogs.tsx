import { Box, Text } from 'ink';
import { safeText } from '../../domain/terminal-text.js';
import { Spinner } from '../spinner/spinner.js';
import type { Line } from '../text-field/line-edit.js';
import { TextField } from '../text-field/text-field.js';
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
      >{`Remove the ${kind === 'webhook' ? 'webhook' : 'e-mail hook'} "${safeText(name)}"?`}</Text>
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

export function ConfirmEnable({ name, failures }: { name: string; failures: readonly string[] }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" borderStyle="double" paddingX={1}>
      <Text {...theme.status.warning}>{`Re-enable the webhook "${safeText(name)}"?`}</Text>
      <Text>
        {failures.length > 0 ? 'It was disabled after these failures:' : 'It has no failure recorded.'}
      </Text>
      {failures.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static lines of one dialog
        <Text key={i} {...theme.status.error} wrap="wrap">
          {`  ${safeText(line)}`}
        </Text>
      ))}
      <Text>The same hook is sent back with PUT.</Text>
      <Text>
        <Text {...theme.text.key}>y</Text>
        {' re-enable it   '}
        <Text {...theme.text.key}>n</Text>/<Text {...theme.text.key}>Esc</Text>
        {' leave it disabled'}
      </Text>
    </Box>
  );
}

export function Busy({ text }: { text: string }) {
  return (
    <Box paddingY={1}>
      <Spinner label={safeText(text)} />
    </Box>
  );
}

export function MessageBox({ message }: { message: Message }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text {...theme.status[message.tone]}>{safeText(message.title)}</Text>
      {message.lines.map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: static lines of one message
        <Text key={i} wrap="wrap">
          {safeText(line)}
        </Text>
      ))}
      <Text {...theme.text.secondary}>Esc or Enter to close</Text>
    </Box>
  );
}

/** The path of the owner's export; Enter writes it, Esc cancels. */
export function ExportPrompt({ ownerName, line, width }: { ownerName: string; line: Line; width: number }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1}>
      <Text bold wrap="truncate">{`Export the hooks of ${safeText(ownerName)} to a file`}</Text>
      <TextField label="File:" value={line.value} line={line} focused width={width - 4} />
      <Text {...theme.text.secondary} wrap="wrap">
        YAML (JSON for a .json name), for clever-notify plan and apply. An existing file is replaced.
      </Text>
      <Text>
        <Text {...theme.text.key}>Enter</Text>
        {' export   '}
        <Text {...theme.text.key}>Esc</Text>
        {' cancel'}
      </Text>
    </Box>
  );
}

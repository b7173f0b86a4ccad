// The question asked before a redelivery: which hook, to which URL, and the keys that answer.
import { Text } from 'ink';
import type { DeliveryLine } from '../../domain/live-activity.js';
import { maskSecretUrl } from '../../domain/masking.js';
import { safeText } from '../../domain/terminal-text.js';
import { confirmKeys, hintsOf } from '../keys/key-map.js';
import { useTheme } from '../theme/theme-context.js';

export function hookOf(line: DeliveryLine, hookNames: ReadonlyMap<string, string>): string {
  return safeText(hookNames.get(line.hookId) ?? line.hookId);
}

export function RedeliverConfirm({
  line,
  hookNames,
}: {
  line: DeliveryLine;
  hookNames: ReadonlyMap<string, string>;
}) {
  const theme = useTheme();
  const keys = hintsOf([confirmKeys]);
  return (
    <Text wrap="truncate">
      <Text
        {...theme.status.warning}
      >{`Redeliver to ${hookOf(line, hookNames)} at ${safeText(maskSecretUrl(line.url))}?`}</Text>
      {keys.map((h) => (
        <Text key={h.label}>
          {'  '}
          <Text {...theme.text.key}>{h.keys}</Text>
          <Text {...theme.text.secondary}>{` ${h.label}`}</Text>
        </Text>
      ))}
    </Text>
  );
}

import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { type HookKind, hookTitle } from '../../domain/hooks.js';
import { safeText } from '../../domain/terminal-text.js';
import { useCatalogue, useHook, useNames, usePeople } from '../state/use-app.js';
import { useTheme } from '../theme/theme-context.js';
import { foldLines, hookDetailLines } from './hook-detail-lines.js';

export function HookDetail({
  kind,
  hookId,
  scroll,
  showSecrets,
  height,
  width,
}: {
  kind: HookKind;
  hookId: string;
  scroll: number;
  /** The URLs whole, secrets included, so that the command line can be copied and run. */
  showSecrets: boolean;
  height: number;
  width: number;
}) {
  const theme = useTheme();
  // Read by id: a refresh or a live change updates the open details in place.
  const hook = useHook(kind, hookId);
  const names = useNames();
  const catalogue = useCatalogue();
  const people = usePeople();
  // Long lines (a command line, a response body) are folded to the width, so nothing is cut off.
  const lines = useMemo(
    () => (hook ? foldLines(hookDetailLines(hook, names, catalogue, people, { showSecrets }), width) : []),
    [hook, names, catalogue, people, width, showSecrets],
  );
  if (!hook) return <Text {...theme.text.secondary}>This hook is gone (removed elsewhere?). Press Esc.</Text>;
  const body = Math.max(1, height - 1);
  const top = Math.min(scroll, Math.max(0, lines.length - body));
  return (
    <Box flexDirection="column">
      <Text {...theme.text.heading} wrap="truncate">
        {`${kind === 'webhook' ? 'Webhook' : 'E-mail hook'}: ${safeText(hookTitle(hook))}`}
        {lines.length > body ? `  (${top + 1}-${Math.min(lines.length, top + body)} of ${lines.length})` : ''}
      </Text>
      {lines.slice(top, top + body).map((line, i) => {
        const style =
          line.tone === 'heading'
            ? theme.text.heading
            : line.tone === 'secondary'
              ? theme.text.secondary
              : line.tone
                ? theme.status[line.tone]
                : {};
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: lines are positional and re-rendered whole
          <Text key={top + i} wrap="truncate" {...style}>
            {line.text || ' '}
          </Text>
        );
      })}
    </Box>
  );
}

import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { safeText } from '../../domain/terminal-text.js';
import { useAppView } from '../app/contexts.js';
import { findHook } from '../app/use-app-state.js';
import { useTheme } from '../theme/theme-context.js';
import type { HookKind } from '../wizard/wizard-model.js';
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
  const view = useAppView();
  const hook = findHook(view.state, kind, hookId);
  // Long lines (a command line, a response body) are folded to the width, so nothing is cut off.
  const people = view.ownerHooks?.people;
  const lines = useMemo(
    () =>
      hook
        ? foldLines(hookDetailLines(hook, view.names, view.state.catalogue, people, { showSecrets }), width)
        : [],
    [hook, view.names, view.state.catalogue, people, width, showSecrets],
  );
  if (!hook) return <Text {...theme.text.secondary}>This hook is gone (removed elsewhere?). Press Esc.</Text>;
  const body = Math.max(1, height - 1);
  const top = Math.min(scroll, Math.max(0, lines.length - body));
  return (
    <Box flexDirection="column">
      <Text {...theme.text.heading} wrap="truncate">
        {`${kind === 'webhook' ? 'Webhook' : 'E-mail hook'}: ${safeText(hook.name || hook.id)}`}
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

import { Box, Text } from 'ink';
import { safeText } from '../../domain/terminal-text.js';
import { useAppView } from '../app/contexts.js';
import { useTheme } from '../theme/theme-context.js';

export function Header({ width }: { width: number }) {
  const theme = useTheme();
  const { state } = useAppView();
  const who = state.who;
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        <Text {...theme.text.heading}>clever-notify</Text>
        {'  '}
        {!who && !state.connectError && <Text {...theme.text.secondary}>connecting…</Text>}
        {state.connectError && <Text {...theme.status.error}>not connected</Text>}
        {who && (
          <>
            {who.sandbox ? (
              <Text {...theme.badge.sandbox}> SANDBOX </Text>
            ) : (
              <Text {...theme.badge.live}> LIVE </Text>
            )}
            {'  '}
            <Text bold>{safeText(who.userName)}</Text>
            <Text {...theme.text.secondary}>{` @ ${who.apiHost}${who.embedded ? ' (embedded)' : ''}`}</Text>
          </>
        )}
      </Text>
    </Box>
  );
}

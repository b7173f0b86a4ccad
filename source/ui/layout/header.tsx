import { Box, Text } from 'ink';
import { safeText } from '../../domain/terminal-text.js';
import { useTheme } from '../theme/theme-context.js';

export interface HeaderWho {
  userName: string;
  apiHost: string;
  sandbox: boolean;
  embedded: boolean;
}

export function Header({
  width,
  who,
  connectError,
}: {
  width: number;
  who?: HeaderWho | undefined;
  connectError: boolean;
}) {
  const theme = useTheme();
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        <Text {...theme.text.heading}>clever-notify</Text>
        {'  '}
        {!who && !connectError && <Text {...theme.text.secondary}>connecting…</Text>}
        {connectError && <Text {...theme.status.error}>not connected</Text>}
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

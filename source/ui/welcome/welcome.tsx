import { Box, Text } from 'ink';
import { useTheme } from '../theme/theme-context.js';

/** First run without credentials: what the sandbox is, what to try, and how to use a real account. */
export function Welcome({ width, apiHost }: { width: number; apiHost?: string | undefined }) {
  const theme = useTheme();
  return (
    <Box flexDirection="column" width={Math.min(width, 90)} borderStyle="round" paddingX={2} paddingY={1}>
      <Text {...theme.text.heading}>Welcome to clever-notify</Text>
      <Text> </Text>
      <Text wrap="wrap">
        No Clever Cloud credentials were found, so this is the SANDBOX: a local copy of the Clever Cloud API
        {apiHost ? ` at ${apiHost}` : ''}, with a demo user, organisations and apps. Nothing you do here
        touches a real account.
      </Text>
      <Text> </Text>
      <Text>What you can do here:</Text>
      <Text>{'  • add webhooks and e-mail hooks, edit, test and remove them'}</Text>
      <Text>{'  • send a test event to your own URL and see how it answered'}</Text>
      <Text>{'  • watch deployments live (tab 3)'}</Text>
      <Text> </Text>
      <Text>
        To use your real account: quit, run `clever login` (clever-tools), then start clever-notify again.
      </Text>
      <Text wrap="wrap">
        {'(Or set CLEVER_TOKEN and CLEVER_SECRET. `clever-notify tui --sandbox` always opens the sandbox.)'}
      </Text>
      <Text> </Text>
      <Text>
        <Text {...theme.text.key}>a</Text>/<Text {...theme.text.key}>Enter</Text> add your first webhook
        {'   '}
        <Text {...theme.text.key}>Esc</Text> browse{'   '}
        <Text {...theme.text.key}>q</Text> quit
      </Text>
    </Box>
  );
}

import { Box, Text } from 'ink';
import { safeText } from '../../domain/terminal-text.js';
import { Words } from '../layout/words.js';
import type { OwnerEntry } from '../state/model.js';
import { scrollOffset } from '../table/window.js';
import { useTheme } from '../theme/theme-context.js';
import { pickerRows } from './welcome-state.js';

export interface OwnerPicker {
  owners: readonly OwnerEntry[];
  cursor: number;
}

/** First run without credentials: what the sandbox is, what to try, and how to use a real account. */
export function Welcome({
  width,
  height,
  apiHost,
  picker,
}: {
  width: number;
  height: number;
  apiHost?: string | undefined;
  picker?: OwnerPicker | undefined;
}) {
  const theme = useTheme();
  if (picker) return <WhichOwner width={width} height={height} picker={picker} />;
  const boxWidth = Math.min(width, 90);
  // Inside the border (1 column each side) and the padding (2 each side).
  const textWidth = boxWidth - 6;
  return (
    <Box flexDirection="column" width={boxWidth} borderStyle="round" paddingX={2} paddingY={1}>
      <Text {...theme.text.heading}>Welcome to clever-notify</Text>
      <Text> </Text>
      <Words
        width={textWidth}
        text={`No Clever Cloud credentials were found, so this is the SANDBOX: a local copy of the Clever Cloud API${apiHost ? ` at ${safeText(apiHost)}` : ''}, with a demo user, organisations and apps. Nothing you do here touches a real account.`}
      />
      <Text> </Text>
      <Text>What you can do here:</Text>
      <Text>{'  • add webhooks and e-mail hooks, edit, test and remove them'}</Text>
      <Text>{'  • send a test event to your own URL and see how it answered'}</Text>
      <Text>{'  • watch deployments live (tab 3)'}</Text>
      <Text> </Text>
      <Text>
        To use your real account: quit, run `clever login` (clever-tools), then start clever-notify again.
      </Text>
      <Words
        width={textWidth}
        text="(Or set CLEVER_TOKEN and CLEVER_SECRET. `clever-notify tui --sandbox` always opens the sandbox.)"
      />
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

/** "Add your first webhook" with several owners: for which one. */
function WhichOwner({ width, height, picker }: { width: number; height: number; picker: OwnerPicker }) {
  const theme = useTheme();
  const { owners, cursor } = picker;
  const rows = pickerRows(height);
  const offset = scrollOffset(Math.max(0, cursor - Math.floor(rows / 2)), cursor, rows, owners.length);
  const shown = owners.slice(offset, offset + rows);
  const boxWidth = Math.min(width, 90);
  return (
    <Box flexDirection="column" width={boxWidth} borderStyle="round" paddingX={2} paddingY={1}>
      <Text {...theme.text.heading} wrap="truncate">
        Add your first webhook for which owner?
      </Text>
      <Text {...theme.text.secondary} wrap="truncate">
        {`Your personal space and each organisation have their own hooks (${cursor + 1} of ${owners.length}).`}
      </Text>
      <Text> </Text>
      {shown.map((owner, i) => {
        const selected = offset + i === cursor;
        const apps = `${owner.apps.length} app${owner.apps.length === 1 ? '' : 's'}`;
        return (
          <Text key={owner.id} wrap="truncate">
            <Text {...(selected ? theme.selection.focused : {})}>
              {`${selected ? theme.selectionMarker : ' '} ${safeText(owner.name)}`}
            </Text>
            <Text {...theme.text.secondary}>{`  ${apps}`}</Text>
          </Text>
        );
      })}
      <Text> </Text>
      <Text wrap="truncate">
        <Text {...theme.text.key}>Enter</Text> add a webhook for it{'   '}
        <Text {...theme.text.key}>Esc</Text> back
      </Text>
    </Box>
  );
}

// The URLs step of a webhook that has several: every URL with its format, the cursor on one.
import { Box, Text } from 'ink';
import { scrollOffset } from '../table/window.js';
import { useTheme } from '../theme/theme-context.js';
import type { WizardState } from './wizard-state.js';
import { urlLabel } from './wizard-urls.js';

export function UrlsStep({ state, height }: { state: WizardState; height: number }) {
  const theme = useTheme();
  const { urls, urlCursor } = state;
  const rows = Math.max(1, height - 1);
  const offset = scrollOffset(Math.max(0, urlCursor - Math.floor(rows / 2)), urlCursor, rows, urls.length);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {`Each event goes to every URL (${urls.length}): e edits the one under the cursor, a adds one, d removes it.`}
      </Text>
      {urls.slice(offset, offset + rows).map((url, i) => {
        const index = offset + i;
        const selected = index === urlCursor;
        return (
          <Text key={index} wrap="truncate" {...(selected ? theme.selection.focused : {})}>
            {`${selected ? theme.selectionMarker : ' '} ${String(index + 1).padStart(2)}. ${urlLabel(url)}`}
          </Text>
        );
      })}
    </Box>
  );
}

/** Above the url and format steps of one URL of a list: which one. */
export function urlEditHeading(state: WizardState): string | undefined {
  const index = state.editingUrl;
  if (index === undefined) return undefined;
  return index < state.urls.length ? `URL ${index + 1} of ${state.urls.length}` : `A new URL (${index + 1})`;
}

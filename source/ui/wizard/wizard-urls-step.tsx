// The URLs step of a webhook that has several: every URL with its format, the cursor on one.
import { Box, Text } from 'ink';
import { fullMaskedUrl } from '../../domain/masking.js';
import { safeText } from '../../domain/terminal-text.js';
import { scrollOffset } from '../table/window.js';
import { useTheme } from '../theme/theme-context.js';
import type { WizardState } from './wizard-state.js';

export function UrlsStep({ state, height }: { state: WizardState; height: number }) {
  const theme = useTheme();
  const { urls, urlCursor } = state;
  const rows = Math.max(1, height - 1);
  const offset = scrollOffset(Math.max(0, urlCursor - Math.floor(rows / 2)), urlCursor, rows, urls.length);
  return (
    <Box flexDirection="column">
      <Text wrap="truncate">
        {`Every event goes to each of these ${urls.length} URLs (e edits, a adds, d removes):`}
      </Text>
      {urls.slice(offset, offset + rows).map((url, i) => {
        const index = offset + i;
        const selected = index === urlCursor;
        return (
          <Text key={index} wrap="truncate" {...(selected ? theme.selection.focused : {})}>
            {`${selected ? theme.selectionMarker : ' '} ${String(index + 1).padStart(2)}. ${url.format.padEnd(8)} ${safeText(fullMaskedUrl(url.url))}`}
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

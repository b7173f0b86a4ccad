import { Box, Text } from 'ink';
import { Fragment } from 'react';
import { safeText } from '../../domain/terminal-text.js';
import type { Hint } from '../keys/key-map.js';
import { useTheme } from '../theme/theme-context.js';

const GAP = 2;

/** Whole hints that fit in `room` columns: the last ones go first, but `? help` and `q quit` stay. */
export function fittingHints(hints: readonly Hint[], room: number): Hint[] {
  const pinned = (h: Hint) => h.label === 'help' || h.label === 'quit';
  const width = (list: readonly Hint[]) =>
    list.reduce((sum, h, i) => sum + (i > 0 ? GAP : 0) + [...h.keys].length + 1 + [...h.label].length, 0);
  const kept = [...hints];
  while (width(kept) > room) {
    const last = kept.findLastIndex((h) => !pinned(h));
    if (last < 0) break;
    kept.splice(last, 1);
  }
  return kept;
}

/** The keys of the focused pane, from the same declarations that drive the handlers. */
export function Footer({
  width,
  hints,
  status,
}: {
  width: number;
  hints: readonly Hint[];
  /** A status line shown before the hints ("Removed ci (webhook)."). */
  status?: { text: string; tone: 'ok' | 'warning' | 'error' | 'info' } | undefined;
}) {
  const theme = useTheme();
  const flash = status ? `${safeText(status.text)}  ` : '';
  const shown = fittingHints(hints, width - [...flash].length);
  return (
    <Box width={width} height={1}>
      <Text wrap="truncate">
        {status && <Text {...theme.status[status.tone]}>{flash}</Text>}
        {shown.map((h, i) => (
          <Fragment key={`${h.keys}-${h.label}`}>
            {i > 0 ? ' '.repeat(GAP) : ''}
            <Text {...theme.text.key}>{h.keys}</Text>
            <Text {...theme.text.secondary}>{` ${h.label}`}</Text>
          </Fragment>
        ))}
      </Text>
    </Box>
  );
}

import { Box, Text } from 'ink';
import { Fragment } from 'react';
import { safeText } from '../../domain/terminal-text.js';
import type { Hint } from '../keys/key-map.js';
import { useTheme } from '../theme/theme-context.js';

const GAP = 2;

/** Ends a footer that could not show every key: the help's key, which lists them all. */
const MORE = 'more';

const hintWidth = (h: Hint) => [...h.keys].length + (h.label ? 1 + [...h.label].length : 0);
const widthOf = (list: readonly Hint[]) =>
  list.reduce((sum, h, i) => sum + (i > 0 ? GAP : 0) + hintWidth(h), 0);

/**
 * Whole hints that fit in `room` columns. When some do not, the last ones go, `q quit` stays, and the
 * footer ends with `? more` (the help's key: it lists every key), or `…` where there is no help: a key
 * is never dropped without a word.
 */
export function fittingHints(hints: readonly Hint[], room: number): Hint[] {
  if (widthOf(hints) <= room) return [...hints];
  const help = hints.find((h) => h.command === 'app.help');
  const more: Hint = help ? { ...help, label: MORE } : { command: MORE, keys: '…', label: '' };
  const kept = [...hints.filter((h) => h !== help), more];
  const pinned = (h: Hint) => h === more || h.command === 'app.quit';
  while (widthOf(kept) > room) {
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
            {h.label ? <Text {...theme.text.secondary}>{` ${h.label}`}</Text> : null}
          </Fragment>
        ))}
      </Text>
    </Box>
  );
}

import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { useAppView } from '../app/contexts.js';
import { type ListItem, ListView } from '../list/list-view.js';
import { Spinner } from '../spinner/spinner.js';
import type { Tone } from '../table/table.js';
import { useTheme } from '../theme/theme-context.js';

const STATE_LABELS: Record<string, { text: string; tone?: Tone }> = {
  SHOULD_BE_UP: { text: 'up', tone: 'ok' },
  SHOULD_BE_DOWN: { text: 'down' },
  WANTS_TO_BE_UP: { text: 'starting', tone: 'warning' },
  MODERATED: { text: 'moderated', tone: 'error' },
  DEFAULT_OF_PAYMENT: { text: 'unpaid', tone: 'error' },
};

export function appStateLabel(state: string): { text: string; tone?: Tone } {
  return STATE_LABELS[state] ?? { text: state.toLowerCase() };
}

/** Left column: the owners (personal space first), then the selected owner's apps. */
export function OwnersPane({ width, height }: { width: number; height: number }) {
  const theme = useTheme();
  const { state, owners, apps, owner } = useAppView();
  const ownersHeight = Math.min(Math.max(4, owners.length + 3), Math.max(4, Math.floor(height * 0.4)));
  const appsHeight = Math.max(4, height - ownersHeight);
  const ownerItems = useMemo<ListItem[]>(
    () => owners.map((o) => ({ key: o.id, label: o.name, detail: `${o.apps.length}` })),
    [owners],
  );
  const appItems = useMemo<ListItem[]>(
    () =>
      apps.map((a) => {
        if (a.kind === 'all') return { key: a.id, label: a.name };
        const label = appStateLabel(a.state);
        return {
          key: a.id,
          label: a.name,
          detail: label.text,
          ...(label.tone ? { detailTone: label.tone } : {}),
        };
      }),
    [apps],
  );
  const status = state.owners;
  const placeholder =
    status.status === 'failed' && !status.data ? (
      <Text {...theme.status.error} wrap="truncate">
        Not loaded: see the right.
      </Text>
    ) : status.status === 'loading' && !status.data ? (
      <Spinner label="Loading…" />
    ) : undefined;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <ListView
        title="Owners"
        items={ownerItems}
        list={state.ownerList}
        height={ownersHeight}
        width={width}
        focused={state.focus === 'owners' && state.overlay.type === 'none'}
      >
        {placeholder}
      </ListView>
      <ListView
        title={owner ? `Apps of ${owner.name}` : 'Apps'}
        items={appItems}
        list={state.appList}
        height={appsHeight}
        width={width}
        focused={state.focus === 'apps' && state.overlay.type === 'none'}
      >
        {placeholder ? <Text {...theme.text.secondary}> </Text> : undefined}
      </ListView>
    </Box>
  );
}

import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { leftHeights } from '../layout/pane-heights.js';
import { type ListItem, ListView } from '../list/list-view.js';
import { Spinner } from '../spinner/spinner.js';
import {
  useAppRows,
  useList,
  useOwnerCount,
  useOwnerRows,
  useOwnersRemote,
  usePaneFocused,
  useSelectedOwner,
} from '../state/use-app.js';
import { useTheme } from '../theme/theme-context.js';
import { appStateLabel } from './app-state-label.js';

/** Left column: the owners (personal space first), then the selected owner's apps. */
export function OwnersPane({ width, height }: { width: number; height: number }) {
  const theme = useTheme();
  const owners = useOwnerRows();
  const ownerCount = useOwnerCount();
  const apps = useAppRows();
  const owner = useSelectedOwner();
  const status = useOwnersRemote();
  const ownerList = useList('owners');
  const appList = useList('apps');
  const ownersFocused = usePaneFocused('owners');
  const appsFocused = usePaneFocused('apps');
  // Sized by every owner, not those the filter keeps: the boxes do not jump while typing a filter.
  const { owners: ownersHeight, apps: appsHeight } = leftHeights(height, ownerCount);
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
        list={ownerList}
        height={ownersHeight}
        width={width}
        focused={ownersFocused}
      >
        {placeholder}
      </ListView>
      <ListView
        title={owner ? `Apps of ${owner.name}` : 'Apps'}
        items={appItems}
        list={appList}
        height={appsHeight}
        width={width}
        focused={appsFocused}
      >
        {placeholder ? <Text {...theme.text.secondary}> </Text> : undefined}
      </ListView>
    </Box>
  );
}

import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { leftHeights } from '../layout/pane-heights.js';
import { type ListItem, ListView } from '../list/list-view.js';
import { problemCountLabel } from '../problems/problem-count.js';
import { Spinner } from '../spinner/spinner.js';
import { ownerProblemCounts } from '../state/problem-selectors.js';
import { useAppSelector } from '../state/store.js';
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

/** Borders, padding, the selection marker and the space before the detail. */
const CHROME = 7;

/**
 * "5 apps · 2 ✗": what the number is, and the owner's problems (the `!` view's rule) when it has any;
 * shorter ("5 · 2 ✗", then "2 ✗") where the name would not show whole.
 */
function ownerItem(
  owner: { id: string; name: string; apps: readonly unknown[] },
  problems: number,
  width: number,
): ListItem {
  const n = owner.apps.length;
  const count = problemCountLabel(problems);
  const candidates = count
    ? [`${n} app${n === 1 ? '' : 's'} · ${count}`, `${n} · ${count}`, count]
    : [`${n} app${n === 1 ? '' : 's'}`, `${n}`];
  const room = width - CHROME - [...owner.name].length;
  const detail = candidates.find((c) => [...c].length <= room) ?? candidates.at(-1)!;
  return {
    key: owner.id,
    label: owner.name,
    detail,
    ...(count ? { detailTone: 'error' as const } : {}),
  };
}

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
  const problemCounts = useAppSelector(ownerProblemCounts);
  const ownerItems = useMemo<ListItem[]>(
    () => owners.map((o) => ownerItem(o, problemCounts.get(o.id) ?? 0, width)),
    [owners, problemCounts, width],
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

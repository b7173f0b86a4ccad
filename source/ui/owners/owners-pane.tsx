import { Box, Text } from 'ink';
import { useMemo } from 'react';
import { displayWidth } from '../../domain/table.js';
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

interface OwnerLine {
  id: string;
  name: string;
  apps: readonly unknown[];
}

/** The forms of an owner's detail, longest first: "5 apps · 2 ✗", "5 · 2 ✗", "2 ✗" (or "5 apps", "5", ""). */
function detailForms(owner: OwnerLine, problems: number): string[] {
  const n = owner.apps.length;
  const count = problemCountLabel(problems);
  return count
    ? [`${n} app${n === 1 ? '' : 's'} · ${count}`, `${n} · ${count}`, count]
    : [`${n} app${n === 1 ? '' : 's'}`, `${n}`, ''];
}

/**
 * What each owner's number is ("5 apps") and its problems (the `!` view's rule). The longest form
 * that lets every owner's name show whole, the same form for all, so that the column reads alike;
 * with the shorter "5 · 2 ✗", the box's title says what the number is.
 */
function ownerListItems(
  owners: readonly OwnerLine[],
  counts: ReadonlyMap<string, number>,
  width: number,
): { items: ListItem[]; title: string } {
  const forms = owners.map((o) => detailForms(o, counts.get(o.id) ?? 0));
  const fits = (level: number) =>
    owners.every((o, i) => displayWidth(forms[i]![level]!) <= width - CHROME - displayWidth(o.name));
  const level = [0, 1].find(fits) ?? 2;
  return {
    items: owners.map((o, i) => ({
      key: o.id,
      label: o.name,
      detail: forms[i]![level]!,
      ...((counts.get(o.id) ?? 0) > 0 ? { detailTone: 'error' as const } : {}),
    })),
    // "5 · 2 ✗": the ✗, in the colour of errors, reads alone; the number needs a word.
    title: level === 1 ? 'Owners · apps' : 'Owners',
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
  const { items: ownerItems, title: ownersTitle } = useMemo(
    () => ownerListItems(owners, problemCounts, width),
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
        title={ownersTitle}
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

import { Box, Text } from 'ink';
import { useCallback, useMemo } from 'react';
import type { Hook } from '../../domain/hooks.js';
import { safeText } from '../../domain/terminal-text.js';
import { ActivityPane } from '../activity/activity-pane.js';
import { useLiveModel, useSession } from '../app/session-context.js';
import { filterText } from '../list/filter-text.js';
import { Spinner } from '../spinner/spinner.js';
import type { Tab } from '../state/model.js';
import { sortLabel } from '../state/sort.js';
import { useAppStore } from '../state/store.js';
import {
  useHookRows,
  useList,
  useNames,
  useOwnerHooks,
  useOwnersRemote,
  usePaneFocused,
  usePeople,
  useSelectedApp,
  useSelectedOwner,
  useTab,
  useTableSort,
} from '../state/use-app.js';
import { Table } from '../table/table.js';
import { useTheme } from '../theme/theme-context.js';
import { emailHookColumns, webhookColumns } from './hook-columns.js';

const TABS: { tab: Tab; key: string; label: string }[] = [
  { tab: 'webhooks', key: '1', label: 'Webhooks' },
  { tab: 'emailHooks', key: '2', label: 'E-mail hooks' },
  { tab: 'activity', key: '3', label: 'Activity' },
];

export function Tabs({ active }: { active: Tab }) {
  const theme = useTheme();
  return (
    <Text wrap="truncate">
      {TABS.map((t) => (
        <Text key={t.tab} {...(t.tab === active ? theme.tab.active : theme.tab.inactive)}>
          {` ${t.key} ${t.label} `}
        </Text>
      ))}
    </Text>
  );
}

/** Right column: the tabs, and the table of the hooks that cover the selected app. */
export function HooksPane({
  width,
  height,
  children,
}: {
  width: number;
  height: number;
  children?: React.ReactNode;
}) {
  const theme = useTheme();
  const tab = useTab();
  const focused = usePaneFocused('hooks');
  const innerWidth = Math.max(10, width - 4);
  const innerHeight = Math.max(2, height - 3);
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="round"
      borderColor={focused ? theme.border.focused : theme.border.unfocused}
      paddingX={1}
      // Vertical clip only: each line is truncated to the box already, and a horizontal clip makes
      // Ink re-slice every line of every frame (docs/performance.md).
      overflowY="hidden"
    >
      <Tabs active={tab} />
      {children ??
        (tab === 'activity' ? (
          <AppActivity width={innerWidth} height={innerHeight} focused={focused} />
        ) : (
          <HookTable width={innerWidth} height={innerHeight} focused={focused} />
        ))}
    </Box>
  );
}

function AppActivity({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const session = useSession();
  const live = useLiveModel();
  const owner = useSelectedOwner();
  const app = useSelectedApp();
  const names = useNames();
  const filter = useList('hooks');
  const store = useAppStore();
  const hasKeys = useCallback(() => {
    const { lists, overlay } = store.getState();
    return (
      lists.focus === 'hooks' && lists.tab === 'activity' && overlay.type === 'none' && !lists.hooks.filtering
    );
  }, [store]);
  return (
    <ActivityPane
      filter={filter}
      hasKeys={hasKeys}
      live={live}
      api={session.api()}
      credentials={session.credentials()}
      ownerId={owner?.id}
      appId={app?.id}
      names={names}
      width={width}
      height={height}
      focused={focused}
    />
  );
}

function HookTable({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const theme = useTheme();
  const tab = useTab();
  const ownerHooks = useOwnerHooks();
  const hooks = useHookRows();
  const names = useNames();
  const people = usePeople();
  const app = useSelectedApp();
  const owner = useSelectedOwner();
  const owners = useOwnersRemote();
  const list = useList('hooks');
  const sort = useTableSort();
  const remote = tab === 'emailHooks' ? ownerHooks?.emailHooks : ownerHooks?.webhooks;
  // Ages of failures are counted from when the hooks were answered, so that frames stay stable.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the answer is the clock's trigger on purpose
  const now = useMemo(() => Date.now(), [remote]);
  // Short ids are unambiguous among all the owner's hooks, not only those the filter keeps.
  const idsOf = remote?.data ?? hooks;
  const webhookCols = useMemo(() => webhookColumns(names, now, idsOf), [names, now, idsOf]);
  const emailCols = useMemo(() => emailHookColumns(names, people, idsOf), [names, people, idsOf]);
  const rows = useMemo(() => splitKinds(hooks), [hooks]);
  const shownFilter = filterText(list);
  const filter = shownFilter && `Filter: ${shownFilter}`;
  const what = tab === 'emailHooks' ? 'e-mail hooks' : 'webhooks';
  const counted = hooks.length === 1 ? what.slice(0, -1) : what;
  const covering = app
    ? ` that ${hooks.length === 1 ? 'covers' : 'cover'} ${app.name}`
    : owner
      ? ` of ${owner.name}`
      : '';
  const summary = safeText(`${hooks.length} ${counted}${covering}`);
  const columnsShown = tab === 'emailHooks' ? emailCols : webhookCols;
  const sorted = sort ? ` · sorted by ${sortLabel(sort, columnsShown)}` : '';
  // Where the rows on screen are comes first: the rest of the line is cut on a narrow terminal.
  const caption = (position: string) => (
    <Text wrap="truncate" {...theme.text.secondary}>
      {position ? `${position} · ` : ''}
      {summary}
      {sorted}
      {remote?.status === 'loading' ? ' · refreshing…' : ''}
      {filter ? `  ${filter}` : ''}
    </Text>
  );
  if (!owner || !remote || (remote.status === 'loading' && !remote.data)) {
    return owners.status === 'failed' ? (
      <Box flexDirection="column">
        <Text {...theme.status.error} wrap="wrap">
          {`Could not load the owners and apps: ${owners.error}`}
        </Text>
      </Box>
    ) : (
      <Spinner label={`Loading ${what}…`} />
    );
  }
  if (remote.status === 'failed' && !remote.data) {
    return (
      <Box flexDirection="column">
        <Text {...theme.status.error} wrap="wrap">
          {`Could not load the ${what}: ${remote.error}`}
        </Text>
        <Text {...theme.text.secondary}>Press r to try again.</Text>
      </Box>
    );
  }
  const table =
    tab === 'emailHooks' ? (
      <Table
        columns={emailCols}
        rows={rows.email}
        rowKey={(h) => h.id}
        cursor={list.cursor}
        height={height}
        width={width}
        focused={focused}
        sort={sort}
        caption={caption}
      />
    ) : (
      <Table
        columns={webhookCols}
        rows={rows.webhook}
        rowKey={(h) => h.id}
        cursor={list.cursor}
        height={height}
        width={width}
        focused={focused}
        sort={sort}
        caption={caption}
      />
    );
  if (hooks.length > 0) return table;
  return (
    <Box flexDirection="column">
      {caption('')}
      <Text {...theme.text.secondary}>
        {list.filter ? 'No hook matches the filter.' : `No ${what} here yet. Press a to add one.`}
      </Text>
    </Box>
  );
}

/** The rows of one tab are of one kind; narrowing keeps each table's columns typed. */
function splitKinds(hooks: readonly Hook[]) {
  const webhook: (Hook & { kind: 'webhook' })[] = [];
  const email: (Hook & { kind: 'email' })[] = [];
  for (const hook of hooks) {
    if (hook.kind === 'webhook') webhook.push(hook);
    else email.push(hook);
  }
  return { webhook, email };
}

import { Box, Text } from 'ink';
import { useMemo } from 'react';
import type { EmailHook, Webhook } from '../../domain/schemas.js';
import { safeText } from '../../domain/terminal-text.js';
import { ActivityPane } from '../activity/activity-pane.js';
import { useAppActions, useAppView } from '../app/contexts.js';
import type { Tab } from '../app/use-app-state.js';
import { filterText } from '../list/filter-text.js';
import { Spinner } from '../spinner/spinner.js';
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
  const view = useAppView();
  const actions = useAppActions();
  const { state } = view;
  const focused = state.focus === 'hooks' && state.overlay.type === 'none';
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
      overflow="hidden"
    >
      <Tabs active={state.tab} />
      {children ??
        (state.tab === 'activity' ? (
          <ActivityPane
            api={actions.api()}
            credentials={actions.credentials()}
            ownerId={view.owner?.id}
            appId={view.app?.id}
            names={view.names}
            width={innerWidth}
            height={innerHeight}
            focused={focused}
          />
        ) : (
          <HookTable width={innerWidth} height={innerHeight} focused={focused} />
        ))}
    </Box>
  );
}

function HookTable({ width, height, focused }: { width: number; height: number; focused: boolean }) {
  const theme = useTheme();
  const { state, ownerHooks, hooks, names, now, app, owner } = useAppView();
  const remote = state.tab === 'emailHooks' ? ownerHooks?.emailHooks : ownerHooks?.webhooks;
  const idsOf = remote?.data ?? hooks;
  const webhookCols = useMemo(() => webhookColumns(names, now, idsOf), [names, now, idsOf]);
  const who = state.who;
  // The names of the people that e-mail hooks notify by user id: the user's own and the members'.
  const members = ownerHooks?.people;
  const people = useMemo(
    () => new Map([...(members ?? []), ...(who ? ([[who.userId, who.userName]] as const) : [])]),
    [members, who],
  );
  const emailCols = useMemo(() => emailHookColumns(names, people, idsOf), [names, people, idsOf]);
  const shownFilter = filterText(state.hookList);
  const filter = shownFilter && `Filter: ${shownFilter}`;
  const what = state.tab === 'emailHooks' ? 'e-mail hooks' : 'webhooks';
  const counted = hooks.length === 1 ? what.slice(0, -1) : what;
  const covering = app ? ` that cover ${app.name}` : owner ? ` of ${owner.name}` : '';
  const summary = safeText(`${hooks.length} ${counted}${covering}`);
  if (!owner || !remote || (remote.status === 'loading' && !remote.data)) {
    return state.owners.status === 'failed' ? (
      <Box flexDirection="column">
        <Text {...theme.status.error} wrap="wrap">
          {`Could not load the owners and apps: ${state.owners.error}`}
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
  return (
    <Box flexDirection="column">
      <Text wrap="truncate" {...theme.text.secondary}>
        {summary}
        {remote.status === 'loading' ? ' · refreshing…' : ''}
        {filter ? `  ${filter}` : ''}
      </Text>
      {hooks.length === 0 ? (
        <Text {...theme.text.secondary}>
          {state.hookList.filter ? 'No hook matches the filter.' : `No ${what} here yet. Press a to add one.`}
        </Text>
      ) : state.tab === 'emailHooks' ? (
        <Table
          columns={emailCols}
          rows={hooks as EmailHook[]}
          rowKey={(h) => h.id}
          cursor={state.hookList.cursor}
          height={height - 1}
          width={width}
          focused={focused}
        />
      ) : (
        <Table
          columns={webhookCols}
          rows={hooks as Webhook[]}
          rowKey={(h) => h.id}
          cursor={state.hookList.cursor}
          height={height - 1}
          width={width}
          focused={focused}
        />
      )}
    </Box>
  );
}

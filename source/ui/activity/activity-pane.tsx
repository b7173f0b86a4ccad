// The Activity tab: deployments and other events live, newest first, each WIP row turning into its
// result in place, with the webhook deliveries of each event under it. The feed runs outside React
// (../../api/live); this view only reads its snapshots, which arrive at most once per tick.
import { Box, Text } from 'ink';
import { memo, useEffect, useMemo, useReducer, useRef } from 'react';
import type { LiveModel, LiveModelSnapshot as LiveSnapshot } from '../../api/live/live-model.js';
import type { CleverApi } from '../../api/types.js';
import { deliveryFields, eventFields, type LiveNames } from '../../domain/live-format.js';
import { KEY_PRIORITY, useKeypress } from '../keys/keypress.js';
import { type FilterState, filterText } from '../list/filter-text.js';
import { useListWindow } from '../list/use-list-window.js';
import type { TextStyle, Theme } from '../theme/theme.js';
import { useTheme } from '../theme/theme-context.js';
import { ActivityHeader as Header } from './activity-header.js';
import { type ActivityLine, activityLines } from './activity-lines.js';
import { activityTakes, activityUiReducer, initialActivityUi } from './activity-state.js';
import { DeliveryDetail } from './delivery-detail.js';
import { redeliver } from './redeliver.js';
import { hookOf, RedeliverConfirm } from './redeliver-confirm.js';
import { useLiveSnapshot } from './use-live-feed.js';
import { useNow } from './use-now.js';

export interface ActivityPaneProps {
  api: CleverApi | undefined;
  /** Credentials for the event socket (its first frame carries the authorization header). */
  credentials: { apiHost: string; authorization: () => string; ca?: string | undefined } | undefined;
  ownerId: string | undefined;
  /** The app chosen in the left column; undefined means every app of the owner. */
  appId: string | undefined;
  /** Names of the owner's apps and add-ons by id. */
  names: ReadonlyMap<string, string>;
  width: number;
  height: number;
  /** True when the pane has the keyboard. */
  focused: boolean;
  /** The filter, when the screen around the pane owns it (typing it then never reaches the pane). */
  filter?: FilterState;
  /**
   * Read at each key: whether the pane has the keyboard now (a key of the same burst may just have
   * started the screen's filter). Without it, `focused` decides.
   */
  hasKeys?: () => boolean;
  /** The live model whose activity the tab shows. */
  live: LiveModel | undefined;
}

function stateStyle(theme: Theme, state: string | undefined): TextStyle {
  if (state === 'OK') return theme.status.ok;
  if (state === 'FAIL') return theme.status.error;
  if (state === 'WIP' || state === 'TASK_RUNNING') return theme.status.warning;
  return theme.text.secondary;
}

/** Lines re-render only when their row, their selection or the clock changed. */
const LineView = memo(LineViewOf, (a, b) => {
  const sameLine =
    a.item.kind === 'delivery' && b.item.kind === 'delivery' ? a.item.line === b.item.line : true;
  return (
    a.item.row === b.item.row &&
    a.item.kind === b.item.kind &&
    a.item.dimmed === b.item.dimmed &&
    sameLine &&
    a.selected === b.selected &&
    a.now === b.now &&
    a.width === b.width &&
    a.names === b.names &&
    a.theme === b.theme
  );
});

function LineViewOf({
  item,
  names,
  now,
  width,
  selected,
  theme,
}: {
  item: ActivityLine;
  names: LiveNames;
  now: number;
  width: number;
  selected: boolean;
  theme: Theme;
}) {
  const marker = selected ? `${theme.selectionMarker} ` : '  ';
  // A line the filter does not match, kept for its group's sake, is dimmed.
  const selection = selected ? theme.selection.focused : item.dimmed ? { dimColor: true } : {};
  if (item.kind === 'event') {
    const f = eventFields(item.row, names);
    return (
      <Box width={width}>
        <Text wrap="truncate" {...selection}>
          {marker}
          <Text {...theme.text.secondary}>{f.time}</Text> {f.event.padEnd(24)} <Text bold>{f.app}</Text>
          {f.state ? ' ' : ''}
          <Text {...stateStyle(theme, f.state)}>{f.state}</Text>
          {f.commit ? ` ${f.commit}` : ''}
          {f.cause ? ` ${f.cause}` : ''}
          {f.tags.length > 0 ? (
            <Text {...theme.text.secondary}>{` ${f.tags.map((t) => `[${t}]`).join(' ')}`}</Text>
          ) : null}
        </Text>
      </Box>
    );
  }
  const f = deliveryFields(item.line, names, now, item.row);
  const tone =
    f.tone === 'good' ? theme.status.ok : f.tone === 'bad' ? theme.status.error : theme.status.warning;
  // The outcome first (status, attempt, delivered / retry / gave up): on a narrow terminal the hook's
  // name and host are what is cut.
  return (
    <Box width={width}>
      <Text wrap="truncate" {...selection}>
        {marker}
        {'   ↳ '}
        <Text {...tone}>{f.outcome}</Text> {f.attempt}
        {f.next ? <Text {...tone}>{` ${f.next}`}</Text> : null}
        {'  '}
        {f.event ? <Text {...theme.text.secondary}>{`${f.event} `}</Text> : null}
        {f.hook} <Text {...theme.text.secondary}>{f.host}</Text> {f.duration}
      </Text>
    </Box>
  );
}

export function ActivityPane({
  api,
  credentials,
  ownerId,
  appId,
  names,
  width,
  height,
  focused,
  live,
  filter: outerFilter,
  hasKeys,
}: ActivityPaneProps) {
  const theme = useTheme();
  const [ui, dispatch] = useReducer(activityUiReducer, initialActivityUi);
  const latest = useLiveSnapshot(live);
  // Paused: the view keeps the snapshot of the moment; the feed goes on and the header counts what waits.
  const frozen = useRef<LiveSnapshot>(undefined);
  if (ui.paused) frozen.current ??= latest;
  else frozen.current = undefined;
  const shown = ui.paused ? frozen.current : latest;
  const now = useNow(1000);

  const filterState = outerFilter ?? ui;
  const { filter, filtering } = filterState;
  const filterShown = filterText(filterState);
  // The feed fills its name maps in place: their sizes say when to merge again, not every snapshot.
  const feedAppNames = latest?.appNames;
  const feedHookNames = latest?.hookNames;
  const appNamesSize = feedAppNames?.size ?? 0;
  const hookNamesSize = feedHookNames?.size ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: the sizes stand for the maps' contents.
  const liveNames: LiveNames = useMemo(() => {
    const appNames = new Map(feedAppNames ?? []);
    for (const [id, name] of names) appNames.set(id, name);
    return { appNames, hookNames: new Map(feedHookNames ?? []) };
  }, [feedAppNames, feedHookNames, appNamesSize, hookNamesSize, names]);
  const lines = useMemo(
    () => (shown ? activityLines(shown.activity.rows, liveNames, { ownerId, appId, filter }) : []),
    [shown, liveNames, ownerId, appId, filter],
  );
  const keys = useMemo(() => lines.map((l) => l.key), [lines]);
  const listHeight = Math.max(1, height - 1 - (ui.flash ? 1 : 0) - (ui.confirm ? 1 : 0));
  const cursor = ui.selected ? Math.max(0, keys.indexOf(ui.selected)) : 0;
  const window = useListWindow(cursor, listHeight, lines.length);

  // Read at keypress time: Ink may still hold the handler of an earlier render when a key arrives.
  const keysRef = useRef(keys);
  keysRef.current = keys;
  const ownsFilter = !outerFilter;
  const takes = useRef<() => boolean>(() => false);
  takes.current = hasKeys ?? (() => focused && !(outerFilter && filtering));
  // The state as the keys of a burst leave it, before React renders it.
  const uiNow = useRef(ui);
  uiNow.current = ui;
  useKeypress(
    (name) => {
      const action = { type: 'key', name, keys: keysRef.current, pageSize: listHeight, ownsFilter } as const;
      if (!activityTakes(uiNow.current, action)) return false;
      uiNow.current = activityUiReducer(uiNow.current, action);
      dispatch(action);
      return true;
    },
    { priority: KEY_PRIORITY.pane, isActive: () => takes.current() },
  );

  // Runs each redelivery the reducer asked for, once; the outcome comes back as a flash line.
  const request = ui.redeliver;
  const linesRef = useRef(lines);
  linesRef.current = lines;
  const hookNamesRef = useRef(liveNames.hookNames);
  hookNamesRef.current = liveNames.hookNames;
  useEffect(() => {
    if (!request || !api) return;
    const item = linesRef.current.find((l) => l.key === request.key);
    if (item?.kind !== 'delivery') return;
    const id = item.line.attempts[item.line.attempts.length - 1]!.id;
    const hook = hookOf(item.line, hookNamesRef.current);
    void redeliver(api, credentials, id).then((text) =>
      dispatch({ type: 'flash', text: `${hook}: ${text}` }),
    );
  }, [request, api, credentials]);
  const confirming = ui.confirm ? lines.find((l) => l.key === ui.confirm) : undefined;

  const detailItem = ui.detail ? lines.find((l) => l.key === ui.detail) : undefined;
  return (
    <Box flexDirection="column" width={width} height={height}>
      <Header
        shown={shown}
        latest={latest}
        paused={ui.paused}
        filter={filter}
        filtering={filtering}
        filterShown={filterShown}
        count={lines.length}
        position={window.position}
        now={now}
        theme={theme}
      />
      {detailItem?.kind === 'delivery' ? (
        <DeliveryDetail
          line={detailItem.line}
          names={liveNames}
          now={now}
          scroll={ui.detailScroll}
          height={listHeight}
        />
      ) : lines.length === 0 ? (
        <Text {...theme.text.secondary}>
          {filter
            ? 'Nothing matches the filter.'
            : 'Nothing yet: deployments, events and webhook deliveries appear here as they happen.'}
        </Text>
      ) : (
        <Box flexDirection="column">
          {lines.slice(window.offset, window.end).map((item, i) => (
            <LineView
              key={item.key}
              item={item}
              names={liveNames}
              now={now}
              width={width}
              selected={focused && window.offset + i === cursor}
              theme={theme}
            />
          ))}
        </Box>
      )}
      {confirming?.kind === 'delivery' ? (
        <RedeliverConfirm line={confirming.line} hookNames={liveNames.hookNames} />
      ) : null}
      {ui.flash ? (
        <Text wrap="truncate" {...theme.status.info}>
          {ui.flash}
        </Text>
      ) : null}
    </Box>
  );
}

// The Activity tab's first line: the live connection, how many rows are kept and seen, pause, filter.
import { Text } from 'ink';
import { connectionText } from '../../api/live/connection-text.js';
import type { LiveModelSnapshot as LiveSnapshot } from '../../api/live/live-model.js';
import type { Theme } from '../theme/theme.js';

export function ActivityHeader({
  shown,
  latest,
  paused,
  filter,
  filtering,
  filterShown,
  count,
  position,
  now,
  theme,
}: {
  shown: LiveSnapshot | undefined;
  latest: LiveSnapshot | undefined;
  paused: boolean;
  filter: string;
  filtering: boolean;
  filterShown: string;
  count: number;
  /** Where the lines on screen are ("13–40 of 120"), or "" when all of them show. */
  position: string;
  now: number;
  theme: Theme;
}) {
  if (!latest || !shown) return <Text {...theme.text.secondary}>Connecting to the event socket…</Text>;
  const status = connectionText(latest.connection, now);
  const statusStyle =
    status.tone === 'good'
      ? theme.status.ok
      : status.tone === 'bad'
        ? theme.status.error
        : theme.status.warning;
  const activity = shown.activity;
  const waiting = latest.activity.nextSeq - shown.activity.nextSeq;
  return (
    <Text wrap="truncate">
      <Text {...statusStyle}>● {status.text}</Text>
      {position ? <Text {...theme.text.primary}>{` · ${position}`}</Text> : null}
      <Text {...theme.text.secondary}>
        {` · ${activity.rows.length}/${activity.capacity} rows kept`}
        {activity.dropped > 0 ? ` (${activity.dropped} older dropped)` : ''}
        {` · ${activity.nextSeq} seen`}
        {filter || filtering ? ` · ${count} lines match` : ''}
      </Text>
      {paused ? (
        <Text
          {...theme.status.warning}
        >{` · PAUSED${waiting > 0 ? ` (${waiting} new)` : ''} · Space resumes`}</Text>
      ) : null}
      {filterShown ? <Text {...theme.text.key}>{`  ${filterShown}`}</Text> : null}
    </Text>
  );
}

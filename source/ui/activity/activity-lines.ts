// The lines the Activity tab shows: each event row, then one line per delivery under it, newest event
// first, narrowed by the pane's owner and app. The typed filter follows the one rule of
// `filterActivity` (domain): a group stays when one of its lines matches, the others are dimmed.
import type { ActivityRow, DeliveryLine } from '../../domain/live-activity.js';
import { filterActivity } from '../../domain/live-filter.js';
import type { LiveNames } from '../../domain/live-format.js';

export type ActivityLine =
  | { kind: 'event'; key: string; row: ActivityRow; dimmed: boolean }
  | { kind: 'delivery'; key: string; row: ActivityRow; line: DeliveryLine; dimmed: boolean };

export interface LineScope {
  ownerId?: string | undefined;
  appId?: string | undefined;
  /** Words that must all appear in a line: app, event type, state, hook, host or delivery state. */
  filter: string;
}

export function activityLines(
  rows: readonly ActivityRow[],
  names: LiveNames,
  scope: LineScope,
): ActivityLine[] {
  const out: ActivityLine[] = [];
  const groups = filterActivity(rows, names, {
    ownerId: scope.ownerId,
    appId: scope.appId,
    query: scope.filter,
  });
  for (const { row, dimmed, lines } of groups) {
    out.push({ kind: 'event', key: row.key, row, dimmed });
    for (const { line, dimmed: lineDimmed } of lines)
      out.push({ kind: 'delivery', key: `${row.key}>${line.key}`, row, line, dimmed: lineDimmed });
  }
  return out;
}

// The lines the Activity tab shows: each event row, then one line per delivery under it, newest event
// first, narrowed by the pane's owner and app and by the typed filter. Pure.
import type { ActivityRow, DeliveryLine } from '../../domain/live-activity.js';
import { latestAttempt } from '../../domain/live-activity.js';
import { deliveryOutcome, type LiveNames, urlHost } from '../../domain/live-format.js';

export type ActivityLine =
  | { kind: 'event'; key: string; row: ActivityRow }
  | { kind: 'delivery'; key: string; row: ActivityRow; line: DeliveryLine };

export interface LineScope {
  ownerId?: string | undefined;
  appId?: string | undefined;
  /** Words that must all appear in the row: app, event type, state, hook, host or delivery state. */
  filter: string;
}

/** Words that name a delivery's state, so that `/failed` or `/retrying` finds them. */
export function deliveryStateWords(line: DeliveryLine): string {
  const last = latestAttempt(line);
  if (last.ok) return 'delivered ok';
  return last.final ? 'failed gave-up' : 'retrying pending';
}

function haystack(row: ActivityRow, names: LiveNames): string {
  const parts = [
    row.event,
    row.appId,
    row.appId && names.appNames.get(row.appId),
    row.deployment?.state,
    row.deployment?.cause,
    row.deployment?.commit,
  ];
  for (const line of row.deliveries) {
    parts.push(
      names.hookNames.get(line.hookId),
      urlHost(line.url),
      deliveryOutcome(latestAttempt(line)),
      deliveryStateWords(line),
    );
  }
  return parts.filter(Boolean).join(' ').toLowerCase();
}

export function activityLines(
  rows: readonly ActivityRow[],
  names: LiveNames,
  scope: LineScope,
): ActivityLine[] {
  const words = scope.filter.toLowerCase().split(/\s+/).filter(Boolean);
  const out: ActivityLine[] = [];
  for (const row of rows) {
    if (scope.ownerId && row.ownerId && row.ownerId !== scope.ownerId) continue;
    if (scope.appId && row.appId !== scope.appId) continue;
    if (words.length > 0) {
      const text = haystack(row, names);
      if (!words.every((w) => text.includes(w))) continue;
    }
    out.push({ kind: 'event', key: row.key, row });
    for (const line of row.deliveries)
      out.push({ kind: 'delivery', key: `${row.key}>${line.key}`, row, line });
  }
  return out;
}

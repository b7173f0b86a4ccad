// Which live events and deliveries a tail shows: `--org`, `--app` and `--event` of `clever-notify tail`,
// and the filter rule of the Activity tab (`filterActivity`). Pure.
import { BUILTIN_CATALOGUE, type EventCatalogue, expandEvents } from './events.js';
import { type ActivityRow, type DeliveryLine, latestAttempt } from './live-activity.js';
import { deliveryOutcome, type LiveNames, urlHost } from './live-format.js';

export interface LiveFilter {
  /** Owners whose events are shown; absent = every owner of the account. */
  ownerIds?: readonly string[] | undefined;
  appId?: string | undefined;
  /** Event names (META groups allowed); absent = every event. */
  events?: readonly string[] | undefined;
}

export interface LiveSubject {
  type: string;
  ownerId?: string | undefined;
  appId?: string | undefined;
}

export interface CompiledLiveFilter {
  /** Whether a row or an event is shown; with `--app`, one that names no app is not. */
  matches(subject: LiveSubject): boolean;
  /** The same, for a delivery record, which names no app: its row decides that part. */
  matchesIgnoringApp(subject: LiveSubject): boolean;
}

/** A compiled filter: META groups expanded once rather than on every event. */
export function compileLiveFilter(
  filter: LiveFilter,
  catalogue: EventCatalogue = BUILTIN_CATALOGUE,
): CompiledLiveFilter {
  const events = filter.events ? new Set(expandEvents(filter.events, catalogue)) : undefined;
  const owners = filter.ownerIds ? new Set(filter.ownerIds) : undefined;
  const matchesIgnoringApp = (subject: LiveSubject): boolean => {
    if (events && !events.has(subject.type)) return false;
    return !owners || subject.ownerId === undefined || owners.has(subject.ownerId);
  };
  return {
    matchesIgnoringApp,
    matches: (subject) => matchesIgnoringApp(subject) && (!filter.appId || subject.appId === filter.appId),
  };
}

/** Where the Activity tab looks, and the words typed in its filter (all must appear in one line). */
export interface ActivityScope {
  ownerId?: string | undefined;
  appId?: string | undefined;
  query: string;
}

/** One event row and its delivery lines, each flagged when it does not match the filter (dimmed). */
export interface ActivityGroup {
  row: ActivityRow;
  /** The event line itself does not match: shown dimmed, for context. */
  dimmed: boolean;
  lines: readonly { line: DeliveryLine; dimmed: boolean }[];
}

/** Words that name a delivery's state: `failed` only for one that failed for good (never a 2xx). */
export function deliveryStateWords(line: DeliveryLine): string {
  const last = latestAttempt(line);
  if (last.ok) return 'delivered ok';
  return last.final ? 'failed gave-up' : 'retrying pending';
}

function words(parts: readonly (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ').toLowerCase();
}

function eventWords(row: ActivityRow, names: LiveNames): string {
  const state = row.deployment?.state;
  return words([
    row.event,
    row.kind !== 'event' ? row.kind : undefined,
    row.replay ? 'replay' : undefined,
    row.appId,
    row.appId && names.appNames.get(row.appId),
    row.ownerId && names.appNames.get(row.ownerId),
    state,
    state === 'FAIL' ? 'failed' : undefined,
    row.deployment?.cause,
    row.deployment?.commit,
  ]);
}

function lineWords(row: ActivityRow, line: DeliveryLine, names: LiveNames): string {
  return words([
    line.eventType,
    line.kind !== 'event' ? line.kind : undefined,
    row.appId,
    row.appId && names.appNames.get(row.appId),
    names.hookNames.get(line.hookId),
    line.hookId,
    urlHost(line.url),
    deliveryOutcome(latestAttempt(line)),
    deliveryStateWords(line),
  ]);
}

/**
 * The Activity filter rule: rows of the owner and app in view; with a query, a group is kept when its
 * event line or one of its delivery lines holds every word, and the lines that do not are flagged for
 * dimming (they stay, for context). Newest first, as the rows are.
 */
export function filterActivity(
  rows: readonly ActivityRow[],
  names: LiveNames,
  scope: ActivityScope,
): ActivityGroup[] {
  const query = scope.query.toLowerCase().split(/\s+/).filter(Boolean);
  const matches = (text: string) => query.every((w) => text.includes(w));
  const out: ActivityGroup[] = [];
  for (const row of rows) {
    if (scope.ownerId && row.ownerId && row.ownerId !== scope.ownerId) continue;
    if (scope.appId && row.appId !== scope.appId) continue;
    if (query.length === 0) {
      out.push({ row, dimmed: false, lines: row.deliveries.map((line) => ({ line, dimmed: false })) });
      continue;
    }
    const dimmed = !matches(eventWords(row, names));
    const lines = row.deliveries.map((line) => ({ line, dimmed: !matches(lineWords(row, line, names)) }));
    if (!dimmed || lines.some((l) => !l.dimmed)) out.push({ row, dimmed, lines });
  }
  return out;
}

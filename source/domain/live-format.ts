// What one row of the live view says, for `clever-notify tail` (human and json-stream) and the Activity
// tab alike. Pure: names come in as maps, the clock as an argument.
import type { Delivery } from './deliveries.js';
import { type ActivityRow, type DeliveryLine, latestAttempt } from './live-activity.js';

export interface LiveNames {
  appNames: ReadonlyMap<string, string>;
  hookNames: ReadonlyMap<string, string>;
}

export interface EventFields {
  time: string;
  event: string;
  app: string;
  state: string;
  commit: string;
  cause: string;
  /**
   * Tags: "test" or "redelivery" (what was sent was no event of the platform), "replay" (history asked
   * for with `--since`), "poll" (the result came from the deployments list: the socket missed it).
   */
  tags: string[];
}

export interface DeliveryFields {
  /** The event delivered, when the row holds several (a deployment's BEGIN, END and result). */
  event: string;
  hook: string;
  host: string;
  /** The HTTP status, or the network error. */
  outcome: string;
  duration: string;
  attempt: string;
  /** "retry in 12 s", "final", "delivered" or "". */
  next: string;
  tone: 'good' | 'bad' | 'pending';
}

/** HH:MM:SS in local time. */
export function clockTime(epochMs: number): string {
  return new Date(epochMs).toTimeString().slice(0, 8);
}

export function urlHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function nameOf(id: string | undefined, names: LiveNames): string | undefined {
  return id === undefined ? undefined : (names.appNames.get(id) ?? id);
}

/** What a row is about: its app, else the hook a test, a redelivery or a failure entry is about, else its owner. */
function subjectOf(row: ActivityRow, names: LiveNames): string {
  const hook = row.hookId === undefined ? undefined : (names.hookNames.get(row.hookId) ?? row.hookId);
  return nameOf(row.appId, names) ?? hook ?? nameOf(row.ownerId, names) ?? '';
}

export function rowTags(row: ActivityRow): string[] {
  const tags: string[] = [];
  if (row.kind !== 'event') tags.push(row.kind);
  if (row.replay) tags.push('replay');
  else if (row.source === 'poll') tags.push('poll');
  return tags;
}

export function eventFields(row: ActivityRow, names: LiveNames): EventFields {
  return {
    time: clockTime(row.date),
    event: row.event,
    app: subjectOf(row, names),
    state: row.deployment?.state ?? '',
    commit: row.deployment?.commit?.slice(0, 7) ?? '',
    cause: row.deployment?.cause ?? '',
    tags: rowTags(row),
  };
}

export function deliveryOutcome(attempt: Delivery): string {
  if (attempt.networkFailure) return attempt.networkFailure;
  return attempt.status !== undefined ? String(attempt.status) : 'no answer';
}

/** "DEPLOYMENT_ACTION_BEGIN" → "BEGIN": under a deployment's row, the prefix says nothing new. */
export function shortEventName(event: string): string {
  return event.replace(/^DEPLOYMENT_(ACTION_)?/, '');
}

export function deliveryFields(
  line: DeliveryLine,
  names: LiveNames,
  now: number,
  row?: ActivityRow,
): DeliveryFields {
  const last = latestAttempt(line);
  let next = '';
  if (last.ok) next = 'delivered';
  else if (last.final) next = 'gave up';
  else if (last.nextAttemptAt !== undefined && last.nextAttemptAt > now)
    next = `retry in ${Math.ceil((last.nextAttemptAt - now) / 1000)} s`;
  // A retry that is due (or, for an earlier attempt, made): when, rather than a countdown stuck at 0.
  else if (last.nextAttemptAt !== undefined) next = `retry at ${clockTime(last.nextAttemptAt)}`;
  return {
    event: row && row.event === line.eventType ? '' : shortEventName(line.eventType),
    hook: names.hookNames.get(line.hookId) ?? line.hookId,
    host: urlHost(line.url),
    outcome: deliveryOutcome(last),
    duration: `${Math.round(last.durationMs)} ms`,
    attempt: `attempt ${last.attempt}`,
    next,
    tone: last.ok ? 'good' : last.final ? 'bad' : 'pending',
  };
}

/** One line of `tail`: "12:00:01  DEPLOYMENT_ACTION_END  my-app  OK  abc1234  Git". */
export function eventText(row: ActivityRow, names: LiveNames): string {
  const f = eventFields(row, names);
  const tags = f.tags.map((tag) => `[${tag}]`).join(' ');
  return [f.time, f.event.padEnd(24), f.app, f.state, f.commit, f.cause, tags].filter(Boolean).join('  ');
}

/** The line under an event: "  ↳ my-hook  example.com  503  120 ms  attempt 1  retry in 5 s". */
export function deliveryText(line: DeliveryLine, names: LiveNames, now: number, row?: ActivityRow): string {
  const f = deliveryFields(line, names, now, row);
  return ['  ↳', f.event, f.hook, f.host, f.outcome, f.duration, f.attempt, f.next]
    .filter(Boolean)
    .join('  ');
}

/**
 * The json-stream record of an event row, re-emitted whenever it changes (same `key`). Field names are
 * stable: see the README's "Live tail" section.
 */
export function eventRecord(row: ActivityRow, names: LiveNames): Record<string, unknown> {
  return {
    type: 'event',
    key: row.key,
    kind: row.kind,
    replay: row.replay,
    time: new Date(row.date).toISOString(),
    event: row.event,
    ownerId: row.ownerId ?? null,
    appId: row.appId ?? null,
    appName: (row.appId && names.appNames.get(row.appId)) ?? null,
    deployment: row.deployment
      ? {
          uuid: row.deployment.uuid,
          state: row.deployment.state,
          action: row.deployment.action ?? null,
          commit: row.deployment.commit ?? null,
          cause: row.deployment.cause ?? null,
        }
      : null,
    hookId: row.hookId ?? null,
    source: row.source,
  };
}

/** The json-stream record of one delivery attempt, linked to its event row by `eventKey`. */
export function deliveryRecord(
  row: ActivityRow,
  attempt: Delivery,
  names: LiveNames,
): Record<string, unknown> {
  return {
    type: 'delivery',
    eventKey: row.key,
    kind: attempt.kind ?? 'event',
    replay: row.replay,
    eventId: attempt.eventId,
    eventType: attempt.eventType,
    deliveryId: attempt.id,
    hookId: attempt.hookId,
    hookName: names.hookNames.get(attempt.hookId) ?? null,
    url: attempt.url,
    format: attempt.format,
    attempt: attempt.attempt,
    status: attempt.status ?? null,
    error: attempt.networkFailure ?? null,
    durationMs: attempt.durationMs,
    nextAttemptAt: attempt.nextAttemptAt !== undefined ? new Date(attempt.nextAttemptAt).toISOString() : null,
    final: attempt.final,
    ok: attempt.ok,
    time: new Date(attempt.at).toISOString(),
  };
}

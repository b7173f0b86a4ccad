// The live view of an account: what the event socket says, what polling the deployments list says, and
// what the sandbox's delivery log says, merged into one bounded list of rows. Pure, so that the merge
// rules (the part that must never show a stale or missing result) are tested without any network.
//
// Rows are keyed by deployment uuid for the events about one deployment (BEGIN, END, SUCCESS, FAIL), so
// that a WIP row becomes its result in place and a poll never duplicates what the socket showed. Every
// other event is a row of its own.
import type { Delivery, DeliveryKind } from './deliveries.js';
import { failureTime } from './live-hooks.js';
import { type DeliveryFailure, type Deployment, EventEnvelope, eventData } from './schemas.js';

/** The events about one deployment, merged into the row of that deployment. */
const DEPLOYMENT_EVENTS = new Set([
  'DEPLOYMENT_ACTION_BEGIN',
  'DEPLOYMENT_ACTION_END',
  'DEPLOYMENT_SUCCESS',
  'DEPLOYMENT_FAIL',
]);

/** What a row or a delivery line is: an event of the platform, a test of a hook, or a redelivery. */
export type ActivityKind = DeliveryKind;

/** All attempts to deliver one event to one URL of one hook, latest attempt last. */
export interface DeliveryLine {
  key: string;
  kind: ActivityKind;
  eventId: string;
  eventType: string;
  hookId: string;
  url: string;
  format: string;
  attempts: Delivery[];
}

export interface DeploymentInfo {
  uuid: string;
  state: string;
  action?: string | undefined;
  commit?: string | undefined;
  cause?: string | undefined;
}

export interface ActivityRow {
  key: string;
  /** Arrival order, to keep rows of the same date in a stable order. */
  seq: number;
  /** Epoch ms of the event (or of the deployment, for a row that only a poll has seen). */
  date: number;
  /** The latest event seen for this row, and its date. */
  event: string;
  lastDate: number;
  /** Every event type this row has seen, and when: what a delivery of the same event is matched on. */
  seen: Readonly<Record<string, number>>;
  ownerId?: string | undefined;
  appId?: string | undefined;
  deployment?: DeploymentInfo | undefined;
  /**
   * Where the row's current state came from: a socket frame, a poll of the deployments list, a delivery
   * of the sandbox's log, or a new entry in a hook's `failures[]` (Clever Cloud, which has no log).
   */
  source: 'socket' | 'poll' | 'delivery' | 'failures';
  /** `test` and `redelivery` rows hold only what was sent: never an app's deployment. */
  kind: ActivityKind;
  /** Happened before the view started, shown because history was asked for (`tail --since`). */
  replay: boolean;
  /** The hook a test, a redelivery or a failure entry is about. */
  hookId?: string | undefined;
  deliveries: DeliveryLine[];
}

export interface ActivityState {
  /** Newest first. */
  rows: readonly ActivityRow[];
  capacity: number;
  /** Rows dropped from the bottom since the start because the buffer was full. */
  dropped: number;
  nextSeq: number;
  /** Delivery log event id → row key. */
  eventRows: ReadonlyMap<string, string>;
}

export type ActivityAction =
  | { type: 'event'; envelope: EventEnvelope }
  | {
      type: 'deployments';
      ownerId: string;
      appId: string;
      deployments: readonly Deployment[];
      /** Deployments older than this (epoch ms) and not already shown are history, not news. */
      since: number;
      /** The deployments are history asked for (`tail --since`): new rows are marked `replay`. */
      replay?: boolean;
    }
  | { type: 'delivery'; delivery: Delivery; replay?: boolean }
  /**
   * Entries of a webhook's `failures[]` that a refresh found and the view had not seen (Clever Cloud
   * keeps no delivery log: this is how its failed deliveries show).
   */
  | {
      type: 'hookFailures';
      ownerId: string;
      hookId: string;
      failures: readonly DeliveryFailure[];
      at: number;
    };

export const DEFAULT_CAPACITY = 500;
/** The event of a row made from a hook's `failures[]`, which do not say which event failed. */
export const FAILED_DELIVERY = 'WEBHOOK_DELIVERY_FAILED';
/** Attempts kept per delivery line and lines kept per row: enough for any retry schedule. */
const MAX_ATTEMPTS = 20;
const MAX_LINES_PER_ROW = 50;
/** How far apart (ms) a delivery and a socket event of the same type and owner may be to be one event. */
const SAME_EVENT_WINDOW_MS = 5_000;

export function emptyActivity(capacity: number = DEFAULT_CAPACITY): ActivityState {
  return { rows: [], capacity, dropped: 0, nextSeq: 0, eventRows: new Map() };
}

export function isTerminalState(state: string | undefined): boolean {
  return state !== undefined && state !== 'WIP' && state !== 'TASK_RUNNING';
}

/** The key of the row an event belongs to. */
export function rowKeyOfEvent(envelope: EventEnvelope): string {
  const data = eventData(envelope);
  if (DEPLOYMENT_EVENTS.has(envelope.event) && data.uuid) return `deployment:${data.uuid}`;
  return `event:${envelope.event}:${envelope.date}:${data.id ?? data.appId ?? data.ownerId ?? ''}`;
}

/** The app an event is about: `data.appId`, else `data.id` when it is an app id. */
export function appIdOfEvent(envelope: EventEnvelope): string | undefined {
  const data = eventData(envelope);
  if (data.appId) return data.appId;
  return data.id?.startsWith('app_') ? data.id : undefined;
}

/** Deployment apps that have a row still in progress: the ones to poll until they settle. */
export function appsInProgress(state: ActivityState): { ownerId?: string | undefined; appId: string }[] {
  const out = new Map<string, { ownerId?: string | undefined; appId: string }>();
  for (const row of state.rows) {
    if (row.deployment && !isTerminalState(row.deployment.state) && row.appId) {
      out.set(row.appId, { ownerId: row.ownerId, appId: row.appId });
    }
  }
  return [...out.values()];
}

/** Applies a batch of actions at once: one new state (and so one render) per batch. */
export function reduceActivity(state: ActivityState, actions: readonly ActivityAction[]): ActivityState {
  if (actions.length === 0) return state;
  const draft = new Draft(state);
  for (const action of actions) {
    if (action.type === 'event') draft.event(action.envelope, 'socket');
    else if (action.type === 'deployments') draft.deployments(action);
    else if (action.type === 'delivery') draft.delivery(action.delivery, action.replay === true);
    else draft.hookFailures(action);
  }
  return draft.finish();
}

/** A mutable working copy for one batch; rows are copied on first write so earlier states stay intact. */
class Draft {
  private readonly rows: Map<string, ActivityRow>;
  private readonly touched = new Set<string>();
  private readonly eventRows: Map<string, string>;
  private nextSeq: number;

  constructor(private readonly base: ActivityState) {
    this.rows = new Map(base.rows.map((r) => [r.key, r]));
    this.eventRows = new Map(base.eventRows);
    this.nextSeq = base.nextSeq;
  }

  private writable(key: string): ActivityRow | undefined {
    const row = this.rows.get(key);
    if (!row) return undefined;
    if (this.touched.has(key)) return row;
    const copy = { ...row, deliveries: [...row.deliveries] };
    this.rows.set(key, copy);
    this.touched.add(key);
    return copy;
  }

  private create(
    row: Omit<ActivityRow, 'seq' | 'deliveries' | 'kind' | 'replay'> &
      Partial<Pick<ActivityRow, 'kind' | 'replay'>>,
  ): ActivityRow {
    const created: ActivityRow = {
      kind: 'event',
      replay: false,
      ...row,
      seq: this.nextSeq++,
      deliveries: [],
    };
    this.rows.set(row.key, created);
    this.touched.add(row.key);
    return created;
  }

  event(envelope: EventEnvelope, source: 'socket' | 'delivery'): void {
    const data = eventData(envelope);
    let key = rowKeyOfEvent(envelope);
    // Two frames alike to the millisecond are still two events (only a deployment's row takes several).
    const existing = this.rows.get(key);
    if (source === 'socket' && existing?.source === 'socket' && !key.startsWith('deployment:')) {
      key = `${key}#${this.nextSeq}`;
    }
    const appId = appIdOfEvent(envelope);
    const deploymentState = DEPLOYMENT_EVENTS.has(envelope.event)
      ? (data.state ?? impliedState(envelope.event))
      : undefined;
    const row =
      this.writable(key) ??
      this.create({
        key,
        date: envelope.date,
        lastDate: envelope.date,
        event: envelope.event,
        seen: {},
        source,
      });
    row.seen = { ...row.seen, [envelope.event]: envelope.date };
    if (source === 'socket') this.adoptDeliveryRows(row, envelope, data.ownerId);
    if (envelope.date >= row.lastDate || row.source !== 'socket') {
      row.event = envelope.event;
      row.lastDate = Math.max(row.lastDate, envelope.date);
    }
    row.date = Math.min(row.date, envelope.date);
    row.ownerId ??= data.ownerId;
    row.appId ??= appId;
    row.source = source;
    if (data.uuid && deploymentState) {
      row.deployment = mergeDeployment(row.deployment, {
        uuid: data.uuid,
        state: deploymentState,
        action: data.action,
        commit: data.commit,
        cause: data.cause,
      });
    }
    if (row.deployment) row.event = deploymentEventName(row.deployment.state);
  }

  /** Rows that deliveries made before their socket event arrived join that event's row. */
  private adoptDeliveryRows(row: ActivityRow, envelope: EventEnvelope, ownerId?: string): void {
    for (const orphan of [...this.rows.values()]) {
      if (orphan.source !== 'delivery' || !orphan.key.startsWith('delivery-event:')) continue;
      if (orphan.event !== envelope.event || (ownerId && orphan.ownerId !== ownerId)) continue;
      if (Math.abs(orphan.date - envelope.date) > SAME_EVENT_WINDOW_MS) continue;
      if (hasOtherEventOfType(row, envelope.event, orphan.deliveries[0]?.eventId)) continue;
      this.mergeInto(orphan.key, row.key);
      return;
    }
  }

  deployments(action: Extract<ActivityAction, { type: 'deployments' }>): void {
    for (const d of action.deployments) {
      const key = `deployment:${d.uuid}`;
      const existing = this.rows.get(key);
      if (!existing && d.date < action.since) continue;
      const info: DeploymentInfo = {
        uuid: d.uuid,
        state: d.state,
        action: d.action ?? undefined,
        commit: d.commit ?? undefined,
        cause: d.cause ?? undefined,
      };
      if (existing) {
        const merged = mergeDeployment(existing.deployment, info);
        if (sameDeployment(merged, existing.deployment)) continue;
        const row = this.writable(key)!;
        row.deployment = merged;
        row.ownerId ??= action.ownerId;
        row.appId ??= action.appId;
        row.event = deploymentEventName(merged.state);
        if (isTerminalState(merged.state) && !isTerminalState(existing.deployment?.state))
          row.source = 'poll';
      } else {
        this.create({
          key,
          date: d.date,
          lastDate: d.date,
          seen: {},
          event: deploymentEventName(d.state),
          replay: action.replay === true,
          ownerId: action.ownerId,
          appId: action.appId,
          deployment: info,
          source: 'poll',
        });
      }
    }
  }

  delivery(record: Delivery, replay = false): void {
    const kind = record.kind ?? 'event';
    // A retry of an event this view never saw happened before it started: history, not news.
    if (kind === 'event' && !replay && record.attempt > 1 && !this.eventRows.has(record.eventId)) return;
    const key = kind === 'event' ? this.rowOfDelivery(record, replay) : this.oneShotRow(record, kind, replay);
    const row = this.writable(key)!;
    const lineKey = `${record.eventId}|${record.hookId}|${record.url}`;
    const index = row.deliveries.findIndex((l) => l.key === lineKey);
    const line: DeliveryLine =
      index >= 0
        ? { ...row.deliveries[index]!, attempts: [...row.deliveries[index]!.attempts] }
        : {
            key: lineKey,
            kind: record.kind ?? 'event',
            eventId: record.eventId,
            eventType: record.eventType,
            hookId: record.hookId,
            url: record.url,
            format: record.format,
            attempts: [],
          };
    const same = line.attempts.findIndex((a) => a.id === record.id);
    if (same >= 0) line.attempts[same] = record;
    else line.attempts.push(record);
    // In time order: a redelivery starts again at attempt 1, and the latest attempt is the newest one.
    line.attempts.sort((a, b) => a.at - b.at || a.attempt - b.attempt);
    if (line.attempts.length > MAX_ATTEMPTS) line.attempts.splice(0, line.attempts.length - MAX_ATTEMPTS);
    if (index >= 0) row.deliveries[index] = line;
    else row.deliveries.push(line);
    if (row.deliveries.length > MAX_LINES_PER_ROW) row.deliveries.shift();
  }

  /**
   * The socket frames carry no event id (they stay exactly the contract's), the delivery log does. A raw
   * body is the event itself and names its row; otherwise the nearest row of the same event type and
   * owner, not yet linked to another event id, is that event; failing all, the delivery makes its own row.
   */
  /**
   * A test or a redelivery is a row of its own, named for what was sent and to which hook: its body
   * names an app and a deployment, but none happened.
   */
  private oneShotRow(record: Delivery, kind: ActivityKind, replay: boolean): string {
    const key =
      kind === 'test'
        ? `test:${record.eventId}`
        : `redelivery:${record.eventId}|${record.hookId}|${record.url}`;
    if (!this.rows.has(key)) {
      this.create({
        key,
        date: record.at,
        lastDate: record.at,
        seen: {},
        event: record.eventType,
        ownerId: record.ownerId,
        hookId: record.hookId,
        source: 'delivery',
        kind,
        replay,
      });
    }
    return key;
  }

  /** Each new entry of a hook's `failures[]` (Clever Cloud): a row with one failed delivery line. */
  hookFailures(action: Extract<ActivityAction, { type: 'hookFailures' }>): void {
    for (const failure of action.failures) {
      const at = failureTime(failure, action.at);
      const key = `failure:${action.hookId}|${failure.url}|${at}|${failure.status ?? failure.networkFailure ?? ''}`;
      if (this.rows.has(key)) continue;
      const row = this.create({
        key,
        date: at,
        lastDate: at,
        seen: {},
        event: FAILED_DELIVERY,
        ownerId: action.ownerId,
        hookId: action.hookId,
        source: 'failures',
      });
      const attempt: Delivery = {
        id: key,
        cursor: '',
        eventId: key,
        eventType: FAILED_DELIVERY,
        hookId: action.hookId,
        ownerId: action.ownerId,
        url: failure.url,
        format: 'raw',
        attempt: 1,
        requestBody: '',
        durationMs: 0,
        final: true,
        ok: false,
        at,
        ...(failure.status !== undefined ? { status: failure.status } : {}),
        ...(failure.networkFailure !== undefined ? { networkFailure: failure.networkFailure } : {}),
        ...(failure.partialBody !== undefined ? { responseExcerpt: failure.partialBody } : {}),
      };
      row.deliveries.push({
        key,
        kind: 'event',
        eventId: key,
        eventType: FAILED_DELIVERY,
        hookId: action.hookId,
        url: failure.url,
        format: 'raw',
        attempts: [attempt],
      });
    }
  }

  private rowOfDelivery(record: Delivery, replay: boolean): string {
    const known = this.eventRows.get(record.eventId);
    const orphan = known?.startsWith('delivery-event:');
    if (known && this.rows.has(known) && !(orphan && record.format === 'raw')) return known;
    const envelope = envelopeOf(record.requestBody);
    let key = envelope ? rowKeyOfEvent(envelope) : undefined;
    if (key && !this.rows.has(key) && envelope) {
      this.event(envelope, 'delivery');
      if (replay) this.rows.get(key)!.replay = true;
    }
    // A raw body names the event exactly: a row that guessed (an orphan) hands its deliveries over.
    if (key && known && orphan && this.rows.has(known)) this.mergeInto(known, key);
    key ??= this.nearestUnlinkedRow(record);
    if (!key) {
      key = `delivery-event:${record.eventId}`;
      const at = record.at;
      this.create({
        key,
        date: at,
        lastDate: at,
        seen: { [record.eventType]: at },
        event: record.eventType,
        ownerId: record.ownerId,
        source: 'delivery',
        replay,
      });
    }
    this.eventRows.set(record.eventId, key);
    return key;
  }

  private mergeInto(fromKey: string, toKey: string): void {
    const from = this.rows.get(fromKey)!;
    const to = this.writable(toKey)!;
    to.deliveries.push(...from.deliveries);
    this.rows.delete(fromKey);
    this.touched.delete(fromKey);
    for (const [eventId, rowKey] of this.eventRows)
      if (rowKey === fromKey) this.eventRows.set(eventId, toKey);
  }

  private nearestUnlinkedRow(record: Delivery): string | undefined {
    let best: { key: string; distance: number } | undefined;
    for (const row of this.rows.values()) {
      const seenAt = row.seen[record.eventType];
      if (seenAt === undefined || row.source === 'delivery') continue;
      if (row.ownerId !== undefined && row.ownerId !== record.ownerId) continue;
      if (hasOtherEventOfType(row, record.eventType, record.eventId)) continue;
      const distance = Math.abs(seenAt - record.at);
      if (distance <= SAME_EVENT_WINDOW_MS && (!best || distance < best.distance)) {
        best = { key: row.key, distance };
      }
    }
    return best?.key;
  }

  finish(): ActivityState {
    const rows = [...this.rows.values()].sort((a, b) => b.date - a.date || b.seq - a.seq);
    let dropped = this.base.dropped;
    if (rows.length > this.base.capacity) {
      const gone = rows.splice(this.base.capacity);
      dropped += gone.length;
      const goneKeys = new Set(gone.map((r) => r.key));
      for (const [eventId, key] of this.eventRows) if (goneKeys.has(key)) this.eventRows.delete(eventId);
    }
    return { rows, capacity: this.base.capacity, dropped, nextSeq: this.nextSeq, eventRows: this.eventRows };
  }
}

/** Whether the row already holds deliveries of another event of this type (so it is not that event). */
function hasOtherEventOfType(row: ActivityRow, type: string, eventId: string | undefined): boolean {
  return row.deliveries.some((l) => l.eventType === type && l.eventId !== eventId);
}

/**
 * A deployment row is named for what it is, whichever path (socket or poll) told its state: the result
 * when there is one, else the END of a deployment that ended otherwise (CANCELLED), else its BEGIN.
 */
export function deploymentEventName(state: string): string {
  if (state === 'OK') return 'DEPLOYMENT_SUCCESS';
  if (state === 'FAIL') return 'DEPLOYMENT_FAIL';
  return isTerminalState(state) ? 'DEPLOYMENT_ACTION_END' : 'DEPLOYMENT_ACTION_BEGIN';
}

function impliedState(event: string): string | undefined {
  if (event === 'DEPLOYMENT_SUCCESS') return 'OK';
  if (event === 'DEPLOYMENT_FAIL') return 'FAIL';
  if (event === 'DEPLOYMENT_ACTION_BEGIN') return 'WIP';
  return undefined;
}

/** A result never goes back to WIP: a late BEGIN or a stale poll must not hide it. */
function mergeDeployment(current: DeploymentInfo | undefined, next: DeploymentInfo): DeploymentInfo {
  if (!current) return next;
  const keepState = isTerminalState(current.state) && !isTerminalState(next.state);
  return {
    uuid: current.uuid,
    state: keepState ? current.state : next.state,
    action: next.action ?? current.action,
    commit: next.commit ?? current.commit,
    cause: next.cause ?? current.cause,
  };
}

function sameDeployment(a: DeploymentInfo, b: DeploymentInfo | undefined): boolean {
  return (
    b !== undefined &&
    a.state === b.state &&
    a.action === b.action &&
    a.commit === b.commit &&
    a.cause === b.cause
  );
}

function envelopeOf(body: unknown): EventEnvelope | undefined {
  const parsed = EventEnvelope.safeParse(typeof body === 'string' ? safeJson(body) : body);
  return parsed.success ? parsed.data : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The latest attempt of a delivery line. */
export function latestAttempt(line: DeliveryLine): Delivery {
  return line.attempts[line.attempts.length - 1]!;
}

// The dispatcher's durable memory: the delivery log (one record per attempt), the deliveries still to
// be made (so that pending retries survive a restart), and each hook's run of failed deliveries. It is
// kept with the sandbox's journaled state (../storage/durable-state.ts): changes apply in memory at once
// and reach the disk in the next group flush, a few milliseconds later (on a full disk, as soon as
// space is freed). A retry is journaled as a small record (its attempt and due time), not the whole
// delivery again.
//
// Retention: the newest 5,000 records, and none older than 7 days than the newest; cursors keep
// increasing across restarts, so a reader resuming from an old cursor gets what is still kept.
import * as z from 'zod/mini';
import { Delivery, type DeliveryPage } from '../../domain/deliveries.js';
import { WebhookFormat } from '../../domain/schemas.js';
import { DurableState } from '../storage/durable-state.js';

export const RETAINED_RECORDS = 5000;
export const RETAINED_MS = 7 * 86_400_000;
export const MAX_PAGE = 500;

export const PendingDelivery = z.object({
  id: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  hookId: z.string(),
  ownerId: z.string(),
  url: z.string(),
  format: WebhookFormat,
  body: z.string(),
  /** The number of the attempt to make next. */
  attempt: z.number(),
  dueAt: z.number(),
  /**
   * Written by versions that queued tests and redeliveries like events. Such a job is sent once more
   * at the next start, as a redelivery (docs/sandbox.md, "Tests and redeliveries").
   */
  force: z.optional(z.boolean()),
});
export type PendingDelivery = z.infer<typeof PendingDelivery>;

const StateJson = z.object({
  lastSeq: z.number(),
  records: z.array(Delivery),
  pending: z.array(PendingDelivery),
  failedInRow: z.record(z.string(), z.number()),
});

interface State {
  lastSeq: number;
  records: Delivery[];
  pending: Map<string, PendingDelivery>;
  /** How many deliveries are pending per URL (derived from `pending`, not saved). */
  pendingPerUrl: Map<string, number>;
  failedInRow: Map<string, number>;
}

type Op =
  | { type: 'record'; delivery: Delivery }
  | { type: 'pending.put'; job: PendingDelivery }
  | { type: 'pending.retry'; id: string; attempt: number; dueAt: number }
  | { type: 'pending.remove'; id: string }
  | { type: 'failedInRow'; hookId: string; count: number };

function apply(state: State, op: Op): void {
  switch (op.type) {
    case 'record': {
      state.records.push(op.delivery);
      state.lastSeq = Math.max(state.lastSeq, Number(op.delivery.cursor));
      const oldest = op.delivery.at - RETAINED_MS;
      let drop = Math.max(0, state.records.length - RETAINED_RECORDS);
      while (drop < state.records.length && state.records[drop]!.at < oldest) drop += 1;
      if (drop > 0) state.records.splice(0, drop);
      return;
    }
    case 'pending.put':
      if (!state.pending.has(op.job.id)) countPending(state, op.job.url, 1);
      state.pending.set(op.job.id, op.job);
      return;
    case 'pending.retry': {
      const job = state.pending.get(op.id);
      if (job) state.pending.set(op.id, { ...job, attempt: op.attempt, dueAt: op.dueAt });
      return;
    }
    case 'pending.remove': {
      const job = state.pending.get(op.id);
      if (!job) return;
      state.pending.delete(op.id);
      countPending(state, job.url, -1);
      return;
    }
    case 'failedInRow':
      if (op.count === 0) state.failedInRow.delete(op.hookId);
      else state.failedInRow.set(op.hookId, op.count);
      return;
    default:
      throw new Error(`unknown delivery operation ${JSON.stringify((op as { type?: unknown }).type)}`);
  }
}

function countPending(state: State, url: string, delta: number): void {
  const count = (state.pendingPerUrl.get(url) ?? 0) + delta;
  if (count > 0) state.pendingPerUrl.set(url, count);
  else state.pendingPerUrl.delete(url);
}

export type DeliveryListener = (delivery: Delivery) => void;

export class DeliveryJournal {
  private readonly listeners = new Set<DeliveryListener>();
  /** A write failed and was reported; the next failures are not, until a write succeeds again. */
  private failing = false;

  private constructor(
    private readonly durable: DurableState<State, Op>,
    private readonly onError: (error: unknown) => void,
  ) {}

  static async open(dataDir: string, onError: (error: unknown) => void = () => {}): Promise<DeliveryJournal> {
    const durable = await DurableState.open<State, Op>({
      dir: dataDir,
      name: 'deliveries',
      initial: () => ({
        lastSeq: 0,
        records: [],
        pending: new Map(),
        pendingPerUrl: new Map(),
        failedInRow: new Map(),
      }),
      apply,
      visibility: 'at-once',
      toJson: (s) => ({
        lastSeq: s.lastSeq,
        records: s.records,
        pending: [...s.pending.values()],
        failedInRow: Object.fromEntries(s.failedInRow),
      }),
      fromJson: (json) => {
        const s = StateJson.parse(json);
        const state: State = {
          lastSeq: s.lastSeq,
          records: s.records,
          pending: new Map(s.pending.map((j) => [j.id, j])),
          pendingPerUrl: new Map(),
          failedInRow: new Map(Object.entries(s.failedInRow)),
        };
        for (const job of state.pending.values()) countPending(state, job.url, 1);
        return state;
      },
    });
    return new DeliveryJournal(durable, onError);
  }

  private get state(): State {
    return this.durable.state;
  }

  private commit(op: Op): void {
    this.durable.commit(op).then(
      () => {
        this.failing = false;
      },
      (error) => {
        if (this.failing) return;
        this.failing = true;
        this.onError(error);
      },
    );
  }

  /** Bytes in the journal file now (for tests and benches). */
  get journalSize(): number {
    return this.durable.journalSize;
  }

  /** Appends a record with the next cursor and tells the listeners. */
  record(fields: Omit<Delivery, 'cursor'>): Delivery {
    const delivery: Delivery = { ...fields, cursor: String(this.state.lastSeq + 1) };
    this.commit({ type: 'record', delivery });
    for (const listener of this.listeners) listener(delivery);
    return delivery;
  }

  putPending(job: PendingDelivery): void {
    this.commit({ type: 'pending.put', job });
  }

  /** The next attempt of a pending delivery: a small record, the body is not written again. */
  retryPending(id: string, attempt: number, dueAt: number): void {
    if (this.state.pending.has(id)) this.commit({ type: 'pending.retry', id, attempt, dueAt });
  }

  /** How many deliveries to this URL are pending (queued or waiting for a retry). */
  pendingCount(url: string): number {
    return this.state.pendingPerUrl.get(url) ?? 0;
  }

  removePending(id: string): void {
    if (this.state.pending.has(id)) this.commit({ type: 'pending.remove', id });
  }

  pending(): PendingDelivery[] {
    return [...this.state.pending.values()];
  }

  failedInRow(hookId: string): number {
    return this.state.failedInRow.get(hookId) ?? 0;
  }

  setFailedInRow(hookId: string, count: number): void {
    if (this.failedInRow(hookId) !== count) this.commit({ type: 'failedInRow', hookId, count });
  }

  find(deliveryId: string): Delivery | undefined {
    return this.state.records.find((d) => d.id === deliveryId);
  }

  /** The cursor of the newest record ("0" when there is none). */
  get lastCursor(): string {
    return String(this.state.lastSeq);
  }

  /** Records after `since` (oldest first), optionally of one hook, at most `limit`. */
  list(options: { hookId?: string; since?: string; limit?: number } = {}): DeliveryPage {
    const limit = Math.min(MAX_PAGE, Math.max(1, options.limit ?? 100));
    const items: Delivery[] = [];
    const records = this.state.records;
    for (let i = this.firstAfter(options.since); i < records.length && items.length < limit; i++) {
      const record = records[i]!;
      if (options.hookId === undefined || record.hookId === options.hookId) items.push(record);
    }
    // With a hook filter, the page may stop short of the newest record: resume after the last item,
    // or after everything scanned when nothing matched.
    const next =
      items.length === limit
        ? items[items.length - 1]!.cursor
        : (records.at(-1)?.cursor ?? options.since ?? '0');
    return { items, next: maxCursor(next, options.since) };
  }

  /** Every record after `since`, oldest first (for a stream that resumes). */
  after(since: string | undefined): Delivery[] {
    return this.state.records.slice(this.firstAfter(since));
  }

  subscribe(listener: DeliveryListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): Promise<void> {
    this.listeners.clear();
    return this.durable.close();
  }

  private firstAfter(since: string | undefined): number {
    const seq = parseCursor(since);
    const records = this.state.records;
    let lo = 0;
    let hi = records.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (Number(records[mid]!.cursor) <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** A cursor is a decimal sequence number; anything else reads as "from the start". */
export function parseCursor(cursor: string | undefined): number {
  if (cursor === undefined || !/^\d{1,15}$/.test(cursor)) return 0;
  return Number(cursor);
}

function maxCursor(a: string, b: string | undefined): string {
  return String(Math.max(parseCursor(a), parseCursor(b)));
}

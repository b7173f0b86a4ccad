// Sends every event of the bus to each enabled webhook that matches it, one POST per URL in the URL's
// format, retrying on the schedule of retry-policy.ts and writing every attempt to the delivery log.
// A delivery is journaled before its first attempt and removed after its last, so a restart picks up
// what was pending (an attempt cut short by the restart is made again: at least once, not exactly once),
// a bounded number at a time (RESUME_BATCH every RESUME_INTERVAL_MS) so that no backlog can keep a
// start from answering. At most MAX_PENDING_PER_URL deliveries wait per URL; one more is dropped, and
// recorded as dropped. Tests and redeliveries are not deliveries of events: sent once, at once, ahead of
// any queue, never retried, and they change nothing in the hook (docs/sandbox.md).
import { randomUUID } from 'node:crypto';
import {
  DEAD_FORMAT_WARNINGS,
  type Delivery,
  type DeliveryKind,
  type WebhookTestResult,
} from '../../domain/deliveries.js';
import { hookMatchesEvent } from '../../domain/matching.js';
import {
  type PayloadContext,
  payloadContext,
  SAMPLE_APP_ID,
  sampleEvent,
  WEBHOOK_REQUEST_HEADERS,
  webhookRequest,
} from '../../domain/payloads.js';
import type { Webhook, WebhookFormat } from '../../domain/schemas.js';
import type { SandboxEvent } from '../events/event-bus.js';
import type { SandboxStore } from '../store/store.js';
import type { DeliveryJournal, PendingDelivery } from './delivery-journal.js';
import { FairLimiter } from './fair-limiter.js';
import type { SentAttempt, WebhookSender } from './http-sender.js';
import { DEFAULT_RETRY_POLICY, judgeAttempt, type RetryPolicy } from './retry-policy.js';

/** At most this many requests at once to one URL, and overall. */
export const PER_URL_CONCURRENCY = 4;
export const TOTAL_CONCURRENCY = 256;
/** Deliveries waiting per URL (queued or between retries), across hooks; one more is dropped. */
export const MAX_PENDING_PER_URL = 1000;
/** A start resumes this many pending deliveries at a time… */
export const RESUME_BATCH = 100;
/** …every this many milliseconds. */
export const RESUME_INTERVAL_MS = 100;

/** A test or a redelivery: sent once, now. */
type OneShot = Omit<PendingDelivery, 'attempt' | 'dueAt' | 'force'> & {
  kind: Exclude<DeliveryKind, 'event'>;
};

export type DispatcherStore = Pick<
  SandboxStore,
  | 'webhooks'
  | 'webhook'
  | 'appendWebhookFailure'
  | 'setWebhookState'
  | 'application'
  | 'applications'
  | 'owner'
>;

export interface DispatcherOptions {
  store: DispatcherStore;
  journal: DeliveryJournal;
  sender: WebhookSender;
  policy?: RetryPolicy;
  now?: () => number;
  random?: () => number;
  log?: (line: string) => void;
}

export class Dispatcher {
  private readonly limiter = new FairLimiter(PER_URL_CONCURRENCY, TOTAL_CONCURRENCY);
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private resumeTimer: NodeJS.Timeout | undefined;
  private lastReport: string | undefined;
  private readonly policy: RetryPolicy;
  private readonly now: () => number;
  private readonly random: () => number;
  private closed = false;

  constructor(private readonly options: DispatcherOptions) {
    this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Schedules what the journal still holds from a previous run, oldest due first, a batch at a time. */
  start(): void {
    const pending = this.options.journal.pending().sort((a, b) => a.dueAt - b.dueAt);
    if (pending.length === 0) return;
    this.options.log?.(`resuming ${pending.length} pending webhook deliveries`);
    let next = 0;
    const resumeBatch = () => {
      this.resumeTimer = undefined;
      if (this.closed) return;
      for (const job of pending.slice(next, next + RESUME_BATCH)) {
        if (job.force) this.resumeLegacyOneShot(job);
        else this.schedule(job);
      }
      next += RESUME_BATCH;
      if (next < pending.length) this.resumeTimer = setTimeout(resumeBatch, RESUME_INTERVAL_MS);
    };
    // Not in this tick: the start finishes (and answers requests) before any of it runs.
    this.resumeTimer = setTimeout(resumeBatch, 0);
  }

  dispatch(event: SandboxEvent): void {
    if (this.closed) return;
    const target = { type: event.envelope.event, ownerId: event.ownerId, resourceId: event.resourceId };
    let context: PayloadContext | undefined;
    for (const hook of this.options.store.webhooks(event.ownerId)) {
      if (!hookMatchesEvent(hook, target)) continue;
      context ??= this.contextOf(event);
      for (const { url, format } of hook.urls) this.enqueue(this.newJob(event, hook, url, format, context));
    }
  }

  /**
   * Sends a sample deployment to each URL of the hook (even a disabled one), once and at once; answers
   * with each attempt.
   */
  async test(ownerId: string, hookId: string): Promise<WebhookTestResult[] | undefined> {
    const hook = this.options.store.webhook(ownerId, hookId);
    if (!hook) return undefined;
    const appId =
      hook.scope?.find((id) => id.startsWith('app_')) ??
      this.options.store.applications(ownerId)[0]?.id ??
      SAMPLE_APP_ID;
    const envelope = sampleEvent(ownerId, appId, this.now());
    const event: SandboxEvent = { id: randomUUID(), ownerId, resourceId: appId, envelope };
    const context = this.contextOf(event);
    const results = hook.urls.map(async ({ url, format }): Promise<WebhookTestResult> => {
      const { attempt: _attempt, dueAt: _dueAt, ...job } = this.newJob(event, hook, url, format, context);
      const d = await this.sendOnce({ ...job, kind: 'test' });
      return {
        url: d.url,
        format: d.format,
        ok: d.ok,
        durationMs: d.durationMs,
        ...(d.status !== undefined ? { status: d.status } : {}),
        ...(d.networkFailure !== undefined ? { networkFailure: d.networkFailure } : {}),
        ...(d.responseExcerpt !== undefined ? { responseExcerpt: d.responseExcerpt } : {}),
      };
    });
    return Promise.all(results);
  }

  /**
   * Sends the body of a logged attempt again, once and at once, as a new delivery of kind
   * `redelivery`; undefined when the record or its hook is gone.
   */
  redeliver(deliveryId: string): { eventId: string } | undefined {
    const record = this.options.journal.find(deliveryId);
    if (!record || !this.options.store.webhook(record.ownerId, record.hookId)) return undefined;
    void this.sendOnce({
      id: randomUUID(),
      eventId: record.eventId,
      eventType: record.eventType,
      hookId: record.hookId,
      ownerId: record.ownerId,
      url: record.url,
      format: record.format,
      body: record.requestBody,
      kind: 'redelivery',
    });
    return { eventId: record.eventId };
  }

  /** Stops sending; what is pending stays in the journal for the next start. */
  close(): void {
    this.closed = true;
    clearTimeout(this.resumeTimer);
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private contextOf(event: SandboxEvent): PayloadContext {
    const { store } = this.options;
    const app = event.resourceId ? store.application(event.resourceId) : undefined;
    const host = (app?.vhosts as Array<{ fqdn?: string }> | undefined)?.[0]?.fqdn;
    return payloadContext({ ownerName: store.owner(event.ownerId)?.name, app, appHost: host });
  }

  private newJob(
    event: SandboxEvent,
    hook: Webhook,
    url: string,
    format: WebhookFormat,
    context: PayloadContext,
  ): PendingDelivery {
    return {
      id: randomUUID(),
      eventId: event.id,
      eventType: event.envelope.event,
      hookId: hook.id,
      ownerId: hook.ownerId,
      url,
      format,
      body: webhookRequest(format, event.envelope, context).body,
      attempt: 1,
      dueAt: this.now(),
    };
  }

  private enqueue(job: PendingDelivery): void {
    const { journal } = this.options;
    if (journal.pendingCount(job.url) >= MAX_PENDING_PER_URL) {
      this.record(
        job,
        { durationMs: 0 },
        {
          ok: false,
          final: true,
          dropped: true,
          warning: `dropped: ${MAX_PENDING_PER_URL} deliveries to this URL were already pending`,
        },
      );
      return;
    }
    journal.putPending(job);
    this.schedule(job);
  }

  /** A test or a redelivery: past the queue of its URL, one attempt, no effect on the hook. */
  private async sendOnce(job: OneShot): Promise<Delivery> {
    const hook = this.options.store.webhook(job.ownerId, job.hookId);
    const skip = !hook
      ? 'not sent: the webhook no longer exists'
      : !hook.urls.some((u) => u.url === job.url)
        ? 'not sent: the webhook no longer has this URL'
        : undefined;
    const oneShot = { ...job, attempt: 1 };
    if (skip) return this.record(oneShot, { durationMs: 0 }, { ok: false, final: true, warning: skip });
    const sent = await this.options.sender.send(job.url, job.body);
    const ok = sent.status !== undefined && sent.status >= 200 && sent.status < 300;
    return this.record(oneShot, sent, { ok, final: true });
  }

  /** A test or redelivery that an older version had queued: sent once more, as a redelivery. */
  private resumeLegacyOneShot(job: PendingDelivery): void {
    const { attempt: _attempt, dueAt: _dueAt, force: _force, ...rest } = job;
    this.options.journal.removePending(job.id);
    void this.sendOnce({ ...rest, kind: 'redelivery' });
  }

  private schedule(job: PendingDelivery): void {
    if (this.closed) return;
    const wait = job.dueAt - this.now();
    if (wait <= 0) {
      this.limiter.run(job.url, () => this.attempt(job));
      return;
    }
    const timer = setTimeout(() => {
      this.timers.delete(job.id);
      this.limiter.run(job.url, () => this.attempt(job));
    }, wait);
    this.timers.set(job.id, timer);
  }

  private async attempt(job: PendingDelivery): Promise<void> {
    if (this.closed) return;
    const { store, journal, sender } = this.options;
    const hook = store.webhook(job.ownerId, job.hookId);
    const skip = !hook
      ? 'not sent: the webhook no longer exists'
      : !hook.urls.some((u) => u.url === job.url)
        ? 'not sent: the webhook no longer has this URL'
        : hook.state === 'DISABLED'
          ? 'not sent: the webhook is disabled'
          : undefined;
    if (skip) {
      journal.removePending(job.id);
      this.record(job, { durationMs: 0 }, { ok: false, final: true, warning: skip });
      return;
    }

    const sent = await sender.send(job.url, job.body);
    if (this.closed) return;
    const verdict = judgeAttempt(sent, job.attempt, job.format, this.policy, this.random());

    if (verdict.kind === 'delivered') {
      journal.removePending(job.id);
      journal.setFailedInRow(job.hookId, 0);
      this.record(job, sent, { ok: true, final: true });
      return;
    }

    // Not awaited: the hook's journal is flushed in its own time, the retry schedule does not wait for it.
    void store
      .appendWebhookFailure(job.ownerId, job.hookId, {
        url: job.url,
        ...(sent.status !== undefined ? { status: sent.status } : {}),
        ...(sent.networkFailure !== undefined ? { networkFailure: sent.networkFailure } : {}),
        ...(sent.responseExcerpt !== undefined ? { partialBody: sent.responseExcerpt } : {}),
        createdAt: new Date(this.now()).toISOString(),
      })
      .catch((error) => this.report(error));

    if (verdict.kind === 'retry') {
      const next = { ...job, attempt: job.attempt + 1, dueAt: this.now() + verdict.delayMs };
      journal.retryPending(job.id, next.attempt, next.dueAt);
      this.record(job, sent, { ok: false, final: false, nextAttemptAt: next.dueAt });
      this.schedule(next);
      return;
    }

    journal.removePending(job.id);
    this.record(job, sent, { ok: false, final: true });
    if (verdict.kind === 'gone') {
      this.disable(job, `the receiver answered ${sent.status}: the hook is gone`);
      return;
    }
    const inRow = journal.failedInRow(job.hookId) + 1;
    if (inRow >= this.policy.disableAfterFailedDeliveries) {
      this.disable(job, `${inRow} deliveries in a row failed`);
    } else {
      journal.setFailedInRow(job.hookId, inRow);
    }
  }

  private disable(job: PendingDelivery, reason: string): void {
    this.options.journal.setFailedInRow(job.hookId, 0);
    this.options.log?.(`webhook ${job.hookId} disabled: ${reason}`);
    void this.options.store
      .setWebhookState(job.ownerId, job.hookId, 'DISABLED')
      .catch((error) => this.report(error));
  }

  private record(
    job: Omit<PendingDelivery, 'dueAt'> & { kind?: DeliveryKind },
    sent: Partial<SentAttempt> & { durationMs: number },
    result: { ok: boolean; final: boolean; nextAttemptAt?: number; warning?: string; dropped?: boolean },
  ): Delivery {
    const warning = result.warning ?? DEAD_FORMAT_WARNINGS[job.format];
    const kind = job.kind ?? 'event';
    return this.options.journal.record({
      id: randomUUID(),
      eventId: job.eventId,
      eventType: job.eventType,
      hookId: job.hookId,
      ownerId: job.ownerId,
      url: job.url,
      format: job.format,
      kind,
      ...(kind === 'test' ? { test: true } : {}),
      ...(result.dropped ? { dropped: true } : {}),
      attempt: job.attempt,
      requestBody: job.body,
      requestHeaders: { ...WEBHOOK_REQUEST_HEADERS },
      ...(sent.responseHeaders !== undefined ? { responseHeaders: sent.responseHeaders } : {}),
      ...(sent.status !== undefined ? { status: sent.status } : {}),
      ...(sent.networkFailure !== undefined ? { networkFailure: sent.networkFailure } : {}),
      durationMs: sent.durationMs,
      ...(sent.responseExcerpt !== undefined ? { responseExcerpt: sent.responseExcerpt } : {}),
      ...(result.nextAttemptAt !== undefined ? { nextAttemptAt: result.nextAttemptAt } : {}),
      final: result.final,
      ok: result.ok,
      ...(warning ? { warning } : {}),
      at: this.now(),
    });
  }

  private report(error: unknown): void {
    const message = `delivery bookkeeping failed: ${error instanceof Error ? error.message : String(error)}`;
    // A full disk fails every attempt the same way: say it once, not once per attempt.
    if (message === this.lastReport) return;
    this.lastReport = message;
    this.options.log?.(message);
  }
}

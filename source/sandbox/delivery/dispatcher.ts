// Sends every event of the bus to each enabled webhook that matches it, one POST per URL in the URL's
// format, retrying on the schedule of retry-policy.ts and writing every attempt to the delivery log.
// A delivery is journaled before its first attempt and removed after its last, so a restart picks up
// what was pending (an attempt cut short by the restart is made again: at least once, not exactly once).
import { randomUUID } from 'node:crypto';
import { DEAD_FORMAT_WARNINGS, type Delivery, type WebhookTestResult } from '../../domain/deliveries.js';
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
  private readonly firstAttemptWaiters = new Map<string, (delivery: Delivery) => void>();
  private readonly policy: RetryPolicy;
  private readonly now: () => number;
  private readonly random: () => number;
  private closed = false;

  constructor(private readonly options: DispatcherOptions) {
    this.policy = options.policy ?? DEFAULT_RETRY_POLICY;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
  }

  /** Schedules what the journal still holds from a previous run. */
  start(): void {
    const pending = this.options.journal.pending();
    if (pending.length > 0) this.options.log?.(`resuming ${pending.length} pending webhook deliveries`);
    for (const job of pending) this.schedule(job);
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

  /** Sends a sample deployment to each URL of the hook (even a disabled one); answers after each first attempt. */
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
    const results = hook.urls.map(({ url, format }) => {
      const job = { ...this.newJob(event, hook, url, format, context), force: true };
      const first = new Promise<Delivery>((resolve) => this.firstAttemptWaiters.set(job.id, resolve));
      this.enqueue(job);
      return first.then(
        (d): WebhookTestResult => ({
          url: d.url,
          format: d.format,
          ok: d.ok,
          durationMs: d.durationMs,
          ...(d.status !== undefined ? { status: d.status } : {}),
          ...(d.networkFailure !== undefined ? { networkFailure: d.networkFailure } : {}),
          ...(d.responseExcerpt !== undefined ? { responseExcerpt: d.responseExcerpt } : {}),
        }),
      );
    });
    return Promise.all(results);
  }

  /** Sends the body of a logged attempt again, as a new delivery; undefined when the record or its hook is gone. */
  redeliver(deliveryId: string): { eventId: string } | undefined {
    const record = this.options.journal.find(deliveryId);
    if (!record || !this.options.store.webhook(record.ownerId, record.hookId)) return undefined;
    this.enqueue({
      id: randomUUID(),
      eventId: record.eventId,
      eventType: record.eventType,
      hookId: record.hookId,
      ownerId: record.ownerId,
      url: record.url,
      format: record.format,
      body: record.requestBody,
      attempt: 1,
      dueAt: this.now(),
      force: true,
    });
    return { eventId: record.eventId };
  }

  /** Stops sending; what is pending stays in the journal for the next start. */
  close(): void {
    this.closed = true;
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
    this.options.journal.putPending(job);
    this.schedule(job);
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
        : hook.state === 'DISABLED' && !job.force
          ? 'not sent: the webhook is disabled'
          : undefined;
    if (skip) {
      journal.removePending(job.id);
      this.settle(job, this.record(job, { durationMs: 0 }, { ok: false, final: true, warning: skip }));
      return;
    }

    const sent = await sender.send(job.url, job.body);
    if (this.closed) return;
    const verdict = judgeAttempt(sent, job.attempt, job.format, this.policy, this.random());

    if (verdict.kind === 'delivered') {
      journal.removePending(job.id);
      if (!job.force) journal.setFailedInRow(job.hookId, 0);
      this.settle(job, this.record(job, sent, { ok: true, final: true }));
      return;
    }

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
      journal.putPending(next);
      this.settle(job, this.record(job, sent, { ok: false, final: false, nextAttemptAt: next.dueAt }));
      this.schedule(next);
      return;
    }

    journal.removePending(job.id);
    this.settle(job, this.record(job, sent, { ok: false, final: true }));
    // Tests and redeliveries are the user's own checks: they never change a hook's state.
    if (job.force) return;
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
    job: PendingDelivery,
    sent: Partial<SentAttempt> & { durationMs: number },
    result: { ok: boolean; final: boolean; nextAttemptAt?: number; warning?: string },
  ): Delivery {
    const warning = result.warning ?? DEAD_FORMAT_WARNINGS[job.format];
    return this.options.journal.record({
      id: randomUUID(),
      eventId: job.eventId,
      eventType: job.eventType,
      hookId: job.hookId,
      ownerId: job.ownerId,
      url: job.url,
      format: job.format,
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

  private settle(job: PendingDelivery, delivery: Delivery): void {
    const waiter = this.firstAttemptWaiters.get(job.id);
    if (!waiter) return;
    this.firstAttemptWaiters.delete(job.id);
    waiter(delivery);
  }

  private report(error: unknown): void {
    this.options.log?.(
      `delivery bookkeeping failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

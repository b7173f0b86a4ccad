// The sandbox's delivery log and extension API (/sandbox/v1, see docs/contract.md, "The sandbox
// extension API", and docs/sandbox.md): one record per attempt to POST an event to one URL of a
// webhook. The real Clever Cloud API keeps no such log; only
// the sandbox serves it.
import * as z from 'zod/mini';
import { WebhookFormat } from './schemas.js';

/**
 * Why a delivery was sent: an event that matched the hook, a test (`…/webhooks/OWNER/HOOK/test`), or a
 * redelivery (`…/deliveries/ID/redeliver`). Tests and redeliveries are sent once, at once, never
 * retried, and change nothing in the hook (docs/sandbox.md, "Tests and redeliveries").
 */
export const DeliveryKind = z.enum(['event', 'test', 'redelivery']);
export type DeliveryKind = z.infer<typeof DeliveryKind>;

/** The kind of a record; records written before kinds existed are events. */
export function deliveryKind(delivery: Pick<Delivery, 'kind'>): DeliveryKind {
  return delivery.kind ?? 'event';
}

export const Delivery = z.object({
  id: z.string(),
  /** Opaque and increasing: list and stream resume after it. */
  cursor: z.string(),
  eventId: z.string(),
  eventType: z.string(),
  hookId: z.string(),
  ownerId: z.string(),
  url: z.string(),
  format: WebhookFormat,
  /** Absent in records written before kinds existed: read it with `deliveryKind`. */
  kind: z.optional(DeliveryKind),
  /** Set (true) on the record of a test, so that a reader of the raw log cannot mistake it for an event. */
  test: z.optional(z.boolean()),
  /**
   * Set (true) when the delivery was not made because too many to this URL were already pending (the
   * bound of docs/sandbox.md, "Limits"); `warning` says so too.
   */
  dropped: z.optional(z.boolean()),
  /** 1 for the first try of this event to this URL. */
  attempt: z.number(),
  /** The exact body sent, as text. */
  requestBody: z.string(),
  /** The headers sent (absent from records older than this field). */
  requestHeaders: z.optional(z.record(z.string(), z.string())),
  /** The answer's headers, bounded by `boundedHeaders`; absent on a network error. */
  responseHeaders: z.optional(z.record(z.string(), z.string())),
  status: z.optional(z.number()),
  networkFailure: z.optional(z.string()),
  durationMs: z.number(),
  /** The first KiB of the response. */
  responseExcerpt: z.optional(z.string()),
  /** When the next attempt is due (epoch ms); absent when this attempt is final. */
  nextAttemptAt: z.optional(z.number()),
  final: z.boolean(),
  ok: z.boolean(),
  /** Something the user should know, e.g. that the format's service is gone. */
  warning: z.optional(z.string()),
  /** Epoch ms of the attempt. */
  at: z.number(),
});
export type Delivery = z.infer<typeof Delivery>;

export const DeliveryPage = z.object({ items: z.array(Delivery), next: z.string() });
export type DeliveryPage = z.infer<typeof DeliveryPage>;

export const TriggeredDeployment = z.object({ uuid: z.string(), appId: z.string(), ownerId: z.string() });
export type TriggeredDeployment = z.infer<typeof TriggeredDeployment>;

export const TriggeredEvent = z.object({ eventId: z.string() });
export type TriggeredEvent = z.infer<typeof TriggeredEvent>;

export const TriggerDeploymentInput = z.object({
  appId: z.string(),
  fail: z.optional(z.boolean()),
  durationMs: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(3_600_000))),
});
export type TriggerDeploymentInput = z.infer<typeof TriggerDeploymentInput>;

export const TriggerEventInput = z.object({
  event: z.string(),
  appId: z.optional(z.string()),
  ownerId: z.optional(z.string()),
  data: z.optional(z.record(z.string(), z.unknown())),
});
export type TriggerEventInput = z.infer<typeof TriggerEventInput>;

/** Why a format is flagged: both services are gone, a POST still goes out so that the record is real. */
export const DEAD_FORMAT_WARNINGS: Record<string, string> = {
  gitter: 'Gitter moved to Matrix in 2023: its webhooks no longer exist',
  flowdock: 'Flowdock shut down in 2022: its webhooks no longer exist',
};

/**
 * The first attempt of a test event to one URL of a webhook: the sandbox's test endpoint answers a
 * list of these, and a test sent straight from this machine (real API) reports the same.
 */
export const WebhookTestResult = z.object({
  url: z.string(),
  format: z.string(),
  ok: z.boolean(),
  status: z.optional(z.number()),
  networkFailure: z.optional(z.string()),
  durationMs: z.number(),
  responseExcerpt: z.optional(z.string()),
});
export type WebhookTestResult = z.infer<typeof WebhookTestResult>;

export const WebhookTestResults = z.array(WebhookTestResult);

/** The delivery log keeps at most this many headers of an answer, each value cut to this length. */
export const MAX_LOGGED_HEADERS = 32;
export const MAX_LOGGED_HEADER_LENGTH = 256;

/**
 * Response headers as the delivery log keeps them: lower-case names, repeated values joined with ", ",
 * at most MAX_LOGGED_HEADERS of them, each value cut to MAX_LOGGED_HEADER_LENGTH characters (a
 * receiver cannot grow the log without bound).
 */
export function boundedHeaders(
  headers: Readonly<Record<string, string | string[] | undefined>>,
): Record<string, string> {
  const kept: Record<string, string> = {};
  let count = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    if (count++ >= MAX_LOGGED_HEADERS) break;
    const text = Array.isArray(value) ? value.join(', ') : value;
    kept[name.toLowerCase()] =
      text.length > MAX_LOGGED_HEADER_LENGTH ? `${text.slice(0, MAX_LOGGED_HEADER_LENGTH - 1)}…` : text;
  }
  return kept;
}

/** A short, stable name for what went wrong on the way to a receiver: ECONNREFUSED, timeout after 10000 ms… */
export function describeNetworkFailure(error: unknown, timeoutMs: number): string {
  const err = error as { name?: unknown; code?: unknown; cause?: { code?: unknown; message?: unknown } };
  if (err.name === 'TimeoutError' || err.code === 'UND_ERR_CONNECT_TIMEOUT')
    return `timeout after ${timeoutMs} ms`;
  if (typeof err.cause?.code === 'string') return err.cause.code;
  if (typeof err.code === 'string') return err.code;
  return error instanceof Error ? error.message : String(error);
}
/** `GET /sandbox/v1/info`: only a sandbox answers it, which is how a client tells one from Clever Cloud. */
export const SandboxInfo = z.object({ sandbox: z.literal(true), version: z.string() });
export type SandboxInfo = z.infer<typeof SandboxInfo>;

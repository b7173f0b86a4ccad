// When a failed delivery is tried again, and what ends it. Pure: the dispatcher asks, this answers.
//
// The schedule (documented in the README): up to 8 attempts per event and URL. After attempt n fails
// with a network error, a timeout, a 429 or a 5xx, the next one waits base × 3^(n−1), ±20 % jitter,
// capped at one hour; with the default base of 2 s that is about 2 s, 6 s, 18 s, 54 s, 2.7 min, 8 min
// and 24 min: the last attempt comes some 36 minutes after the first. A 429 or 503 with Retry-After
// waits what the receiver asked (still capped at one hour). Any other 4xx is final at once. A 410
// (and Slack's 404 `no_service` / `no_active_hooks`) means the hook is gone: it is disabled. Five
// deliveries in a row that end in failure (retries spent, or a final 4xx) disable the hook too.

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** Fraction of the delay drawn at random either side, so that retries of a burst spread out. */
  jitter: number;
  /** Deliveries in a row ending in failure after which a hook is disabled. */
  disableAfterFailedDeliveries: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 8,
  baseDelayMs: 2000,
  factor: 3,
  maxDelayMs: 3_600_000,
  jitter: 0.2,
  disableAfterFailedDeliveries: 5,
};

/** What one attempt came to, as the dispatcher sees it. */
export interface AttemptOutcome {
  status?: number;
  networkFailure?: string;
  /** The response's Retry-After, already in milliseconds. */
  retryAfterMs?: number;
  responseExcerpt?: string;
  /** The request could not be made at all (e.g. an invalid URL): trying again cannot help. */
  permanent?: boolean;
}

export type Verdict =
  | { kind: 'delivered' }
  | { kind: 'retry'; delayMs: number }
  /** Retrying would not help (a 4xx) or the attempts are spent. */
  | { kind: 'failed' }
  /** The receiver says the hook no longer exists. */
  | { kind: 'gone' };

/** The wait before attempt `failedAttempt + 1`, without Retry-After. `random` is in [0, 1). */
export function retryDelayMs(failedAttempt: number, policy: RetryPolicy, random: number): number {
  const raw = policy.baseDelayMs * policy.factor ** (failedAttempt - 1);
  const spread = 1 + policy.jitter * (2 * random - 1);
  return Math.round(Math.min(policy.maxDelayMs, raw * spread));
}

/** Retry-After as seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function slackSaysGone(status: number, excerpt: string | undefined): boolean {
  return status === 404 && /^(no_service|no_active_hooks)\b/.test(excerpt?.trim() ?? '');
}

function isRetryable(outcome: AttemptOutcome): boolean {
  if (outcome.permanent) return false;
  if (outcome.status === undefined) return true;
  return outcome.status === 429 || outcome.status >= 500;
}

export function judgeAttempt(
  outcome: AttemptOutcome,
  attempt: number,
  format: string,
  policy: RetryPolicy,
  random: number,
): Verdict {
  const { status } = outcome;
  if (status !== undefined && status >= 200 && status < 300) return { kind: 'delivered' };
  if (status === 410) return { kind: 'gone' };
  if (status !== undefined && format === 'slack' && slackSaysGone(status, outcome.responseExcerpt)) {
    return { kind: 'gone' };
  }
  if (!isRetryable(outcome) || attempt >= policy.maxAttempts) return { kind: 'failed' };
  const delayMs =
    outcome.retryAfterMs !== undefined && (status === 429 || status === 503)
      ? Math.min(policy.maxDelayMs, outcome.retryAfterMs)
      : retryDelayMs(attempt, policy, random);
  return { kind: 'retry', delayMs };
}

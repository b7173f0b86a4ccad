import { describe, expect, it } from 'vitest';
import {
  judgeAttempt,
  parseRetryAfter,
  DEFAULT_RETRY_POLICY as policy,
  retryDelayMs,
} from '../../source/sandbox/delivery/retry-policy.js';

describe('the retry schedule', () => {
  it('grows by three from the base, ±20 % jitter, capped at an hour', () => {
    const middle = [1, 2, 3, 4, 5, 6, 7].map((n) => retryDelayMs(n, policy, 0.5));
    expect(middle).toEqual([2000, 6000, 18_000, 54_000, 162_000, 486_000, 1_458_000]);
    expect(retryDelayMs(1, policy, 0)).toBe(1600);
    expect(retryDelayMs(1, policy, 0.999_999)).toBe(2400);
    expect(retryDelayMs(12, policy, 0.5)).toBe(3_600_000);
    const total = middle.reduce((a, b) => a + b, 0);
    expect(total / 60_000).toBeCloseTo(36.4, 1);
  });

  it('retries network errors, 429 and 5xx until the eighth attempt', () => {
    for (const outcome of [
      { networkFailure: 'ECONNREFUSED' },
      { status: 429 },
      { status: 500 },
      { status: 503 },
    ]) {
      expect(judgeAttempt(outcome, 1, 'raw', policy, 0.5)).toEqual({ kind: 'retry', delayMs: 2000 });
      expect(judgeAttempt(outcome, 8, 'raw', policy, 0.5)).toEqual({ kind: 'failed' });
    }
  });

  it('waits what Retry-After asks on 429 and 503, capped', () => {
    expect(judgeAttempt({ status: 429, retryAfterMs: 30_000 }, 1, 'slack', policy, 0.5)).toEqual({
      kind: 'retry',
      delayMs: 30_000,
    });
    expect(judgeAttempt({ status: 503, retryAfterMs: 10 * 3_600_000 }, 1, 'raw', policy, 0.5)).toEqual({
      kind: 'retry',
      delayMs: 3_600_000,
    });
    expect(judgeAttempt({ status: 500, retryAfterMs: 30_000 }, 1, 'raw', policy, 0.5)).toEqual({
      kind: 'retry',
      delayMs: 2000,
    });
  });

  it('ends at once on other 4xx, redirects and invalid URLs; 2xx is delivered', () => {
    for (const status of [400, 401, 403, 404, 301, 302]) {
      expect(judgeAttempt({ status }, 1, 'raw', policy, 0.5)).toEqual({ kind: 'failed' });
    }
    expect(
      judgeAttempt({ networkFailure: 'ERR_INVALID_URL', permanent: true }, 1, 'raw', policy, 0.5).kind,
    ).toBe('failed');
    expect(judgeAttempt({ status: 204 }, 3, 'raw', policy, 0.5)).toEqual({ kind: 'delivered' });
  });

  it('reads 410, and Slack 404 no_service or no_active_hooks, as gone', () => {
    expect(judgeAttempt({ status: 410 }, 1, 'raw', policy, 0.5)).toEqual({ kind: 'gone' });
    expect(judgeAttempt({ status: 404, responseExcerpt: 'no_service' }, 1, 'slack', policy, 0.5).kind).toBe(
      'gone',
    );
    expect(
      judgeAttempt({ status: 404, responseExcerpt: 'no_active_hooks' }, 1, 'slack', policy, 0.5).kind,
    ).toBe('gone');
    expect(judgeAttempt({ status: 404, responseExcerpt: 'no_service' }, 1, 'raw', policy, 0.5).kind).toBe(
      'failed',
    );
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

// The one rule of what is a problem (the Problems view and the owners' counts), and its order.
import { describe, expect, it } from 'vitest';
import {
  byRecency,
  deploymentProblem,
  nextLastDeployment,
  PROBLEM_WINDOW_MS,
  problemCounts,
  webhookProblem,
} from '../../source/domain/problems.js';
import type { Webhook } from '../../source/domain/schemas.js';

const now = Date.parse('2026-11-30T12:00:00Z');
const hour = 60 * 60 * 1000;

function hook(fields: Partial<Webhook>): Webhook {
  return {
    id: 'wh_1',
    ownerId: 'orga_1',
    name: 'ci',
    urls: [{ format: 'raw', url: 'https://example.org/h' }],
    createdAt: now - 100 * hour,
    failures: [],
    state: 'ENABLED',
    ...fields,
  };
}

describe('webhookProblem', () => {
  it('is a DISABLED hook, dated by its latest failure, saying its cause', () => {
    const problem = webhookProblem(
      hook({
        state: 'DISABLED',
        failures: [
          { url: 'https://example.org/h', status: 500, createdAt: now - 50 * hour },
          { url: 'https://example.org/h', status: 410, createdAt: now - 49 * hour },
        ],
      }),
      now,
    );
    expect(problem).toMatchObject({ kind: 'hook', at: now - 49 * hour, what: 'disabled after HTTP 410' });
  });

  it('is an enabled hook whose delivery failed in the last 24 h, not one that failed before', () => {
    const failed = (at: number) =>
      webhookProblem(hook({ failures: [{ url: 'u', networkFailure: 'ECONNREFUSED', createdAt: at }] }), now);
    expect(failed(now - hour)?.what).toBe('delivery failed: ECONNREFUSED');
    expect(failed(now - PROBLEM_WINDOW_MS - 1)).toBeUndefined();
    expect(webhookProblem(hook({}), now)).toBeUndefined();
  });

  it('dates a DISABLED hook with no failure by its creation', () => {
    expect(webhookProblem(hook({ state: 'DISABLED' }), now)).toMatchObject({
      at: now - 100 * hour,
      what: 'disabled',
    });
  });
});

describe('deploymentProblem', () => {
  it('is an app whose last deployment failed', () => {
    const app = { id: 'app_1', name: 'shop' };
    expect(deploymentProblem('o', app, { uuid: 'd', state: 'FAIL', at: 5 })).toMatchObject({
      kind: 'app',
      at: 5,
    });
    expect(deploymentProblem('o', app, { uuid: 'd', state: 'WIP', at: 5 })).toBeUndefined();
    expect(deploymentProblem('o', app, null)).toBeUndefined();
  });
});

describe('nextLastDeployment', () => {
  it('keeps a result against a late BEGIN of the same deployment, and takes a newer deployment', () => {
    const failed = { uuid: 'a', state: 'FAIL', at: 10 };
    expect(nextLastDeployment(failed, { uuid: 'a', state: 'WIP', at: 5 })).toBe(failed);
    expect(nextLastDeployment(failed, { uuid: 'b', state: 'WIP', at: 20 })).toEqual({
      uuid: 'b',
      state: 'WIP',
      at: 20,
    });
    expect(nextLastDeployment(failed, { uuid: 'c', state: 'OK', at: 1 })).toBe(failed);
    expect(nextLastDeployment(undefined, failed)).toBe(failed);
  });
});

describe('byRecency and problemCounts', () => {
  it('sorts newest first and counts per owner', () => {
    const a = webhookProblem(hook({ id: 'a', state: 'DISABLED', createdAt: now - 3 * hour }), now)!;
    const b = webhookProblem(
      hook({ id: 'b', ownerId: 'user_1', state: 'DISABLED', createdAt: now - hour }),
      now,
    )!;
    const c = deploymentProblem(
      'orga_1',
      { id: 'app', name: 'x' },
      { uuid: 'd', state: 'FAIL', at: now - 2 * hour },
    )!;
    expect([a, b, c].sort(byRecency).map((p) => p.key)).toEqual(['hook:b', 'app:app', 'hook:a']);
    expect(Object.fromEntries(problemCounts([a, b, c]))).toEqual({ orga_1: 2, user_1: 1 });
  });
});

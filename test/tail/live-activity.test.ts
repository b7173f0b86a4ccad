import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../source/domain/deliveries.js';
import {
  type ActivityAction,
  appsInProgress,
  emptyActivity,
  latestAttempt,
  reduceActivity,
} from '../../source/domain/live-activity.js';
import { compileLiveFilter, filterActivity } from '../../source/domain/live-filter.js';
import { urlHost } from '../../source/domain/live-format.js';
import type { EventEnvelope } from '../../source/domain/schemas.js';

const owner = 'orga_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';
const app = 'app_2c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';
const uuid = 'deployment_5f0c2a4e-1b7d-4c8e-9f3a-6d2b1e0c9a8b';
const t0 = 1_735_689_600_000;

function deploymentEvent(event: string, date: number, state?: string, extra: Record<string, unknown> = {}) {
  const data = {
    id: app,
    ownerId: owner,
    uuid,
    state,
    action: 'DEPLOY',
    commit: 'abc1234def',
    cause: 'Git',
    ...extra,
  };
  return { type: 'event', envelope: { event, date, data: JSON.stringify(data) } } as const;
}

function polled(state: 'WIP' | 'OK' | 'FAIL', date = t0, id = uuid): ActivityAction {
  return {
    type: 'deployments',
    ownerId: owner,
    appId: app,
    since: t0 - 1000,
    deployments: [{ uuid: id, date, state, action: 'DEPLOY', commit: 'abc1234def', cause: 'Git' }],
  };
}

function delivery(overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: 'd1',
    cursor: '1',
    requestBody: '{}',
    eventId: 'ev1',
    eventType: 'DEPLOYMENT_SUCCESS',
    hookId: 'hook1',
    ownerId: owner,
    url: 'http://127.0.0.1:9/hook',
    format: 'slack',
    attempt: 1,
    durationMs: 12,
    final: false,
    ok: false,
    at: t0 + 2_000,
    ...overrides,
  };
}

describe('the live activity reducer', () => {
  it('turns the WIP row of a deployment into its result in place', () => {
    let state = reduceActivity(emptyActivity(), [deploymentEvent('DEPLOYMENT_ACTION_BEGIN', t0, 'WIP')]);
    expect(state.rows).toHaveLength(1);
    expect(state.rows[0]!.deployment?.state).toBe('WIP');
    expect(appsInProgress(state)).toEqual([{ ownerId: owner, appId: app }]);
    state = reduceActivity(state, [deploymentEvent('DEPLOYMENT_ACTION_END', t0 + 1000, 'OK')]);
    expect(state.rows).toHaveLength(1);
    // Named for what it is: the result, not the END that carried it.
    expect(state.rows[0]).toMatchObject({ event: 'DEPLOYMENT_SUCCESS', deployment: { state: 'OK' } });
    expect(appsInProgress(state)).toEqual([]);
  });

  it('recovers a missed END from a poll, and a stale poll or late BEGIN never brings WIP back', () => {
    let state = reduceActivity(emptyActivity(), [deploymentEvent('DEPLOYMENT_ACTION_BEGIN', t0, 'WIP')]);
    state = reduceActivity(state, [polled('WIP')]);
    expect(state.rows[0]!.deployment?.state).toBe('WIP');
    state = reduceActivity(state, [polled('FAIL')]);
    expect(state.rows).toHaveLength(1);
    expect(state.rows[0]).toMatchObject({
      event: 'DEPLOYMENT_FAIL',
      source: 'poll',
      deployment: { state: 'FAIL' },
    });
    state = reduceActivity(state, [polled('WIP'), deploymentEvent('DEPLOYMENT_ACTION_BEGIN', t0, 'WIP')]);
    // A late BEGIN neither brings WIP back nor renames the row.
    expect(state.rows[0]).toMatchObject({ event: 'DEPLOYMENT_FAIL', deployment: { state: 'FAIL' } });
  });

  it('adds a deployment the socket missed entirely, but not the history before the start', () => {
    const state = reduceActivity(emptyActivity(), [
      polled('OK', t0 + 500, 'deployment_new'),
      polled('OK', t0 - 60_000, 'deployment_old'),
    ]);
    expect(state.rows.map((r) => r.key)).toEqual(['deployment:deployment_new']);
  });

  it('leaves the state untouched (same object) when a poll brings nothing new', () => {
    const state = reduceActivity(emptyActivity(), [deploymentEvent('DEPLOYMENT_ACTION_END', t0, 'OK')]);
    const again = reduceActivity(state, [polled('OK')]);
    expect(again.rows[0]).toBe(state.rows[0]);
  });

  it('merges the result events of one deployment into one row, newest rows first', () => {
    const other = {
      type: 'event',
      envelope: { event: 'CREDITS_ADDED', date: t0 + 5000, data: { ownerId: owner } },
    } as const;
    const state = reduceActivity(emptyActivity(), [
      deploymentEvent('DEPLOYMENT_ACTION_BEGIN', t0, 'WIP'),
      deploymentEvent('DEPLOYMENT_ACTION_END', t0 + 1000, 'OK'),
      deploymentEvent('DEPLOYMENT_SUCCESS', t0 + 1001, 'OK'),
      other,
    ]);
    expect(state.rows.map((r) => r.event)).toEqual(['CREDITS_ADDED', 'DEPLOYMENT_SUCCESS']);
  });

  it('groups every attempt of a delivery under its event, without doubles', () => {
    let state = reduceActivity(emptyActivity(), [deploymentEvent('DEPLOYMENT_SUCCESS', t0 + 1500, 'OK')]);
    const first = delivery({ status: 503, nextAttemptAt: t0 + 5000 });
    const second = delivery({ id: 'd2', cursor: '2', attempt: 2, status: 200, ok: true, final: true });
    state = reduceActivity(state, [{ type: 'delivery', delivery: first }]);
    state = reduceActivity(state, [
      { type: 'delivery', delivery: first },
      { type: 'delivery', delivery: second },
    ]);
    expect(state.rows).toHaveLength(1);
    const [line] = state.rows[0]!.deliveries;
    expect(state.rows[0]!.deliveries).toHaveLength(1);
    expect(line!.attempts.map((a) => a.attempt)).toEqual([1, 2]);
  });

  it('links a raw delivery to its event by its body, even before the socket frame arrives', () => {
    const envelope: EventEnvelope = {
      event: 'DEPLOYMENT_SUCCESS',
      date: t0,
      data: JSON.stringify({ id: app, ownerId: owner, uuid, state: 'OK' }),
    };
    let state = reduceActivity(emptyActivity(), [
      {
        type: 'delivery',
        delivery: delivery({ format: 'raw', requestBody: JSON.stringify(envelope), at: t0 + 60_000 }),
      },
    ]);
    state = reduceActivity(state, [{ type: 'event', envelope }]);
    expect(state.rows).toHaveLength(1);
    expect(state.rows[0]!.deliveries).toHaveLength(1);
  });

  it('gives a delivery of an unseen event a row of its own, adopted when the event arrives', () => {
    let state = reduceActivity(emptyActivity(), [
      { type: 'delivery', delivery: delivery({ eventType: 'CREDITS_ADDED', at: t0 }) },
    ]);
    expect(state.rows[0]!.source).toBe('delivery');
    state = reduceActivity(state, [
      { type: 'event', envelope: { event: 'CREDITS_ADDED', date: t0 + 20, data: { ownerId: owner } } },
      {
        type: 'delivery',
        delivery: delivery({ id: 'd2', cursor: '2', eventType: 'CREDITS_ADDED', at: t0, attempt: 2 }),
      },
    ]);
    expect(state.rows).toHaveLength(1);
    expect(state.rows[0]!.source).toBe('socket');
    expect(state.rows[0]!.deliveries[0]!.attempts).toHaveLength(2);
  });

  it('links a non-raw delivery to the deployment row that saw its event, in either order', () => {
    const begin = delivery({
      id: 'b',
      cursor: '1',
      eventId: 'ev-begin',
      eventType: 'DEPLOYMENT_ACTION_BEGIN',
      at: t0,
    });
    const success = delivery({
      id: 's',
      cursor: '2',
      eventId: 'ev-success',
      eventType: 'DEPLOYMENT_SUCCESS',
      at: t0 + 9_000,
    });
    let state = reduceActivity(emptyActivity(), [
      deploymentEvent('DEPLOYMENT_ACTION_BEGIN', t0, 'WIP'),
      { type: 'delivery', delivery: begin },
      { type: 'delivery', delivery: success },
    ]);
    expect(state.rows).toHaveLength(2);
    state = reduceActivity(state, [
      deploymentEvent('DEPLOYMENT_ACTION_END', t0 + 9_000, 'OK'),
      deploymentEvent('DEPLOYMENT_SUCCESS', t0 + 9_001, 'OK'),
    ]);
    expect(state.rows).toHaveLength(1);
    expect(state.rows[0]!.deliveries.map((l) => l.eventType)).toEqual([
      'DEPLOYMENT_ACTION_BEGIN',
      'DEPLOYMENT_SUCCESS',
    ]);
    const later = delivery({
      id: 's2',
      cursor: '3',
      eventId: 'ev-success',
      eventType: 'DEPLOYMENT_SUCCESS',
      at: t0 + 9_010,
      url: 'http://other/',
    });
    state = reduceActivity(state, [{ type: 'delivery', delivery: later }]);
    expect(state.rows).toHaveLength(1);
    expect(state.rows[0]!.deliveries).toHaveLength(3);
  });

  it('moves the deliveries of a guessed row to the row a raw body names', () => {
    const envelope: EventEnvelope = {
      event: 'DEPLOYMENT_FAIL',
      date: t0,
      data: JSON.stringify({ id: app, ownerId: owner, uuid, state: 'FAIL' }),
    };
    const slack = delivery({ eventType: 'DEPLOYMENT_FAIL', at: t0 });
    const raw = delivery({
      id: 'd2',
      cursor: '2',
      eventType: 'DEPLOYMENT_FAIL',
      format: 'raw',
      url: 'http://raw/',
      requestBody: JSON.stringify(envelope),
      at: t0,
    });
    const state = reduceActivity(emptyActivity(), [
      { type: 'delivery', delivery: slack },
      { type: 'delivery', delivery: raw },
    ]);
    expect(state.rows.map((r) => r.key)).toEqual([`deployment:${uuid}`]);
    expect(state.rows[0]!.deliveries).toHaveLength(2);
    expect(state.rows[0]!.deployment?.state).toBe('FAIL');
  });

  it('keeps two identical frames of the same millisecond as two events', () => {
    const frame = {
      type: 'event',
      envelope: { event: 'CREDITS_ADDED', date: t0, data: { ownerId: owner } },
    } as const;
    expect(reduceActivity(emptyActivity(), [frame, frame]).rows).toHaveLength(2);
  });

  it('keeps a bounded buffer and counts what it dropped', () => {
    const actions: ActivityAction[] = Array.from({ length: 25 }, (_, i) => ({
      type: 'event',
      envelope: { event: 'CREDITS_ADDED', date: t0 + i, data: { ownerId: owner } },
    }));
    const state = reduceActivity(emptyActivity(10), actions);
    expect(state.rows).toHaveLength(10);
    expect(state.dropped).toBe(15);
    expect(state.rows[0]!.date).toBe(t0 + 24);
  });
});

describe('the live filter', () => {
  it('expands META groups and filters by owner and app', () => {
    const filter = compileLiveFilter({ events: ['META_DEPLOYMENT_RESULT'], ownerIds: [owner], appId: app });
    expect(filter.matches({ type: 'DEPLOYMENT_SUCCESS', ownerId: owner, appId: app })).toBe(true);
    expect(filter.matches({ type: 'GIT_PUSH', ownerId: owner, appId: app })).toBe(false);
    expect(filter.matches({ type: 'DEPLOYMENT_FAIL', ownerId: 'orga_other', appId: app })).toBe(false);
    expect(filter.matches({ type: 'DEPLOYMENT_FAIL', ownerId: owner })).toBe(false);
    expect(filter.matchesIgnoringApp({ type: 'DEPLOYMENT_FAIL', ownerId: owner })).toBe(true);
  });
});

describe('truthful activity', () => {
  const rawBody = (event: string) =>
    JSON.stringify({ event, date: t0, data: JSON.stringify({ id: app, ownerId: owner, uuid, state: 'OK' }) });

  it('makes a test a row of its own, never the deployment its sample body names', () => {
    const test = delivery({
      kind: 'test',
      format: 'raw',
      requestBody: rawBody('DEPLOYMENT_SUCCESS'),
      ok: true,
    });
    const state = reduceActivity(emptyActivity(), [deploymentEvent('DEPLOYMENT_ACTION_BEGIN', t0, 'WIP')]);
    const after = reduceActivity(state, [{ type: 'delivery', delivery: test }]);
    const row = after.rows.find((r) => r.kind === 'test')!;
    expect(row).toMatchObject({ key: 'test:ev1', hookId: 'hook1' });
    expect(row.appId).toBeUndefined();
    expect(row.deployment).toBeUndefined();
    expect(row.deliveries[0]!.kind).toBe('test');
    // The real deployment is untouched: still WIP, no delivery under it.
    const deployment = after.rows.find((r) => r.key === `deployment:${uuid}`)!;
    expect(deployment).toMatchObject({ deployment: { state: 'WIP' }, deliveries: [] });
  });

  it('shows a redelivery as a new line of its own row; the original attempt stays where it was', () => {
    const original = delivery({
      format: 'raw',
      requestBody: rawBody('DEPLOYMENT_SUCCESS'),
      ok: true,
      final: true,
    });
    const again = delivery({ ...original, id: 'd2', cursor: '2', kind: 'redelivery', at: t0 + 9000 });
    const state = reduceActivity(emptyActivity(), [
      { type: 'delivery', delivery: original },
      { type: 'delivery', delivery: again },
    ]);
    const deployment = state.rows.find((r) => r.key === `deployment:${uuid}`)!;
    expect(deployment.deliveries.flatMap((l) => l.attempts.map((a) => a.id))).toEqual(['d1']);
    const redelivery = state.rows.find((r) => r.kind === 'redelivery')!;
    expect(redelivery.deliveries.flatMap((l) => l.attempts.map((a) => a.id))).toEqual(['d2']);
    expect(redelivery.appId).toBeUndefined();
  });

  it('names a deployment cancelled by a poll for its END, and marks replayed history', () => {
    const cancelled: ActivityAction = {
      type: 'deployments',
      ownerId: owner,
      appId: app,
      since: 0,
      replay: true,
      deployments: [{ uuid, date: t0, state: 'CANCELLED', action: 'DEPLOY', commit: null, cause: null }],
    };
    const state = reduceActivity(emptyActivity(), [cancelled]);
    expect(state.rows[0]).toMatchObject({ event: 'DEPLOYMENT_ACTION_END', replay: true, source: 'poll' });
  });

  it('shows a new entry of a hook failures[] as a failed delivery of that hook', () => {
    const state = reduceActivity(emptyActivity(), [
      {
        type: 'hookFailures',
        ownerId: owner,
        hookId: 'hook1',
        at: t0,
        failures: [{ url: 'https://example.org/x', status: 503, createdAt: new Date(t0).toISOString() }],
      },
    ]);
    expect(state.rows).toHaveLength(1);
    const row = state.rows[0]!;
    expect(row).toMatchObject({ source: 'failures', hookId: 'hook1', date: t0 });
    const attempt = latestAttempt(row.deliveries[0]!);
    expect(attempt).toMatchObject({ status: 503, ok: false, final: true, hookId: 'hook1' });
  });
});

describe('the Activity filter rule', () => {
  const names = { appNames: new Map([[app, 'shop-front']]), hookNames: new Map([['hook1', 'ci-hook']]) };
  const ok = delivery({ id: 'ok', cursor: 'a', ok: true, final: true, status: 200, url: 'http://a.test/x' });
  const bad = delivery({
    id: 'bad',
    cursor: 'b',
    eventId: 'ev1',
    final: true,
    status: 500,
    url: 'http://b.test/x',
  });

  function rows() {
    const state = reduceActivity(emptyActivity(), [
      deploymentEvent('DEPLOYMENT_SUCCESS', t0 + 1000, 'OK'),
      { type: 'delivery', delivery: ok },
      { type: 'delivery', delivery: bad },
    ]);
    return state.rows;
  }

  it('keeps a group when one line matches and dims the others; a 200 never matches failed', () => {
    const groups = filterActivity(rows(), names, { query: 'failed' });
    expect(groups).toHaveLength(1);
    expect(groups[0]!.dimmed).toBe(true);
    expect(groups[0]!.lines.map((l) => [urlHost(l.line.url), l.dimmed])).toEqual([
      ['a.test', true],
      ['b.test', false],
    ]);
  });

  it('dims nothing without a query and drops a group where nothing matches', () => {
    expect(filterActivity(rows(), names, { query: '' })[0]!.lines.every((l) => !l.dimmed)).toBe(true);
    expect(filterActivity(rows(), names, { query: 'nothing-like-this' })).toEqual([]);
    const byApp = filterActivity(rows(), names, { query: 'shop-front' })[0]!;
    expect([byApp.dimmed, ...byApp.lines.map((l) => l.dimmed)]).toEqual([false, false, false]);
  });
});

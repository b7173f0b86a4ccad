// Tests and redeliveries are not deliveries of events (docs/sandbox.md): sent once, at once, ahead of
// any queue for the URL, never retried, never in failures[], never counting toward DISABLED, and
// recorded with their kind. And the bound on pending deliveries per URL: one more is dropped, recorded.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import { type Delivery, DeliveryPage, deliveryKind } from '../../source/domain/deliveries.js';
import { Webhook } from '../../source/domain/schemas.js';
import { MAX_PENDING_PER_URL } from '../../source/sandbox/delivery/dispatcher.js';
import { buildEvent } from '../../source/sandbox/events/event-bus.js';
import { createEventsPlugin, sandboxEvents } from '../../source/sandbox/extensions/events-plugin.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { type Receiver, startReceiver, waitFor } from './support.js';

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;
const receivers: Receiver[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({
    plugins: [createEventsPlugin({ retryBaseMs: 20, deliveryTimeoutMs: 8000 })],
  });
  ids = seedIds(sandbox);
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(reply?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const r = await startReceiver(reply);
  receivers.push(r);
  return r;
}

async function addHook(url: string): Promise<Webhook> {
  const res = await sandboxFetch(sandbox, `/v2/notifications/webhooks/${ids.acme.id}`, {
    method: 'POST',
    json: { name: 'kinds', urls: [{ format: 'raw', url }], scope: [ids.apps.shopApi.id] },
  });
  expect(res.status).toBe(200);
  return Webhook.parse(await res.json());
}

async function deliveries(hookId: string): Promise<Delivery[]> {
  const res = await sandboxFetch(sandbox, `/sandbox/v1/deliveries?hook=${hookId}&limit=500`);
  return DeliveryPage.parse(await res.json()).items;
}

async function testHook(hook: Webhook): Promise<Array<{ ok: boolean; status?: number }>> {
  const res = await sandboxFetch(sandbox, `/sandbox/v1/webhooks/${hook.ownerId}/${hook.id}/test`, {
    method: 'POST',
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Array<{ ok: boolean; status?: number }>;
}

function hookNow(hook: Webhook): Webhook {
  return sandbox.store.webhook(hook.ownerId, hook.id)!;
}

function emitStops(n: number): void {
  const { bus } = sandboxEvents(sandbox)!;
  for (let i = 0; i < n; i++) {
    bus.emit(buildEvent('APPLICATION_STOP', { ownerId: ids.acme.id, appId: ids.apps.shopApi.id }, {}));
  }
}

it('a test goes out at once, ahead of the deliveries queued to a receiver that hangs', async () => {
  // Events hang (until the 8 s timeout); the test's sample deployment is answered at once.
  const r = await receiver((request, _i, res) => {
    if (!request.body.includes('APPLICATION_STOP')) res.end('ok');
  });
  const hook = await addHook(r.url);
  emitStops(12);
  // Four in flight (the per-URL limit), eight queued behind them.
  await waitFor(() => r.requests.length === 4);
  const [result] = await testHook(hook);
  expect(result).toMatchObject({ ok: true, status: 200 });
  // Answered while every event delivery still hangs: none has a record yet.
  const log = await deliveries(hook.id);
  expect(log.map((d) => [deliveryKind(d), d.test])).toEqual([['test', true]]);
  expect(log[0]).toMatchObject({ kind: 'test', attempt: 1, final: true, ok: true });
});

it('a failed test is never retried, never in failures[], and never disables the hook', async () => {
  const r = await receiver((_q, _i, res) => {
    res.statusCode = 500;
    res.end('boom');
  });
  const hook = await addHook(r.url);
  // More failed tests than the five failed deliveries that disable a hook.
  for (let i = 0; i < 6; i++) expect(await testHook(hook)).toMatchObject([{ ok: false, status: 500 }]);
  const log = await deliveries(hook.id);
  expect(log).toHaveLength(6);
  for (const d of log) {
    expect(d).toMatchObject({ kind: 'test', test: true, attempt: 1, final: true, ok: false, status: 500 });
    expect(d.nextAttemptAt).toBeUndefined();
  }
  const events = sandboxEvents(sandbox)!;
  expect(events.journal.pendingCount(r.url)).toBe(0);
  expect(events.journal.failedInRow(hook.id)).toBe(0);
  expect(r.requests).toHaveLength(6);
  expect(hookNow(hook)).toMatchObject({ state: 'ENABLED', failures: [] });
});

it('a redelivery is sent once, at once, recorded as such, and changes nothing in the hook', async () => {
  let up = true;
  const r = await receiver((_q, _i, res) => {
    res.statusCode = up ? 200 : 503;
    res.end(up ? 'ok' : 'down');
  });
  const hook = await addHook(r.url);
  emitStops(1);
  const [first] = await waitFor(async () => {
    const log = await deliveries(hook.id);
    return log.length === 1 ? log : undefined;
  });
  expect(first).toMatchObject({ kind: 'event', ok: true });
  expect(first!.test).toBeUndefined();

  up = false;
  for (let i = 0; i < 6; i++) {
    const res = await sandboxFetch(sandbox, `/sandbox/v1/deliveries/${first!.id}/redeliver`, {
      method: 'POST',
    });
    expect(res.status).toBe(202);
  }
  const log = await waitFor(async () => {
    const items = await deliveries(hook.id);
    return items.length === 7 ? items : undefined;
  });
  for (const d of log.slice(1)) {
    expect(d).toMatchObject({ kind: 'redelivery', attempt: 1, final: true, ok: false, status: 503 });
    expect(d.requestBody).toBe(first!.requestBody);
    expect(d.nextAttemptAt).toBeUndefined();
  }
  expect(sandboxEvents(sandbox)!.journal.pendingCount(r.url)).toBe(0);
  expect(r.requests).toHaveLength(7);
  expect(hookNow(hook)).toMatchObject({ state: 'ENABLED', failures: [] });
});

it('records without a kind (written before kinds existed) read as events', () => {
  const old = {
    id: 'd1',
    cursor: '1',
    eventId: 'e1',
    eventType: 'APPLICATION_STOP',
    hookId: 'h1',
    ownerId: 'o1',
    url: 'https://x.example/',
    format: 'raw',
    attempt: 1,
    requestBody: '{}',
    durationMs: 3,
    final: true,
    ok: true,
    at: 1,
  };
  expect(deliveryKind(DeliveryPage.parse({ items: [old], next: '1' }).items[0]!)).toBe('event');
});

it(`keeps at most ${MAX_PENDING_PER_URL} deliveries pending per URL; one more is recorded as dropped`, async () => {
  // A closed port: every attempt fails at once and waits a minute for its retry.
  const gone = await startReceiver();
  await gone.close();
  const slow = await startTestSandbox({ plugins: [createEventsPlugin({ retryBaseMs: 60_000 })] });
  try {
    const slowIds = seedIds(slow);
    const res = await sandboxFetch(slow, `/v2/notifications/webhooks/${slowIds.acme.id}`, {
      method: 'POST',
      json: { name: 'dead', urls: [{ format: 'raw', url: gone.url }], scope: [slowIds.apps.shopApi.id] },
    });
    const hook = Webhook.parse(await res.json());
    const events = sandboxEvents(slow)!;
    const emit = () =>
      events.bus.emit(
        buildEvent('APPLICATION_STOP', { ownerId: slowIds.acme.id, appId: slowIds.apps.shopApi.id }, {}),
      );
    for (let i = 0; i < MAX_PENDING_PER_URL; i++) emit();
    expect(events.journal.pendingCount(gone.url)).toBe(MAX_PENDING_PER_URL);
    emit();
    expect(events.journal.pendingCount(gone.url)).toBe(MAX_PENDING_PER_URL);
    const dropped = events.journal.list({ hookId: hook.id, limit: 500 });
    const all = [...dropped.items, ...events.journal.after(dropped.next)].filter((d) => d.dropped);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({
      kind: 'event',
      dropped: true,
      ok: false,
      final: true,
      attempt: 1,
      warning: `dropped: ${MAX_PENDING_PER_URL} deliveries to this URL were already pending`,
    });
    expect(all[0]!.status).toBeUndefined();
  } finally {
    await slow.close();
  }
});

// The live model on Clever Cloud, where no stream carries hook changes: a local HTTP server plays the
// API (no sandbox extension at all) and changes its answers; the watched owner's hooks follow in the
// background, in place, with no flicker, and a new entry of `failures[]` shows as a failed delivery.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCleverApi } from '../../source/api/client.js';
import type { Credentials } from '../../source/api/credentials.js';
import type { LiveModel, LiveModelSnapshot } from '../../source/api/live/live-model.js';
import { createLiveModel } from '../../source/api/live/live-store.js';
import type { Webhook } from '../../source/domain/schemas.js';
import { waitFor } from '../tail/wait.js';

const USER = 'user_6a1b2c3d-0000-4000-8000-000000000001';
const hooks: Webhook[] = [];
const seen: string[] = [];
let server: Server;
let apiHost: string;

function webhook(id: string, name: string): Webhook {
  return {
    id,
    ownerId: USER,
    name,
    urls: [{ format: 'raw', url: `https://example.org/${id}` }],
    createdAt: '2026-11-30T06:00:00.000Z',
    failures: [],
    state: 'ENABLED',
  };
}

beforeAll(async () => {
  hooks.push(webhook('hook-a', 'deploys'));
  server = createServer((req, res) => {
    seen.push(`${req.method} ${req.url}`);
    const send = (status: number, body: unknown) =>
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const url = req.url ?? '';
    if (url === '/v2/self') return send(200, { id: USER, name: 'Ada', email: 'ada@example.org' });
    if (url === '/v2/summary') {
      const lists = { applications: [], addons: [], consumers: [], providers: [] };
      return send(200, { user: { id: USER, name: 'Ada', ...lists }, organisations: [] });
    }
    if (url === `/v2/notifications/webhooks/${USER}`) return send(200, hooks);
    if (url === `/v2/notifications/emailhooks/${USER}`) return send(200, []);
    send(404, { id: 404, message: 'Not Found', type: 'error' });
  });
  // No event socket either: its upgrades are refused, as a proxy that does not pass them would.
  server.on('upgrade', (_req, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiHost = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the live model on Clever Cloud (a local API with no sandbox extension)', () => {
  let store: LiveModel;
  let api: HttpCleverApi;
  const snapshots: LiveModelSnapshot[] = [];

  beforeAll(() => {
    const credentials: Credentials = {
      kind: 'api-token',
      source: 'test',
      apiHost,
      authorization: () => 'Bearer test-token',
    };
    api = new HttpCleverApi(credentials, { retries: 0 });
    store = createLiveModel({
      api,
      credentials,
      hookRefreshMs: 300,
      flushIntervalMs: 10,
      socketBaseDelayMs: 5000,
    });
    store.subscribe(() => snapshots.push(store.getSnapshot()));
  });
  afterAll(async () => {
    store.close();
    await api.close();
  });

  const listed = () => store.getSnapshot().hooks.get(USER)?.webhooks.data ?? [];

  it('is not taken for a sandbox although it is on 127.0.0.1', async () => {
    await store.load();
    expect(store.getSnapshot().target).toMatchObject({ kind: 'clever-cloud', known: true });
    expect(seen).toContain('GET /sandbox/v1/info');
  });

  it('refreshes the watched owner in the background: a new hook, then a new failure, then DISABLED', async () => {
    store.watch();
    store.watchOwner(USER);
    await waitFor(() => listed().length === 1, 5000, 'the first list');
    const first = listed()[0];

    hooks.push(webhook('hook-b', 'alerts'));
    await waitFor(() => listed().length === 2, 5000, 'the hook that appeared');
    expect(listed()[0]).toBe(first);
    expect(listed()[1]!.name).toBe('alerts');

    const failure = { url: 'https://example.org/hook-a', status: 503, createdAt: '2026-11-30T06:10:00.000Z' };
    hooks[0] = { ...hooks[0]!, failures: [failure] };
    const failedDelivery = () =>
      store.getSnapshot().activity.rows.find((r) => r.source === 'failures' && r.hookId === 'hook-a');
    await waitFor(() => failedDelivery() !== undefined, 5000, 'the failed delivery in the activity');
    const row = failedDelivery()!;
    expect(row.date).toBe(Date.parse(failure.createdAt));
    expect(row.deliveries[0]!.attempts[0]).toMatchObject({ status: 503, ok: false, url: failure.url });
    // The same failure seen again by the next refreshes is not a new delivery.
    const refreshes = seen.filter((s) => s.startsWith('GET /v2/notifications/webhooks')).length;
    await waitFor(
      () => seen.filter((s) => s.startsWith('GET /v2/notifications/webhooks')).length >= refreshes + 2,
      5000,
      'two more refreshes',
    );
    expect(store.getSnapshot().activity.rows.filter((r) => r.source === 'failures')).toHaveLength(1);

    hooks[0] = { ...hooks[0]!, state: 'DISABLED', failures: Array.from({ length: 5 }, () => failure) };
    await waitFor(() => listed()[0]!.state === 'DISABLED', 5000, 'DISABLED');
    expect(store.getSnapshot().notices.at(-1)).toMatchObject({
      hookId: 'hook-a',
      text: 'deploys disabled after 5 failed deliveries',
    });

    // No flicker: once listed, the hooks never left a snapshot while the refreshes ran.
    const afterFirst = snapshots.slice(snapshots.findIndex((s) => s.hooks.get(USER)?.webhooks.data));
    expect(afterFirst.every((s) => (s.hooks.get(USER)?.webhooks.data?.length ?? 0) >= 1)).toBe(true);
  });
});

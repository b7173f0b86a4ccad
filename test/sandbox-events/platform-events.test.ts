// Two ways the sandbox's events follow the platform: a push while a deployment of the same app is
// WIP cancels that one (its END says CANCELLED, the list too, and the new one runs), and a raw
// webhook receives the very bytes of the event-socket frame, as Clever Cloud documents.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLEVER_DEFAULTS } from '../../source/domain/clever-defaults.js';
import { buildPlaintextHeader } from '../../source/domain/oauth.js';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { deliveryDetailLines } from '../../source/ui/activity/delivery-detail.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { type Receiver, startReceiver, waitFor } from './support.js';

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;
let socket: WebSocket;
/** Every text frame of the socket, exactly as received. */
const frames: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({ plugins: [createEventsPlugin({ heartbeatMs: 60_000 })] });
  ids = seedIds(sandbox);
  socket = new WebSocket(`${sandbox.url.replace(/^http/, 'ws')}/v2/events/event-socket`);
  socket.on('message', (data) => frames.push(data.toString()));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  const authorization = buildPlaintextHeader({
    consumerKey: CLEVER_DEFAULTS.OAUTH_CONSUMER_KEY,
    consumerSecret: CLEVER_DEFAULTS.OAUTH_CONSUMER_SECRET,
    token: sandbox.token,
    secret: sandbox.secret,
  });
  socket.send(JSON.stringify({ message_type: 'oauth', authorization }));
  await waitFor(() => frames.some((f) => f.includes('socket_ready')));
});
afterAll(async () => {
  socket.close();
  await sandbox.close();
});

interface Event {
  event: string;
  data: { uuid?: string; state?: string; appId?: string };
}
const events = (appId: string): Event[] =>
  frames
    .map((f) => JSON.parse(f) as { event?: string; data?: string })
    .filter((f) => typeof f.event === 'string')
    .map((f) => ({ event: f.event!, data: JSON.parse(f.data!) }))
    .filter((e) => e.data.appId === appId);

async function deploy(appId: string, durationMs: number): Promise<string> {
  const res = await sandboxFetch(sandbox, '/sandbox/v1/deployments', {
    method: 'POST',
    json: { appId, durationMs },
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { uuid: string }).uuid;
}

describe('a push while a deployment is WIP', () => {
  it('ends the running one CANCELLED, then runs the new one', async () => {
    const appId = ids.apps.shopApi.id;
    const first = await deploy(appId, 60_000);
    const second = await deploy(appId, 50);
    await waitFor(() => events(appId).some((e) => e.event === 'DEPLOYMENT_SUCCESS'));
    expect(events(appId).map((e) => `${e.event} ${e.data.uuid ?? ''} ${e.data.state ?? ''}`.trim())).toEqual([
      `GIT_PUSH`,
      `DEPLOYMENT_ACTION_BEGIN ${first} WIP`,
      `GIT_PUSH`,
      `DEPLOYMENT_ACTION_END ${first} CANCELLED`,
      `DEPLOYMENT_ACTION_BEGIN ${second} WIP`,
      `DEPLOYMENT_ACTION_END ${second} OK`,
      `DEPLOYMENT_SUCCESS ${second} OK`,
    ]);
    const list = sandbox.store.deployments(appId, { limit: 2 });
    expect(list.map((d) => [d.uuid, d.state])).toEqual([
      [second, 'OK'],
      [first, 'CANCELLED'],
    ]);
  });

  it('three pushes at once: each cancels the one before, one END each, the last one runs', async () => {
    const appId = ids.apps.mlGateway.id;
    // They may reach the sandbox in any order: whichever is started last runs to its end.
    const uuids = await Promise.all([deploy(appId, 2000), deploy(appId, 2000), deploy(appId, 2000)]);
    await waitFor(() => events(appId).some((e) => e.event === 'DEPLOYMENT_SUCCESS'), 15_000);
    const ends = events(appId).filter((e) => e.event === 'DEPLOYMENT_ACTION_END');
    expect(ends.map((e) => e.data.state).sort()).toEqual(['CANCELLED', 'CANCELLED', 'OK']);
    expect(new Set(ends.map((e) => e.data.uuid))).toEqual(new Set(uuids));
    const states = sandbox.store.deployments(appId).filter((d) => uuids.includes(d.uuid));
    expect(states.map((d) => d.state).sort()).toEqual(['CANCELLED', 'CANCELLED', 'OK']);
  });
});

describe('raw deliveries', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver();
  });
  afterAll(() => receiver.close());

  it('are byte for byte the event-socket frame of the same event', async () => {
    const res = await sandboxFetch(sandbox, `/v2/notifications/webhooks/${ids.user.id}`, {
      method: 'POST',
      json: { name: 'raw bytes', urls: [{ format: 'raw', url: receiver.url }], events: ['APPLICATION_STOP'] },
    });
    expect(res.status).toBe(200);
    const sent = await sandboxFetch(sandbox, '/sandbox/v1/events', {
      method: 'POST',
      json: { event: 'APPLICATION_STOP', appId: ids.apps.blog.id },
    });
    expect(sent.status).toBe(202);
    const delivered = await waitFor(() => receiver.requests[0]);
    const frame = await waitFor(() => frames.find((f) => f.includes('"APPLICATION_STOP"')));
    expect(Buffer.from(delivered.body)).toEqual(Buffer.from(frame));
    expect(delivered.headers['content-type']).toMatch(/^application\/json/);
  });
});

describe("the TUI's delivery detail", () => {
  it('labels a raw body as the socket event, and any other as modelled by the sandbox', () => {
    const names = { appNames: new Map(), hookNames: new Map() };
    const line = (format: 'raw' | 'slack') => ({
      key: 'k',
      kind: 'event' as const,
      eventId: 'e',
      eventType: 'DEPLOYMENT_SUCCESS',
      hookId: 'h',
      url: 'http://127.0.0.1/',
      format,
      attempts: [
        {
          id: 'd',
          cursor: '1',
          eventId: 'e',
          eventType: 'DEPLOYMENT_SUCCESS',
          hookId: 'h',
          ownerId: 'user_1',
          url: 'http://127.0.0.1/',
          format,
          attempt: 1,
          requestBody: '{}',
          status: 200,
          durationMs: 3,
          final: true,
          ok: true,
          at: 0,
        },
      ],
    });
    expect(deliveryDetailLines(line('raw'), names, 0)).toContain(
      'Request body (the event as the socket sends it, as Clever Cloud documents)',
    );
    expect(deliveryDetailLines(line('slack'), names, 0)).toContain(
      'Request body (as modelled by the sandbox: Clever Cloud publishes no such body)',
    );
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CLEVER_DEFAULTS } from '../../source/domain/clever-defaults.js';
import { buildPlaintextHeader } from '../../source/domain/oauth.js';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from './support.js';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startTestSandbox({ plugins: [createEventsPlugin({ heartbeatMs: 100 })] });
});
afterAll(() => sandbox.close());

function header(secret = sandbox.secret): string {
  return buildPlaintextHeader({
    consumerKey: CLEVER_DEFAULTS.OAUTH_CONSUMER_KEY,
    consumerSecret: CLEVER_DEFAULTS.OAUTH_CONSUMER_SECRET,
    token: sandbox.token,
    secret,
  });
}

interface Client {
  ws: WebSocket;
  frames: Array<Record<string, unknown>>;
  closed: Promise<number>;
}

async function connect(authorization: string): Promise<Client> {
  const ws = new WebSocket(`${sandbox.url.replace(/^http/, 'ws')}/v2/events/event-socket`);
  const frames: Array<Record<string, unknown>> = [];
  ws.on('message', (data) => frames.push(JSON.parse(data.toString())));
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  ws.send(JSON.stringify({ message_type: 'oauth', authorization }));
  return { ws, frames, closed };
}

describe('the event socket', () => {
  it('answers socket_ready, pings with heartbeat_delay_ms, and sends events with data as a JSON string', async () => {
    const client = await connect(header());
    await waitFor(() => client.frames.filter((f) => f.type === 'heartbeat').length >= 3);
    expect(client.frames[0]).toEqual({ message_type: 'socket_ready' });
    expect(client.frames[1]).toEqual({ type: 'heartbeat', heartbeat_msg: 'ping', heartbeat_delay_ms: 100 });
    client.ws.send(JSON.stringify({ type: 'heartbeat', heartbeat_msg: 'pong' }));

    const { apps } = seedIds(sandbox);
    const res = await sandboxFetch(sandbox, '/sandbox/v1/deployments', {
      method: 'POST',
      json: { appId: apps.blog.id, durationMs: 50 },
    });
    expect(res.status).toBe(202);
    const { uuid } = (await res.json()) as { uuid: string };
    const events = () => client.frames.filter((f) => typeof f.event === 'string');
    await waitFor(() => events().length === 4);
    expect(events().map((f) => f.event)).toEqual([
      'GIT_PUSH',
      'DEPLOYMENT_ACTION_BEGIN',
      'DEPLOYMENT_ACTION_END',
      'DEPLOYMENT_SUCCESS',
    ]);
    for (const frame of events()) {
      expect(Object.keys(frame)).toEqual(['event', 'date', 'data']);
      expect(typeof frame.data).toBe('string');
      expect(JSON.parse(frame.data as string)).toMatchObject({ id: apps.blog.id, appId: apps.blog.id });
    }
    const [, begin, end] = events().map((f) => JSON.parse(f.data as string));
    expect(begin).toMatchObject({ uuid, state: 'WIP', action: 'DEPLOY', cause: 'Git' });
    expect(end).toMatchObject({ uuid, state: 'OK', commit: begin.commit });
    expect(sandbox.store.deployments(apps.blog.id, { limit: 1 })[0]).toMatchObject({ uuid, state: 'OK' });
    client.ws.close();
    await client.closed;
  });

  it('shows a failed deployment as FAIL in the list, WIP before', async () => {
    const client = await connect(`Bearer ${sandbox.apiToken}`);
    await waitFor(() => client.frames.length > 0);
    const { apps } = seedIds(sandbox);
    const res = await sandboxFetch(sandbox, '/sandbox/v1/deployments', {
      method: 'POST',
      json: { appId: apps.shopApi.id, fail: true, durationMs: 200 },
    });
    const { uuid } = (await res.json()) as { uuid: string };
    expect(sandbox.store.deployments(apps.shopApi.id, { limit: 1 })[0]).toMatchObject({ uuid, state: 'WIP' });
    await waitFor(() => client.frames.some((f) => f.event === 'DEPLOYMENT_FAIL'));
    expect(sandbox.store.deployments(apps.shopApi.id, { limit: 1 })[0]).toMatchObject({
      uuid,
      state: 'FAIL',
    });
    client.ws.close();
  });

  it('answers bad credentials with error 2001 and closes', async () => {
    const client = await connect(header('not-the-secret'));
    const code = await client.closed;
    expect(client.frames).toEqual([{ type: 'error', id: 2001 }]);
    expect(code).toBe(4401);
  });

  it('refuses other paths', async () => {
    const ws = new WebSocket(`${sandbox.url.replace(/^http/, 'ws')}/v2/events/other`);
    const failure = await new Promise<Error>((resolve) => ws.once('error', resolve));
    expect(failure.message).toMatch(/404/);
  });
});

import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as WsSocket } from 'ws';
import {
  EventSocket,
  eventSocketUrl,
  reconnectDelay,
  type SocketStatus,
} from '../../source/api/event-socket.js';
import type { EventEnvelope } from '../../source/domain/schemas.js';
import { waitFor } from './wait.js';

interface Peer {
  socket: WsSocket;
  frames: unknown[];
}

/** A real WebSocket server that speaks the socket protocol of the contract, driven by each test. */
async function startServer(onAuth: (peer: Peer) => void) {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0, path: '/v2/events/event-socket' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const peers: Peer[] = [];
  server.on('connection', (socket) => {
    const peer: Peer = { socket, frames: [] };
    peers.push(peer);
    socket.on('message', (data) => {
      const frame = JSON.parse(String(data)) as { message_type?: string };
      peer.frames.push(frame);
      if (frame.message_type === 'oauth') onAuth(peer);
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    apiHost: `http://127.0.0.1:${port}`,
    peers,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

function client(apiHost: string) {
  const events: EventEnvelope[] = [];
  const statuses: SocketStatus[] = [];
  const socket = new EventSocket({
    apiHost,
    authorization: () => 'OAuth oauth_token="t"',
    onEvent: (e) => events.push(e),
    onStatus: (s) => statuses.push(s),
    baseDelayMs: 20,
  });
  socket.start();
  cleanups.push(() => socket.close());
  return { socket, events, statuses };
}

const event = { event: 'DEPLOYMENT_ACTION_END', date: 1, data: '{"id":"app_x","state":"OK"}' };

describe('the event socket client', () => {
  it('builds the URL and the backoff of the contract', () => {
    expect(eventSocketUrl('http://127.0.0.1:8080')).toBe('ws://127.0.0.1:8080/v2/events/event-socket');
    expect(eventSocketUrl('https://api.clever-cloud.com')).toBe(
      'wss://api.clever-cloud.com/v2/events/event-socket',
    );
    expect([0, 1, 2].map((n) => reconnectDelay(n))).toEqual([1500, 1875, 2344]);
    expect(reconnectDelay(100)).toBe(30_000);
  });

  it('authenticates, answers pings and parses events', async () => {
    const server = await startServer((peer) => {
      peer.socket.send(JSON.stringify({ message_type: 'socket_ready' }));
      peer.socket.send(
        JSON.stringify({ type: 'heartbeat', heartbeat_msg: 'ping', heartbeat_delay_ms: 5000 }),
      );
      peer.socket.send(JSON.stringify(event));
      peer.socket.send('not json');
    });
    cleanups.push(server.close);
    const { events, statuses } = client(server.apiHost);
    await waitFor(() => events.length === 1 && server.peers[0]!.frames.length === 2);
    expect(server.peers[0]!.frames).toEqual([
      { message_type: 'oauth', authorization: 'OAuth oauth_token="t"' },
      { type: 'heartbeat', heartbeat_msg: 'pong' },
    ]);
    expect(events[0]).toEqual(event);
    expect(statuses).toContainEqual({ state: 'connected', connections: 1 });
  });

  it('reconnects when the server drops it, and when the pings stop', async () => {
    const server = await startServer((peer) => {
      peer.socket.send(JSON.stringify({ message_type: 'socket_ready' }));
      // The first connection announces a 40 ms heartbeat and then goes silent: the watchdog must fire.
      if (server.peers.length === 1) {
        peer.socket.send(
          JSON.stringify({ type: 'heartbeat', heartbeat_msg: 'ping', heartbeat_delay_ms: 40 }),
        );
      }
      if (server.peers.length === 2) peer.socket.close();
    });
    cleanups.push(server.close);
    const { statuses } = client(server.apiHost);
    await waitFor(() => statuses.some((s) => s.state === 'connected' && s.connections === 3));
    const reasons = statuses.flatMap((s) => (s.state === 'reconnecting' ? [s.reason] : []));
    expect(reasons[0]).toMatch(/no heartbeat for 50 ms/);
    expect(reasons).toHaveLength(2);
  });

  it('reconnects when the server never answers the authentication', async () => {
    const server = await startServer((peer) => {
      if (server.peers.length > 1) peer.socket.send(JSON.stringify({ message_type: 'socket_ready' }));
    });
    cleanups.push(server.close);
    const statuses: SocketStatus[] = [];
    const socket = new EventSocket({
      apiHost: server.apiHost,
      authorization: () => 'OAuth oauth_token="t"',
      onEvent: () => {},
      onStatus: (s) => statuses.push(s),
      baseDelayMs: 20,
      readyTimeoutMs: 50,
    });
    socket.start();
    cleanups.push(() => socket.close());
    await waitFor(() => statuses.some((s) => s.state === 'connected'));
    expect(statuses.find((s) => s.state === 'reconnecting')).toMatchObject({
      reason: 'no answer to authentication in 50 ms',
    });
  });

  it('stops after error 2001 with a clear message', async () => {
    const server = await startServer((peer) => peer.socket.send(JSON.stringify({ type: 'error', id: 2001 })));
    cleanups.push(server.close);
    const { statuses } = client(server.apiHost);
    await waitFor(() => statuses.some((s) => s.state === 'failed'));
    expect(statuses.at(-1)).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/rejected the credentials/),
    });
    expect(server.peers).toHaveLength(1);
  });
});

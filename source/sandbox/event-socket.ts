// The event socket of the contract, on the sandbox's own http(s) server: `/v2/events/event-socket`.
// The client's first frame is `{"message_type":"oauth","authorization":"OAuth …"}`; the answer is
// `{"message_type":"socket_ready"}`, or `{"type":"error","id":2001}` and a close. Then a heartbeat
// ping every `heartbeatMs` (the client answers pong), and every event of the account as
// `{"event","date","data"}` with `data` a JSON string, serialised once for all clients.
import type { IncomingMessage, Server } from 'node:http';
import type { Server as HttpsServer } from 'node:https';
import type { Duplex } from 'node:stream';
import type { WebSocket, WebSocketServer } from 'ws';
import * as z from 'zod/mini';
import { rawPayload } from '../domain/payloads.js';
import { type Authenticate, signedRequest } from './auth.js';
import type { EventBus } from './events/event-bus.js';

export const EVENT_SOCKET_PATH = '/v2/events/event-socket';
export const DEFAULT_HEARTBEAT_MS = 10_000;
/** A client that has not authenticated by then is closed. */
const AUTH_TIMEOUT_MS = 10_000;
/** A client this far behind (bytes queued) is dropped; it reconnects and reconciles by polling. */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;
/** 4401 is in the private range; the error frame before it is what clients act on. */
const CLOSE_AUTH_FAILED = 4401;

const OAuthFrame = z.object({ message_type: z.literal('oauth'), authorization: z.string() });

export interface EventSocketOptions {
  server: Server | HttpsServer;
  bus: EventBus;
  authenticate: Authenticate;
  /** The scheme the server speaks: what an HMAC-signed oauth frame signs. */
  scheme?: 'http' | 'https';
  heartbeatMs?: number;
}

export interface EventSocket {
  /** Authenticated clients now connected. */
  readonly clients: number;
  close(): Promise<void>;
}

export function attachEventSocket(options: EventSocketOptions): EventSocket {
  const heartbeatMs = options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS;
  // The WebSocket library (and the zlib, TLS and crypto modules it loads) is loaded by the first
  // client, not at start: start-to-listening is measured by `npm run bench sandbox`.
  let loading: Promise<WebSocketServer> | undefined;
  let closed = false;
  const webSocketServer = () =>
    (loading ??= import('ws').then(
      ({ WebSocketServer }) =>
        new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 64 * 1024 }),
    ));
  const ready = new Set<WebSocket>();
  const ping = JSON.stringify({ type: 'heartbeat', heartbeat_msg: 'ping', heartbeat_delay_ms: heartbeatMs });

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://sandbox').pathname;
    if (path !== EVENT_SOCKET_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    webSocketServer().then(
      (server) => {
        if (closed) socket.destroy();
        else server.handleUpgrade(req, socket, head, (ws) => accept(ws, req));
      },
      () => socket.destroy(),
    );
  };

  const accept = (ws: WebSocket, req: IncomingMessage) => {
    const authTimer = setTimeout(() => ws.terminate(), AUTH_TIMEOUT_MS);
    let heartbeat: NodeJS.Timeout | undefined;
    ws.on('message', (raw, isBinary) => {
      if (isBinary) return;
      let json: unknown;
      try {
        json = JSON.parse(raw.toString());
      } catch {
        return;
      }
      // Pongs and anything else after authentication need no answer.
      if (ready.has(ws)) return;
      const frame = OAuthFrame.safeParse(json);
      if (!frame.success) return;
      clearTimeout(authTimer);
      // An HMAC oauth frame signs a GET of the socket's URL in its http(s) form.
      if (!options.authenticate(frame.data.authorization, signedRequest(req, options.scheme ?? 'http'))) {
        ws.send(JSON.stringify({ type: 'error', id: 2001 }));
        ws.close(CLOSE_AUTH_FAILED, 'authentication failed');
        return;
      }
      ready.add(ws);
      ws.send(JSON.stringify({ message_type: 'socket_ready' }));
      ws.send(ping);
      heartbeat = setInterval(() => ws.send(ping), heartbeatMs);
    });
    ws.on('error', () => ws.terminate());
    ws.on('close', () => {
      clearTimeout(authTimer);
      clearInterval(heartbeat);
      ready.delete(ws);
    });
  };

  const unsubscribe = options.bus.subscribe((event) => {
    if (ready.size === 0) return;
    // The same serialisation as a raw webhook's body (docs/contract.md, "Payloads").
    const frame = JSON.stringify(rawPayload(event.envelope));
    for (const ws of ready) {
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) ws.terminate();
      else ws.send(frame);
    }
  });

  options.server.on('upgrade', onUpgrade);
  return {
    get clients() {
      return ready.size;
    },
    close: async () => {
      closed = true;
      unsubscribe();
      options.server.off('upgrade', onUpgrade);
      const server = await loading?.catch(() => undefined);
      if (!server) return;
      for (const ws of server.clients) ws.terminate();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

// The client of Clever Cloud's event socket (docs/contract.md): one OAuth frame on open, a pong
// for every ping, a watchdog that declares the connection dead after 1.25 × the announced heartbeat
// delay without a ping, and reconnection after 1500 × 1.25ⁿ ms (n reset on each ping). Error 2001 means
// the credentials were refused: retrying could never succeed, so it stops and says so. The WebSocket
// client is `ws` (the sandbox's server is too): undici, the other, loads 500 KB of JavaScript and a
// dozen of Node's modules (HTTP/2, DNS, worker threads…) for one socket, about 10 MB of the TUI's
// resident memory (docs/performance.md).
import WebSocket from 'ws';
import { EventEnvelope, SocketControl } from '../domain/schemas.js';
import { USER_AGENT } from '../domain/version.js';

export type SocketStatus =
  | { state: 'connecting'; attempt: number }
  /** `connections` counts successful authentications: more than one means this is a reconnection. */
  | { state: 'connected'; connections: number }
  | { state: 'reconnecting'; attempt: number; delayMs: number; at: number; reason: string }
  | { state: 'failed'; message: string }
  | { state: 'closed' };

export interface EventSocketOptions {
  apiHost: string;
  authorization: () => string;
  onEvent: (envelope: EventEnvelope) => void;
  onStatus?: (status: SocketStatus) => void;
  /** The certificates to trust (the system's and a sandbox's own authority), for a sandbox over TLS. */
  ca?: string[] | undefined;
  /** Longest wait between two attempts; the backoff grows to it and stays there, retrying forever. */
  maxDelayMs?: number;
  baseDelayMs?: number;
  /** How long an open socket may stay without `socket_ready` before it counts as dead. */
  readyTimeoutMs?: number;
}

export const AUTH_FAILED_CODE = 2001;
const BASE_DELAY_MS = 1500;
const BACKOFF = 1.25;
const WATCHDOG_FACTOR = 1.25;
const MAX_DELAY_MS = 30_000;
const READY_TIMEOUT_MS = 15_000;

/** ws: for an http: host and wss: for https:, path /v2/events/event-socket. */
export function eventSocketUrl(apiHost: string): string {
  const url = new URL('/v2/events/event-socket', apiHost);
  url.protocol = url.protocol === 'http:' ? 'ws:' : 'wss:';
  return url.toString();
}

/** The wait before reconnection attempt n (0-based), as clever-tools does it, capped. */
export function reconnectDelay(n: number, base = BASE_DELAY_MS, max = MAX_DELAY_MS): number {
  return Math.min(max, Math.round(base * BACKOFF ** n));
}

/** A socket error's message, or its code, or its cause's. */
function errorReason(error: unknown): string {
  if (!(error instanceof Error)) return 'connection error';
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  return error.message || code || (typeof cause?.message === 'string' && cause.message) || 'connection lost';
}

export class EventSocket {
  private socket: WebSocket | undefined;
  private retries = 0;
  private connections = 0;
  private watchdog: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(private readonly options: EventSocketOptions) {}

  start(): void {
    this.stopped = false;
    this.open();
  }

  /** Closes the connection as if the network dropped it: the client reconnects (used by tests). */
  drop(): void {
    this.socket?.close();
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.watchdog);
    clearTimeout(this.retryTimer);
    this.socket?.close();
    this.socket = undefined;
    this.options.onStatus?.({ state: 'closed' });
  }

  private open(): void {
    this.options.onStatus?.({ state: 'connecting', attempt: this.retries });
    const socket = new WebSocket(eventSocketUrl(this.options.apiHost), {
      headers: { 'user-agent': USER_AGENT },
      ...(this.options.ca ? { ca: this.options.ca } : {}),
    });
    this.socket = socket;
    let reason = 'connection closed';
    let rejected = false;
    socket.addEventListener('open', () => {
      socket.send(JSON.stringify({ message_type: 'oauth', authorization: this.options.authorization() }));
      const readyMs = this.options.readyTimeoutMs ?? READY_TIMEOUT_MS;
      this.armWatchdog(socket, readyMs, `no answer to authentication in ${readyMs} ms`);
    });
    socket.addEventListener('message', (message) => {
      if (socket !== this.socket || typeof message.data !== 'string') return;
      if (this.onFrame(socket, message.data) === 'rejected') rejected = true;
    });
    socket.addEventListener('error', (event) => {
      reason = errorReason((event as { error?: unknown }).error);
    });
    socket.addEventListener('close', () => {
      if (socket !== this.socket) return;
      clearTimeout(this.watchdog);
      this.socket = undefined;
      if (this.stopped) return;
      if (rejected) {
        this.stopped = true;
        this.options.onStatus?.({
          state: 'failed',
          message: `the event socket rejected the credentials (error ${AUTH_FAILED_CODE}): log in again with \`clever login\` or check CLEVER_TOKEN and CLEVER_SECRET`,
        });
        return;
      }
      this.scheduleReconnect(reason);
    });
  }

  /** Handles one frame; says so when the server refused the credentials. */
  private onFrame(socket: WebSocket, text: string): 'rejected' | undefined {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return undefined;
    }
    const event = EventEnvelope.safeParse(json);
    if (event.success) {
      this.options.onEvent(event.data);
      return undefined;
    }
    const control = SocketControl.safeParse(json);
    if (!control.success) return undefined;
    const frame = control.data;
    if ('message_type' in frame) {
      clearTimeout(this.watchdog);
      this.connections++;
      this.options.onStatus?.({ state: 'connected', connections: this.connections });
    } else if (frame.type === 'heartbeat') {
      this.retries = 0;
      socket.send(JSON.stringify({ type: 'heartbeat', heartbeat_msg: 'pong' }));
      if (frame.heartbeat_delay_ms) {
        const limit = Math.round(frame.heartbeat_delay_ms * WATCHDOG_FACTOR);
        this.armWatchdog(socket, limit, `no heartbeat for ${limit} ms`);
      }
    } else if (frame.type === 'error' && frame.id === AUTH_FAILED_CODE) {
      socket.close();
      return 'rejected';
    }
    return undefined;
  }

  private armWatchdog(socket: WebSocket, limitMs: number, reason: string): void {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => {
      if (socket !== this.socket) return;
      // A silent peer may never answer a close handshake: forget it and reconnect now.
      this.socket = undefined;
      socket.terminate();
      this.scheduleReconnect(reason);
    }, limitMs);
    this.watchdog.unref();
  }

  private scheduleReconnect(reason: string): void {
    if (this.stopped) return;
    const delayMs = reconnectDelay(this.retries, this.options.baseDelayMs, this.options.maxDelayMs);
    this.retries++;
    this.options.onStatus?.({
      state: 'reconnecting',
      attempt: this.retries,
      delayMs,
      at: Date.now() + delayMs,
      reason,
    });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => this.open(), delayMs);
  }
}

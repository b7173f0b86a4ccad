// Follows one of the sandbox's server-sent event streams (the delivery log, the hook changes). Each
// message's cursor is its SSE id: a reconnection sends the last one as Last-Event-ID and the server
// resumes right after it, so nothing is lost; cursors already seen are skipped, so nothing is doubled.
import { USER_AGENT } from '../../domain/version.js';
import { type HttpAgent, httpStream } from '../http-request.js';

export type SseStreamStatus =
  | { state: 'connected' }
  | { state: 'reconnecting'; delayMs: number; reason: string }
  | { state: 'closed' };

export interface SseStreamOptions<T> {
  apiHost: string;
  /** e.g. /sandbox/v1/deliveries/stream */
  path: string;
  /** What the stream is, in messages ("the delivery stream"). */
  label: string;
  authorization: () => string;
  /** Start after this cursor. */
  since?: string | undefined;
  /** Asked before the first connection when `since` is absent (e.g. "the newest record now"). */
  initialCursor?: (signal: AbortSignal, agent: HttpAgent) => Promise<string | undefined>;
  /** The message parsed (by a zod schema), or undefined to skip it. */
  parse: (json: unknown) => T | undefined;
  cursorOf: (message: T) => string;
  onMessage: (message: T) => void;
  onStatus?: (status: SseStreamStatus) => void;
  retryDelayMs?: number;
  /** The live sources' connections (source/api/live/sources.ts), which trust a sandbox's own CA. */
  agent: HttpAgent;
}

const RETRY_MS = 1000;
/** A stream silent for this long is taken for dead, and reconnected (the sandbox pings every 15 s). */
const IDLE_MS = 300_000;
const MAX_RETRY_MS = 10_000;
const REMEMBERED_IDS = 2000;

/** One SSE message: the lines up to a blank line. Comments (`: ping`) carry nothing. */
export function parseSseBlock(block: string): { id?: string; data?: string } {
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r?\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return { ...(id !== undefined ? { id } : {}), ...(data.length > 0 ? { data: data.join('\n') } : {}) };
}

export class SseStream<T> {
  private cursor: string | undefined;
  private readonly seen = new Set<string>();
  private abort: AbortController | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: SseStreamOptions<T>) {
    this.cursor = options.since;
  }

  /** The cursor of the last message received: where a new stream would resume. */
  get lastCursor(): string | undefined {
    return this.cursor;
  }

  start(): void {
    this.stopped = false;
    void this.run();
  }

  /** Cuts the current connection as a network failure would (used by tests): the stream resumes. */
  drop(): void {
    this.abort?.abort(new Error('dropped'));
  }

  close(): void {
    this.stopped = true;
    clearTimeout(this.retryTimer);
    this.abort?.abort(new Error('closed'));
    this.options.onStatus?.({ state: 'closed' });
  }

  private async run(): Promise<void> {
    const abort = new AbortController();
    this.abort = abort;
    let reason = 'stream ended';
    try {
      if (this.cursor === undefined && this.options.initialCursor) {
        this.cursor = await this.options.initialCursor(abort.signal, this.options.agent);
      }
      const url = new URL(this.options.path, this.options.apiHost);
      const headers: Record<string, string> = {
        accept: 'text/event-stream',
        authorization: this.options.authorization(),
        'user-agent': USER_AGENT,
      };
      if (this.cursor !== undefined) {
        url.searchParams.set('since', this.cursor);
        headers['last-event-id'] = this.cursor;
      }
      const response = await httpStream(url, {
        method: 'GET',
        headers,
        agent: this.options.agent,
        signal: abort.signal,
        idleMs: IDLE_MS,
      });
      abort.signal.addEventListener('abort', () => response.body.destroy(), { once: true });
      if (response.statusCode !== 200) {
        reason = `${this.options.label} answered ${response.statusCode}`;
        // Not read: closed, so that no error of it goes unheard.
        response.body.destroy();
      } else {
        this.failures = 0;
        this.options.onStatus?.({ state: 'connected' });
        let buffer = '';
        response.body.setEncoding('utf8');
        for await (const chunk of response.body) {
          buffer += chunk as string;
          let end = buffer.search(/\r?\n\r?\n/);
          while (end >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + (buffer[end] === '\r' ? 4 : 2));
            this.onBlock(block);
            end = buffer.search(/\r?\n\r?\n/);
          }
        }
      }
    } catch (error) {
      reason = error instanceof Error ? error.message : String(error);
    }
    if (this.stopped || abort !== this.abort) return;
    const delayMs = Math.min(MAX_RETRY_MS, (this.options.retryDelayMs ?? RETRY_MS) * 2 ** this.failures);
    this.failures++;
    this.options.onStatus?.({ state: 'reconnecting', delayMs, reason });
    this.retryTimer = setTimeout(() => void this.run(), delayMs);
  }

  private onBlock(block: string): void {
    const { id, data } = parseSseBlock(block);
    if (data === undefined) return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const message = this.options.parse(json);
    if (message === undefined) return;
    const cursor = this.options.cursorOf(message);
    this.cursor = id ?? cursor;
    if (this.seen.has(cursor)) return;
    this.seen.add(cursor);
    if (this.seen.size > REMEMBERED_IDS) this.seen.delete(this.seen.values().next().value!);
    this.options.onMessage(message);
  }
}

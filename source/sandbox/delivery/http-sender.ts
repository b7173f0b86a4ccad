// One POST of a webhook body to one URL, the way the sandbox's dispatcher sends it: a bounded time,
// redirects not followed (undici's request never follows them), the first KiB of the answer kept, and
// a User-Agent naming clever-notify. Never throws: a failure is part of the outcome.
import { createSecureContext } from 'node:tls';
import type { Agent, request } from 'undici';
import { boundedHeaders, describeNetworkFailure } from '../../domain/deliveries.js';
import { WEBHOOK_REQUEST_HEADERS } from '../../domain/payloads.js';
import { type AttemptOutcome, parseRetryAfter } from './retry-policy.js';

export const RESPONSE_EXCERPT_BYTES = 1024;
export const DEFAULT_DELIVERY_TIMEOUT_MS = 10_000;

export interface SentAttempt extends AttemptOutcome {
  durationMs: number;
  /** The answer's headers, bounded as the delivery log keeps them. */
  responseHeaders?: Record<string, string>;
}

export interface WebhookSender {
  send(url: string, body: string): Promise<SentAttempt>;
  close(): Promise<void>;
}

export interface SenderOptions {
  timeoutMs?: number;
  /**
   * Send only to loopback addresses (127.0.0.0/8, ::1, localhost); any other URL fails at once,
   * before any DNS lookup. The test suite sets it so that no test can reach the network.
   */
  loopbackOnly?: boolean;
}

export function createHttpSender({
  timeoutMs = DEFAULT_DELIVERY_TIMEOUT_MS,
  loopbackOnly = false,
}: SenderOptions = {}): WebhookSender {
  // Made at the first delivery: a sandbox that delivers nothing never loads undici nor the root
  // certificates (megabytes of resident memory, docs/performance.md).
  let client: Promise<{ agent: Agent; request: typeof request }> | undefined;
  const ready = () =>
    (client ??= import('undici').then((loaded) => {
      // In the bundle, undici (CommonJS) is the namespace's default export.
      const undici = loaded.default ?? loaded;
      return {
        agent: new undici.Agent({
          // One TLS context for every connection: building one loads the root certificates, which costs
          // milliseconds of the event loop per connection otherwise.
          connect: { timeout: timeoutMs, secureContext: createSecureContext() },
          keepAliveTimeout: 4000,
          // Per origin; the dispatcher bounds how many run at once per URL and overall.
          connections: 16,
        }),
        request: undici.request,
      };
    }));
  return {
    async send(url, body) {
      if (loopbackOnly && !isLoopbackUrl(url)) {
        return {
          networkFailure: 'not sent: this sandbox delivers to loopback addresses only',
          durationMs: 0,
          permanent: true,
        };
      }
      const { agent, request } = await ready();
      const started = performance.now();
      const durationMs = () => Math.round(performance.now() - started);
      // One deadline for the whole exchange: connecting, the headers and the excerpt of the body.
      const signal = AbortSignal.timeout(timeoutMs);
      try {
        const target = withBasicAuth(url);
        const response = await request(target.url, {
          method: 'POST',
          dispatcher: agent,
          headers: { ...WEBHOOK_REQUEST_HEADERS, ...target.headers },
          body,
          signal,
        });
        const excerpt = await readExcerpt(response.body);
        const retryAfter = response.headers['retry-after'];
        const retryAfterMs = parseRetryAfter(
          Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
          Date.now(),
        );
        return {
          status: response.statusCode,
          durationMs: durationMs(),
          responseHeaders: boundedHeaders(response.headers),
          ...(excerpt ? { responseExcerpt: excerpt } : {}),
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        };
      } catch (error) {
        return {
          networkFailure: signal.aborted
            ? `timeout after ${timeoutMs} ms`
            : describeNetworkFailure(error, timeoutMs),
          durationMs: durationMs(),
          ...(isPermanent(error) ? { permanent: true } : {}),
        };
      }
    },
    // Destroy, not close: a hanging receiver must not hold up a stop; what was cut short stays pending.
    close: async () => {
      if (client) await (await client).agent.destroy();
    },
  };
}

export function isLoopbackUrl(url: string): boolean {
  let host: string;
  try {
    host = new URL(url).hostname;
  } catch {
    return false;
  }
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The first KiB of the body; the rest is not read (the connection is dropped instead). */
async function readExcerpt(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= RESPONSE_EXCERPT_BYTES) break;
  }
  return new TextDecoder().decode(Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES));
}

function isPermanent(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === 'ERR_INVALID_URL' || code === 'UND_ERR_INVALID_ARG';
}

/**
 * A receiver's `user:password@` is sent as HTTP Basic authentication, as curl and browsers do (undici
 * would drop it silently); the URL then goes without it.
 */
export function withBasicAuth(url: string): { url: string; headers: Record<string, string> } {
  const parsed = URL.canParse(url) ? new URL(url) : undefined;
  if (!parsed || (!parsed.username && !parsed.password)) return { url, headers: {} };
  const user = decodeURIComponent(parsed.username);
  const password = decodeURIComponent(parsed.password);
  parsed.username = '';
  parsed.password = '';
  const token = Buffer.from(`${user}:${password}`).toString('base64');
  return { url: parsed.toString(), headers: { authorization: `Basic ${token}` } };
}

// One JSON request to the API: signing, timeouts, retries of idempotent requests, parsing of the
// answer by a zod schema, and errors that users understand. Credentials never leave this module in
// a message: every text that reaches an error or the debug log goes through `redact`.
import type { ZodMiniType } from 'zod/mini';
import { parseOAuthHeader } from '../domain/oauth-header.js';
import { USER_AGENT } from '../domain/version.js';
import { ApiError, type FailureContext, statusError } from './errors.js';
import { HttpAgent, httpRequest, RequestTimeoutError } from './http-request.js';
import { monotonicMs } from './monotonic-clock.js';

export interface TransportOptions {
  apiHost: string;
  authorization: () => string;
  credentialsKind: 'oauth' | 'api-token';
  /** A CA certificate (PEM) to trust instead of the system's. */
  ca?: string;
  /** Per attempt: the longest wait for a connection, for the headers, and for each part of the body. */
  timeoutMs?: number;
  /** Extra attempts for idempotent requests. */
  retries?: number;
  /** First backoff delay; doubles on each retry. */
  backoffMs?: number;
  /** The longest Retry-After this client waits for before giving up. */
  maxRetryAfterMs?: number;
  /** Writes one line per request (method, path, status, time), never headers. */
  debug?: (line: string) => void;
}

export interface RequestSpec<T> {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** undefined: the answer is ignored (DELETE). */
  schema: ZodMiniType<T> | undefined;
  subject?: string;
  /** Statuses that mean "nothing here" and answer `undefined` instead of an error (404 on hook lists). */
  emptyOn?: readonly number[];
  /** Extra attempts for this request, instead of the transport's (idempotent requests only). */
  retries?: number;
}

const IDEMPOTENT = new Set(['GET', 'PUT', 'DELETE']);
const RETRY_STATUSES = new Set([429, 502, 503, 504]);
/** Network errors that happen before a request is sent. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

export class HttpTransport {
  readonly apiHost: string;
  private readonly host: string;
  private readonly agent: HttpAgent;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;

  constructor(private readonly options: TransportOptions) {
    this.apiHost = options.apiHost.replace(/\/+$/, '');
    this.host = new URL(this.apiHost).host;
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.retries = options.retries ?? 2;
    this.backoffMs = options.backoffMs ?? 250;
    this.maxRetryAfterMs = options.maxRetryAfterMs ?? 10_000;
    this.agent = new HttpAgent({ timeoutMs: this.timeoutMs, ...(options.ca ? { ca: options.ca } : {}) });
  }

  /** The parsed answer; undefined for an empty 2xx body or a status listed in `emptyOn`. */
  async send<T>(spec: RequestSpec<T>): Promise<T | undefined> {
    const attempts = IDEMPOTENT.has(spec.method) ? (spec.retries ?? this.retries) + 1 : 1;
    const context: FailureContext = {
      method: spec.method,
      path: spec.path,
      host: this.host,
      credentialsKind: this.options.credentialsKind,
      ...(spec.subject ? { subject: spec.subject } : {}),
    };
    const started = monotonicMs();
    for (let attempt = 1; ; attempt++) {
      const last = attempt >= attempts;
      const outcome = await this.attempt(spec, context);
      if (outcome.kind === 'answer') {
        if (outcome.status >= 200 && outcome.status < 300) {
          return this.parse(spec, outcome.text, context);
        }
        if (spec.emptyOn?.includes(outcome.status)) return undefined;
        // A DELETE retried after a lost answer may find its work done already.
        if (spec.method === 'DELETE' && attempt > 1 && outcome.status === 404) return undefined;
        if (!last && RETRY_STATUSES.has(outcome.status)) {
          const wait = this.retryDelay(attempt, outcome.retryAfter);
          if (wait !== undefined) {
            await delay(wait);
            continue;
          }
        }
        throw statusError(outcome.status, this.redact(outcome.text), context);
      }
      // "within 15 s" is one attempt's limit: say what the user really waited, retries included.
      const tries = attempt > 1 ? ` (${attempt} attempts, ${seconds(monotonicMs() - started)} in all)` : '';
      if (last) throw new ApiError(this.redact(`${outcome.message}${tries}`), undefined, true);
      await delay(this.retryDelay(attempt, undefined) ?? 0);
    }
  }

  async close(): Promise<void> {
    this.agent.close();
  }

  /** The text with every credential (the header, its token and secrets) replaced by `***`. */
  redact(text: string): string {
    let out = text;
    for (const secret of this.secrets()) out = out.split(secret).join('***');
    return out;
  }

  private secrets(): string[] {
    const header = this.options.authorization();
    const values = [header];
    const bearer = /^Bearer\s+(.+)$/i.exec(header);
    if (bearer) values.push(bearer[1]!);
    const params = parseOAuthHeader(header);
    if (params) {
      for (const key of ['oauth_token', 'oauth_signature']) {
        const value = params[key];
        if (!value) continue;
        values.push(value);
        for (const part of value.split('%26')) {
          values.push(part);
          values.push(safeDecode(part));
        }
      }
    }
    // Short fragments (an empty consumer secret…) would blank out ordinary words.
    return [...new Set(values)].filter((v) => v.length >= 6).sort((a, b) => b.length - a.length);
  }

  private async attempt(
    spec: RequestSpec<unknown>,
    context: FailureContext,
  ): Promise<
    | { kind: 'answer'; status: number; text: string; retryAfter: string | undefined }
    | { kind: 'failure'; message: string }
  > {
    const started = monotonicMs();
    const headers: Record<string, string> = {
      accept: 'application/json',
      authorization: this.options.authorization(),
      'user-agent': USER_AGENT,
    };
    if (spec.body !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await httpRequest(`${this.apiHost}${spec.path}`, {
        method: spec.method,
        headers,
        body: spec.body === undefined ? undefined : JSON.stringify(spec.body),
        agent: this.agent,
      });
      const text = response.text;
      this.log(`${spec.method} ${spec.path} → ${response.statusCode} (${elapsed(started)})`);
      const retryAfter = response.headers['retry-after'];
      return {
        kind: 'answer',
        status: response.statusCode,
        text,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
      };
    } catch (error) {
      const message = this.networkMessage(error, context);
      this.log(`${spec.method} ${spec.path} → ${message} (${elapsed(started)})`);
      return { kind: 'failure', message };
    }
  }

  private networkMessage(error: unknown, context: FailureContext): string {
    const seconds = `${Math.round(this.timeoutMs / 100) / 10} s`;
    // A write whose answer was lost may have been applied: say so rather than invite a duplicate.
    const maybeApplied = IDEMPOTENT.has(context.method) ? '' : ' (it may have been applied: list to check)';
    if (error instanceof RequestTimeoutError && error.phase === 'connect') {
      return `${context.host} did not accept a connection within ${seconds} (${context.method} ${context.path})`;
    }
    if (error instanceof RequestTimeoutError) {
      return `${context.host} did not answer ${context.method} ${context.path} within ${seconds}${maybeApplied}`;
    }
    const code = errorCode(error);
    const neverSent = NOT_CONNECTED.has(code) ? '' : maybeApplied;
    return `cannot reach ${context.host} (${code}) for ${context.method} ${context.path}${neverSent}`;
  }

  private parse<T>(spec: RequestSpec<T>, text: string, context: FailureContext): T | undefined {
    if (!spec.schema) return undefined;
    if (text.trim() === '') return undefined;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(
        `${context.host} answered ${spec.method} ${spec.path} with something that is not JSON: ${this.redact(text.slice(0, 80))}`,
      );
    }
    const parsed = spec.schema.safeParse(json);
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0]!;
    const field = issue.path.length > 0 ? `field \`${issue.path.join('.')}\`` : 'the answer';
    throw new ApiError(
      `unexpected answer to ${spec.method} ${spec.path} from ${context.host}: ${field}: ${issue.message}`,
    );
  }

  /** undefined: do not retry (a Retry-After longer than we are willing to wait). */
  private retryDelay(attempt: number, retryAfter: string | undefined): number | undefined {
    if (retryAfter !== undefined) {
      const ms = parseRetryAfter(retryAfter);
      if (ms !== undefined) return ms <= this.maxRetryAfterMs ? ms : undefined;
    }
    const base = this.backoffMs * 2 ** (attempt - 1);
    return base / 2 + Math.random() * (base / 2);
  }

  private log(line: string): void {
    this.options.debug?.(this.redact(line));
  }
}

/** Seconds, or an HTTP date. */
export function parseRetryAfter(value: string, now = Date.now()): number | undefined {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (code === 'ECONNRESET') return 'connection reset';
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return error instanceof Error ? error.message : String(error);
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function elapsed(started: number): string {
  return `${Math.round(monotonicMs() - started)} ms`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** 0.4 s, 47 s: a tenth of a second only where it matters. */
function seconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? Math.round(s * 10) / 10 : Math.round(s)} s`;
}

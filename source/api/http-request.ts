// One HTTP request with Node's own client (node:http, node:https): the API client, the sandbox's
// extension client and the direct webhook test all send through it. Node's client is already in the
// node binary and parses with its native llhttp, so a command that makes one request loads no HTTP
// library and compiles no WebAssembly parser (docs/performance.md has the measurement against undici).
import http, { type IncomingHttpHeaders } from 'node:http';
import type https from 'node:https';

export interface HttpAgentOptions {
  /** The longest wait for a connection, for the headers, and between two parts of the body. */
  timeoutMs: number;
  /** Certificates to trust instead of the system's (PEM). */
  ca?: string | string[];
  /** A certificate to trust beside the system's (PEM). */
  extraCa?: string;
}

/**
 * Keep-alive connections for both schemes, and the timeout of every request sent through them.
 * node:https (and TLS, and crypto under it) is loaded with the first https request only: a sandbox
 * on loopback speaks plain http. The commands are one file (scripts/build.mjs), whose static imports
 * of builtins all load at start, so node:tls too is imported here, not where a certificate is given.
 */
export class HttpAgent {
  readonly timeoutMs: number;
  readonly http: http.Agent;
  private secure: Promise<{ https: typeof https; agent: https.Agent }> | undefined;

  constructor(private readonly options: HttpAgentOptions) {
    this.timeoutMs = options.timeoutMs;
    this.http = new http.Agent({ keepAlive: true });
  }

  https(): Promise<{ https: typeof https; agent: https.Agent }> {
    this.secure ??= (async () => {
      const { default: https } = await import('node:https');
      const { ca, extraCa } = this.options;
      const trusted = extraCa ? [...(await import('node:tls')).rootCertificates, extraCa] : ca;
      return { https, agent: new https.Agent({ keepAlive: true, ...(trusted ? { ca: trusted } : {}) }) };
    })();
    return this.secure;
  }

  close(): void {
    this.http.destroy();
    void this.secure?.then(({ agent }) => agent.destroy());
  }
}

/** No connection, or no answer, within the agent's timeout. */
export class RequestTimeoutError extends Error {
  readonly code = 'timeout';
  constructor(readonly phase: 'connect' | 'answer') {
    super(phase === 'connect' ? 'connect timeout' : 'answer timeout');
  }
}

export interface RequestOptions {
  method: string;
  headers: Record<string, string>;
  body?: string | undefined;
  agent: HttpAgent;
  /** Aborting it ends the request (it rejects with the signal's reason). */
  signal?: AbortSignal | undefined;
}

export interface Answer {
  statusCode: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** The whole answer as text; network failures and timeouts reject (node's errors carry a `code`). */
export async function httpRequest(url: string | URL, options: RequestOptions): Promise<Answer> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const { agent } = options;
  const tls = secure ? await agent.https() : undefined;
  return new Promise((resolve, reject) => {
    const req = send(target, options, tls);
    abortWith(options.signal, req, reject);
    let phase: RequestTimeoutError['phase'] = 'connect';
    let timer: NodeJS.Timeout | undefined;
    // One timer, restarted at each step (connected, headers, each part of the body).
    const arm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        const error = new RequestTimeoutError(phase);
        reject(error);
        req.destroy(error);
      }, agent.timeoutMs);
    };
    const settle = () => clearTimeout(timer);
    arm();
    req.once('socket', (socket) => {
      const connected = () => {
        phase = 'answer';
        arm();
      };
      if (socket.connecting) socket.once(secure ? 'secureConnect' : 'connect', connected);
      else connected();
    });
    req.once('error', (error) => {
      settle();
      reject(error);
    });
    req.once('response', (res) => {
      arm();
      res.setEncoding('utf8');
      let text = '';
      res.on('data', (chunk: string) => {
        text += chunk;
        arm();
      });
      res.once('end', () => {
        settle();
        resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, text });
      });
      res.once('error', (error) => {
        settle();
        reject(error);
      });
      // Cut in the middle of the body.
      res.once('close', () => {
        settle();
        if (!res.complete) reject(Object.assign(new Error('connection reset'), { code: 'ECONNRESET' }));
      });
    });
    req.end(options.body);
  });
}

/** The request, through the agent's connections for its scheme. */
function send(
  target: URL,
  options: RequestOptions,
  tls: { https: typeof https; agent: https.Agent } | undefined,
): http.ClientRequest {
  const headers: Record<string, string | number> = { ...options.headers };
  if (options.body !== undefined) headers['content-length'] = Buffer.byteLength(options.body);
  const requestOptions = { method: options.method, headers };
  return tls
    ? tls.https.request(target, { ...requestOptions, agent: tls.agent })
    : http.request(target, { ...requestOptions, agent: options.agent.http });
}

function abortWith(
  signal: AbortSignal | undefined,
  req: http.ClientRequest,
  reject: (reason: unknown) => void,
): void {
  if (!signal) return;
  const abort = () => {
    reject(signal.reason);
    req.destroy(signal.reason instanceof Error ? signal.reason : new Error(String(signal.reason)));
  };
  if (signal.aborted) abort();
  else {
    signal.addEventListener('abort', abort, { once: true });
    req.once('close', () => signal.removeEventListener('abort', abort));
  }
}

export interface StreamAnswer {
  statusCode: number;
  /** The body, as it comes; reading it is the caller's (or `destroy()` it to drop it). */
  body: http.IncomingMessage;
}

/**
 * A request whose answer is read as it comes (a server-sent event stream): it settles with the
 * headers, within the agent's timeout; the body then ends with an error after `idleMs` without a byte,
 * so that a connection that died silently is noticed.
 */
export async function httpStream(
  url: string | URL,
  options: RequestOptions & { idleMs: number },
): Promise<StreamAnswer> {
  const target = new URL(url);
  const tls = target.protocol === 'https:' ? await options.agent.https() : undefined;
  return new Promise((resolve, reject) => {
    const req = send(target, options, tls);
    abortWith(options.signal, req, reject);
    req.setTimeout(options.agent.timeoutMs, () => req.destroy(new RequestTimeoutError('answer')));
    // Before the answer, a failure rejects; after it, the body's reader sees it.
    req.on('error', reject);
    req.once('response', (res) => {
      req.setTimeout(options.idleMs, () => res.destroy(new Error(`no data for ${seconds(options.idleMs)}`)));
      resolve({ statusCode: res.statusCode ?? 0, body: res });
    });
    req.end(options.body);
  });
}

function seconds(ms: number): string {
  return ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`;
}

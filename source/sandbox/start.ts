// Starts a sandbox on a data folder: takes the folder's lock, loads (or makes) its credentials and
// its world, serves the contract's endpoints, and writes DATA/env once it listens.
import { mkdir } from 'node:fs/promises';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import path from 'node:path';
import { UserError } from '../domain/errors.js';
import {
  type Authenticate,
  createAuthenticator,
  loadConsumers,
  loadOrCreateCredentials,
  signedRequest,
} from './auth.js';
import { sandboxEnvLines } from './env-lines.js';
import { HttpError, sendError } from './http/respond.js';
import { Router } from './http/router.js';
import { acquireLock, type SandboxLock } from './lock.js';
import { sandboxFiles } from './paths.js';
import { builtinPlugins, type SandboxPlugin } from './plugins.js';
import { addBrowsingRoutes } from './routes/browsing.js';
import { addNotificationRoutes } from './routes/notifications.js';
import { writeFileAtomic } from './storage/atomic-file.js';
import { StorageWriteError } from './storage/durable-state.js';
import { SandboxStore } from './store/store.js';

/** Stable, so that the lines in DATA/env stay valid across restarts. */
export const DEFAULT_SANDBOX_PORT = 7357;
export const DEFAULT_SANDBOX_HOST = '127.0.0.1';

export interface SandboxOptions {
  dataDir: string;
  /** 0 = ephemeral; default DEFAULT_SANDBOX_PORT. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Serve https with the folder's own CA (see ./tls.ts). */
  tls?: boolean;
  /** Human messages (warnings, internal errors). */
  log?: (line: string) => void;
  /** Default `builtinPlugins`. */
  plugins?: readonly SandboxPlugin[];
  /**
   * Started in-process by `tui` or a command: the folder's lock is released as soon as SIGTERM, SIGHUP
   * or SIGINT arrives, since the process may end without closing the sandbox (see ./lock.ts).
   */
  embedded?: boolean;
}

export interface RunningSandbox {
  /** http(s)://127.0.0.1:PORT */
  url: string;
  port: number;
  host: string;
  dataDir: string;
  token: string;
  secret: string;
  /** For `Authorization: Bearer …`. */
  apiToken: string;
  /** The CA certificate to trust, when serving TLS. */
  caPath?: string;
  /** True when this start created and seeded the world. */
  seeded: boolean;
  store: SandboxStore;
  router: Router;
  server: http.Server | https.Server;
  /** Checks an `Authorization` header value (HTTP or the event socket's oauth frame). */
  authenticate: Authenticate;
  /** Where plugins write human messages (the `log` option). */
  log: (line: string) => void;
  close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions): Promise<RunningSandbox> {
  const dataDir = path.resolve(options.dataDir);
  const host = options.host ?? DEFAULT_SANDBOX_HOST;
  const port = options.port ?? DEFAULT_SANDBOX_PORT;
  const log = options.log ?? (() => {});
  let lock: SandboxLock;
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    lock = await acquireLock(dataDir, host, { releaseOnSignals: options.embedded ?? false });
  } catch (error) {
    throw asUserError(error, dataDir);
  }
  const cleanups: (() => Promise<void>)[] = [() => lock.release()];
  const cleanUp = async () => {
    for (const step of cleanups.splice(0).reverse()) await step().catch(() => {});
  };
  try {
    // Three files of their own, read (or made) side by side: each waits for its own disk flushes.
    const opening = SandboxStore.open(dataDir);
    const credentialsLoaded = loadOrCreateCredentials(dataDir);
    const consumersLoaded = loadConsumers(dataDir);
    try {
      // The first failure in the order they were once made in: credentials, world, consumers.
      await settledAll([credentialsLoaded, opening, consumersLoaded]);
    } catch (error) {
      // A store that did open is closed before the error goes up.
      await opening.then((opened) => opened.close()).catch(() => {});
      throw error;
    }
    const [credentials, consumers, store] = await Promise.all([credentialsLoaded, consumersLoaded, opening]);
    cleanups.push(() => store.close());
    const authenticate = createAuthenticator(credentials, { consumers });
    const router = new Router();
    addNotificationRoutes(router, store);
    addBrowsingRoutes(router, store);

    const handler = (req: IncomingMessage, res: ServerResponse) => {
      void handleRequest(router, authenticate, req, res, log, options.tls ? 'https' : 'http');
    };
    let caPath: string | undefined;
    let server: http.Server | https.Server;
    if (options.tls) {
      const { ensureSandboxTls } = await import('./tls.js');
      const tls = await ensureSandboxTls(dataDir);
      caPath = tls.caPath;
      server = https.createServer({ key: tls.key, cert: tls.cert }, handler);
    } else {
      server = http.createServer(handler);
    }
    const sockets = new Set<Socket>();
    server.on('connection', (socket: Socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    await listen(server, port, host);
    cleanups.push(async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
    });

    const actualPort = (server.address() as { port: number }).port;
    const url = `${options.tls ? 'https' : 'http'}://${urlHost(host)}:${actualPort}`;
    // Side by side; both finished before a failure goes up (and the lock is released).
    await settledAll([
      lock.update({ port: actualPort, url }),
      writeFileAtomic(
        sandboxFiles(dataDir).env,
        sandboxEnvLines({ url, token: credentials.token, secret: credentials.secret, caPath }),
        0o600,
      ),
    ]);

    const sandbox: RunningSandbox = {
      url,
      port: actualPort,
      host,
      dataDir,
      ...credentials,
      caPath,
      seeded: store.seeded,
      store,
      router,
      server,
      authenticate,
      log,
      close: cleanUp,
    };
    for (const plugin of options.plugins ?? builtinPlugins) {
      const installed = await plugin.install(sandbox);
      if (installed) cleanups.push(() => installed.close());
    }
    return sandbox;
  } catch (error) {
    await cleanUp();
    throw asUserError(error, dataDir);
  }
}

/** Waits for every promise, then rejects with the first failure, if any. */
async function settledAll(promises: Promise<unknown>[]): Promise<void> {
  for (const result of await Promise.allSettled(promises)) {
    if (result.status === 'rejected') throw result.reason;
  }
}

/** A file system refusal (permissions, full disk, read-only folder) said in one line, with the folder. */
function asUserError(error: unknown, dataDir: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (
    error instanceof UserError ||
    !code ||
    !['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR', 'EEXIST'].includes(code)
  ) {
    return error;
  }
  return new UserError(`cannot use the sandbox data folder ${dataDir}: ${(error as Error).message}`);
}

async function handleRequest(
  router: Router,
  authenticate: Authenticate,
  req: IncomingMessage,
  res: ServerResponse,
  log: (line: string) => void,
  scheme: 'http' | 'https',
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://sandbox');
  const method = req.method ?? 'GET';
  const match = router.match(method, url.pathname);
  try {
    if (match.kind === 'none') throw new HttpError(404, `no such endpoint: ${method} ${url.pathname}`);
    if (match.kind === 'wrong-method') {
      res.setHeader('allow', match.allowed.join(', '));
      throw new HttpError(
        405,
        `${url.pathname} does not take ${method}; it takes ${match.allowed.join(', ')}`,
      );
    }
    if (match.auth && !authenticate(req.headers.authorization, signedRequest(req, scheme))) {
      throw new HttpError(
        401,
        'not authenticated: sign requests with the sandbox token and secret (see the env file in its data folder)',
      );
    }
    await match.handler({ req, res, params: match.params, query: url.searchParams });
  } catch (error) {
    if (res.headersSent) {
      res.destroy();
    } else if (error instanceof HttpError) {
      sendError(res, error.status, error.message);
    } else if (error instanceof StorageWriteError) {
      // The change was refused before it was applied: nothing of it is seen later (docs/sandbox.md).
      log(`${method} ${url.pathname} refused: ${error.message}`);
      sendError(
        res,
        error.diskFull ? 507 : 500,
        error.diskFull
          ? `${error.message}; the change was not made: free some space there and try again (no restart needed)`
          : `${error.message}; the change was not made`,
      );
    } else {
      log(
        `internal error on ${method} ${url.pathname}: ${error instanceof Error ? error.stack : String(error)}`,
      );
      sendError(res, 500, 'internal error of the sandbox');
    }
  }
}

function listen(server: http.Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.off('listening', onListening);
      if (error.code === 'EADDRINUSE') {
        reject(
          new UserError(
            `port ${port} on ${host} is already in use: stop what uses it or choose another with --port`,
          ),
        );
      } else if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') {
        reject(new UserError(`cannot listen on host ${host}: no such local address (--host)`));
      } else {
        reject(error);
      }
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/** The host to put in URLs: a wildcard bind is reached on loopback; IPv6 literals need brackets. */
function urlHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

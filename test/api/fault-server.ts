// A loopback HTTP server whose answers each test scripts, one handler per request in order (the
// last one repeats): statuses, slow answers, connection resets, broken JSON.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FaultHandler = (req: IncomingMessage, res: ServerResponse, body: string) => void;

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface FaultServer {
  url: string;
  seen: SeenRequest[];
  script(...handlers: FaultHandler[]): void;
  close(): Promise<void>;
}

export async function startFaultServer(): Promise<FaultServer> {
  let handlers: FaultHandler[] = [];
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      const handler = handlers.length > 1 ? handlers.shift()! : handlers[0];
      if (handler) handler(req, res, body);
      else json(200, [])(req, res, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    script(...next) {
      handlers = next;
      seen.length = 0;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export const json =
  (status: number, value: unknown, headers: Record<string, string> = {}): FaultHandler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(value));
  };

export const text =
  (status: number, body: string): FaultHandler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain' });
    res.end(body);
  };

/** Closes the socket without an answer. */
export const reset: FaultHandler = (req) => {
  req.socket.destroy();
};

/** Answers after `ms`, unless the client gave up first. */
export const slow =
  (ms: number, then: FaultHandler): FaultHandler =>
  (req, res, body) => {
    const timer = setTimeout(() => then(req, res, body), ms);
    res.on('close', () => clearTimeout(timer));
  };

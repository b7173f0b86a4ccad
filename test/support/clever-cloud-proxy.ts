// A local stand-in for Clever Cloud reached through a tunnel: it forwards /v2 (and the event socket)
// to a sandbox and answers 404 to the sandbox's own extension API (/sandbox/…), as Clever Cloud would.
// A client must take it for Clever Cloud although it listens on 127.0.0.1.
import { createServer, request } from 'node:http';
import { type AddressInfo, connect } from 'node:net';

export interface CleverCloudProxy {
  url: string;
  close(): Promise<void>;
}

export async function startCleverCloudProxy(sandboxUrl: string): Promise<CleverCloudProxy> {
  const target = new URL(sandboxUrl);
  const server = createServer((req, res) => {
    if (!req.url?.startsWith('/v2/')) {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 404, message: 'Not Found', type: 'error' }));
      return;
    }
    const forward = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', () => res.writeHead(502).end());
    req.pipe(forward);
  });
  // The event socket (/v2/events/event-socket) goes through too, as a tunnel would carry it.
  server.on('upgrade', (req, socket, head) => {
    const upstream = connect(Number(target.port), target.hostname, () => {
      const headers = Object.entries({ ...req.headers, host: target.host })
        .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : value}`)
        .join('\r\n');
      upstream.write(`${req.method} ${req.url} HTTP/1.1\r\n${headers}\r\n\r\n`);
      upstream.write(head);
      upstream.pipe(socket).pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

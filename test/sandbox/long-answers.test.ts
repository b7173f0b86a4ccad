// A long list is answered in pieces (chunked transfer encoding, docs/sandbox.md, "Long answers"): the
// same JSON as one body, read by a plain HTTP client; a short one keeps its Content-Length. And a body
// that arrives in several pieces is read whole.
import http from 'node:http';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ids = seedIds(sandbox);
});
afterAll(() => sandbox.close());

/** GET with node:http: the status, the framing headers and the body's text. */
function get(pathname: string): Promise<{ status: number; headers: http.IncomingHttpHeaders; text: string }> {
  const url = new URL(pathname, sandbox.url);
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { authorization: `Bearer ${sandbox.apiToken}` } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            text: Buffer.concat(chunks).toString(),
          }),
        );
      })
      .once('error', reject);
  });
}

test('the hooks of an owner that has 1,000 come in pieces, as the same JSON, in creation order', async () => {
  const ownerId = ids.acme.id;
  const short = await get(`/v2/notifications/webhooks/${ownerId}`);
  expect(short.headers['content-length']).toBe(String(Buffer.byteLength(short.text)));
  const before = JSON.parse(short.text) as unknown[];
  const names: string[] = [];
  for (let i = before.length; i < 1000; i++) {
    const name = `long list ${i} ${'é'.repeat(i % 7)}`;
    names.push(name);
    await sandbox.store.createWebhook(ownerId, {
      name,
      urls: [{ format: 'raw', url: `https://long.example/${i}` }],
    });
  }
  const long = await get(`/v2/notifications/webhooks/${ownerId}`);
  expect(long.status).toBe(200);
  expect(long.headers['transfer-encoding']).toBe('chunked');
  expect(long.headers['content-length']).toBeUndefined();
  expect(long.headers['content-type']).toBe('application/json; charset=utf-8');
  // Byte for byte what one JSON.stringify of the list gives.
  expect(long.text).toBe(JSON.stringify(sandbox.store.webhooks(ownerId)));
  const hooks = JSON.parse(long.text) as { name: string }[];
  expect(hooks).toHaveLength(1000);
  expect(hooks.slice(before.length).map((h) => h.name)).toEqual(names);
});

test('a body sent in several pieces is read whole', async () => {
  const body = JSON.stringify({
    name: `pieces ${'x'.repeat(200)}`,
    urls: [{ format: 'raw', url: 'https://pieces.example/a' }],
  });
  const url = new URL(`/v2/notifications/webhooks/${ids.labs.id}`, sandbox.url);
  const created = await new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        headers: { authorization: `Bearer ${sandbox.apiToken}`, 'content-type': 'application/json' },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => {
          text += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    req.once('error', reject);
    // No Content-Length: chunked, one write per piece, each flushed before the next.
    const pieces = [body.slice(0, 10), body.slice(10, 100), body.slice(100)];
    const next = () => {
      const piece = pieces.shift();
      if (piece === undefined) req.end();
      else req.write(piece, () => setImmediate(next));
    };
    next();
  });
  expect(created.status).toBe(200);
  expect(JSON.parse(created.text)).toMatchObject({ name: `pieces ${'x'.repeat(200)}` });
  const res = await sandboxFetch(sandbox, `/v2/notifications/webhooks/${ids.labs.id}`);
  expect(((await res.json()) as { name: string }[]).map((h) => h.name)).toContain(
    `pieces ${'x'.repeat(200)}`,
  );
});

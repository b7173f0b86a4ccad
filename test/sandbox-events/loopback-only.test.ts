import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpSender, isLoopbackUrl } from '../../source/sandbox/delivery/http-sender.js';

describe('a sender limited to loopback', () => {
  const server = createServer((_req, res) => res.end('ok'));
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('tells loopback URLs from the others', () => {
    expect(isLoopbackUrl('http://127.0.0.1:80/x')).toBe(true);
    expect(isLoopbackUrl('http://localhost/x')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:9/x')).toBe(true);
    expect(isLoopbackUrl('https://hooks.slack.com/services/T/B/X')).toBe(false);
    expect(isLoopbackUrl('http://127.0.0.1.example/x')).toBe(false);
  });

  it('sends to loopback and refuses anything else at once, as a final failure', async () => {
    const sender = createHttpSender({ loopbackOnly: true, timeoutMs: 2000 });
    try {
      expect(await sender.send(url, '{}')).toMatchObject({ status: 200, responseExcerpt: 'ok' });
      expect(await sender.send('https://hooks.slack.com/services/T/B/X', '{}')).toMatchObject({
        networkFailure: 'not sent: this sandbox delivers to loopback addresses only',
        permanent: true,
      });
    } finally {
      await sender.close();
    }
  });
});

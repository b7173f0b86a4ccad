// httpStream (source/api/http-request.ts), which the live sources read server-sent events with, on a
// real server on loopback: the body as it comes, a silent connection ended, an abort honoured.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpAgent, httpStream } from '../../source/api/http-request.js';

let server: http.Server;
let base: string;
const agent = new HttpAgent({ timeoutMs: 5_000 });

beforeAll(async () => {
  server = http.createServer((req, res) => {
    if (req.url === '/silent-headers') return; // never answers
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.write('data: one\n\n');
    // Then silence: the connection stays open.
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  agent.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('httpStream', () => {
  it('gives the body as it comes, and ends it with an error once it stays silent for idleMs', async () => {
    const answer = await httpStream(`${base}/events`, { method: 'GET', headers: {}, agent, idleMs: 300 });
    expect(answer.statusCode).toBe(200);
    answer.body.setEncoding('utf8');
    const chunks: string[] = [];
    const failure = await (async () => {
      try {
        for await (const chunk of answer.body) chunks.push(chunk as string);
      } catch (error) {
        return error as Error;
      }
      return undefined;
    })();
    expect(chunks.join('')).toBe('data: one\n\n');
    expect(failure?.message).toBe('no data for 300 ms');
  });

  it('rejects with the reason when aborted before the headers', async () => {
    const abort = new AbortController();
    const answer = httpStream(`${base}/silent-headers`, {
      method: 'GET',
      headers: {},
      agent,
      idleMs: 60_000,
      signal: abort.signal,
    });
    abort.abort(new Error('closed'));
    await expect(answer).rejects.toThrow('closed');
  });
});

import { createHmac, randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import WebSocket from 'ws';
import { CLEVER_DEFAULTS } from '../../source/domain/clever-defaults.js';
import { startSandbox } from '../../source/sandbox/start.js';
import { runClever } from '../support/clever-cli.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';

const OTHER = { key: 'my-own-consumer', secret: 'its secret & more', name: 'a third-party tool' };

let sandbox: TestSandbox;
let dataDir: string;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-oauth-'));
  await writeFile(path.join(dataDir, 'consumers.json'), JSON.stringify({ consumers: [OTHER] }));
  sandbox = await startTestSandbox({ dataDir });
});
afterAll(async () => {
  await sandbox.close();
  await rm(dataDir, { recursive: true, force: true });
});

// RFC 3986 unreserved characters stay; everything else is %XX (RFC 5849 §3.6).
function enc(value: string): string {
  return Array.from(Buffer.from(value, 'utf8'))
    .map((byte) => {
      const c = String.fromCharCode(byte);
      return /[A-Za-z0-9\-._~]/.test(c) ? c : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

interface SignOptions {
  method: string;
  url: string;
  algorithm: 'HMAC-SHA1' | 'HMAC-SHA512';
  consumer?: { key: string; secret: string };
  tokenSecret?: string;
  timestamp?: number;
  nonce?: string;
}

function hmacHeader(o: SignOptions): string {
  const consumer = o.consumer ?? {
    key: CLEVER_DEFAULTS.OAUTH_CONSUMER_KEY,
    secret: CLEVER_DEFAULTS.OAUTH_CONSUMER_SECRET,
  };
  const oauth: Record<string, string> = {
    oauth_consumer_key: consumer.key,
    oauth_token: sandbox.token,
    oauth_signature_method: o.algorithm,
    oauth_timestamp: String(o.timestamp ?? Math.floor(Date.now() / 1000)),
    oauth_nonce: o.nonce ?? randomBytes(12).toString('hex'),
    oauth_version: '1.0',
  };
  const url = new URL(o.url);
  const params = [...url.searchParams, ...Object.entries(oauth)]
    .map(([k, v]) => `${enc(k)}=${enc(v)}`)
    .sort();
  const base = `${url.protocol}//${url.host}${url.pathname}`;
  const baseString = [o.method, enc(base), enc(params.join('&'))].join('&');
  const key = `${enc(consumer.secret)}&${enc(o.tokenSecret ?? sandbox.secret)}`;
  const hash = o.algorithm === 'HMAC-SHA1' ? 'sha1' : 'sha512';
  oauth.oauth_signature = createHmac(hash, key).update(baseString).digest('base64');
  return `OAuth ${Object.entries(oauth)
    .map(([k, v]) => `${k}="${enc(v)}"`)
    .join(', ')}`;
}

function send(method: string, pathname: string, authorization: string, body?: unknown) {
  return fetch(`${sandbox.url}${pathname}`, {
    method,
    headers: {
      accept: 'application/json',
      authorization,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
}

describe('HMAC signatures', () => {
  for (const algorithm of ['HMAC-SHA1', 'HMAC-SHA512'] as const) {
    test(`${algorithm}: GET with a query, and a POST, are accepted`, async () => {
      const self = await send(
        'GET',
        '/v2/self',
        hmacHeader({ method: 'GET', url: `${sandbox.url}/v2/self`, algorithm }),
      );
      expect(self.status).toBe(200);
      const user = (await self.json()) as { id: string };
      const appId = sandbox.store.applications(user.id)[0]!.id;
      const listPath = `/v2/organisations/${user.id}/applications/${appId}/deployments?limit=2&offset=0`;
      const list = await send(
        'GET',
        listPath,
        hmacHeader({ method: 'GET', url: `${sandbox.url}${listPath}`, algorithm }),
      );
      expect(list.status).toBe(200);
      expect(await list.json()).toHaveLength(2);
      const hookPath = `/v2/notifications/webhooks/${user.id}`;
      const created = await send(
        'POST',
        hookPath,
        hmacHeader({ method: 'POST', url: `${sandbox.url}${hookPath}`, algorithm }),
        { name: `signed ${algorithm}`, urls: [{ format: 'raw', url: 'https://example.org/h' }] },
      );
      expect(created.status).toBe(200);
    });
  }

  test('a signature over another path, method or secret is refused', async () => {
    const url = `${sandbox.url}/v2/self`;
    const cases = [
      hmacHeader({ method: 'GET', url: `${sandbox.url}/v2/summary`, algorithm: 'HMAC-SHA1' }),
      hmacHeader({ method: 'POST', url, algorithm: 'HMAC-SHA512' }),
      hmacHeader({ method: 'GET', url, algorithm: 'HMAC-SHA1', tokenSecret: 'not-the-secret' }),
      hmacHeader({ method: 'GET', url, algorithm: 'HMAC-SHA1', consumer: { key: 'unknown', secret: 'x' } }),
    ];
    for (const header of cases) expect((await send('GET', '/v2/self', header)).status).toBe(401);
  });

  test('a timestamp outside the window of five minutes is refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    for (const timestamp of [now - 400, now + 400]) {
      const header = hmacHeader({
        method: 'GET',
        url: `${sandbox.url}/v2/self`,
        algorithm: 'HMAC-SHA1',
        timestamp,
      });
      expect((await send('GET', '/v2/self', header)).status).toBe(401);
    }
    const edge = hmacHeader({
      method: 'GET',
      url: `${sandbox.url}/v2/self`,
      algorithm: 'HMAC-SHA1',
      timestamp: now - 200,
    });
    expect((await send('GET', '/v2/self', edge)).status).toBe(200);
  });

  test('a nonce is used once: the same signed request replayed is refused', async () => {
    const header = hmacHeader({ method: 'GET', url: `${sandbox.url}/v2/self`, algorithm: 'HMAC-SHA512' });
    expect((await send('GET', '/v2/self', header)).status).toBe(200);
    const replay = await send('GET', '/v2/self', header);
    expect(replay.status).toBe(401);
    expect(await replay.json()).toMatchObject({ id: 401, type: 'error' });
  });

  test('the event socket takes an HMAC-signed oauth frame (a GET of its URL)', async () => {
    const socketUrl = `${sandbox.url}/v2/events/event-socket`;
    const authorization = hmacHeader({ method: 'GET', url: socketUrl, algorithm: 'HMAC-SHA1' });
    const ws = new WebSocket(socketUrl.replace(/^http/, 'ws'));
    const first = await new Promise<unknown>((resolve, reject) => {
      ws.once('open', () => ws.send(JSON.stringify({ message_type: 'oauth', authorization })));
      ws.once('message', (data) => resolve(JSON.parse(data.toString())));
      ws.once('error', reject);
    });
    ws.close();
    expect(first).toEqual({ message_type: 'socket_ready' });
  });
});

describe('consumers registered in DATA/consumers.json', () => {
  test('sign PLAINTEXT and HMAC; the default consumer still works', async () => {
    const plaintext = `OAuth oauth_consumer_key="${OTHER.key}", oauth_token="${sandbox.token}", oauth_signature="${enc(OTHER.secret)}%26${sandbox.secret}"`;
    expect((await send('GET', '/v2/self', plaintext)).status).toBe(200);
    const hmac = hmacHeader({
      method: 'GET',
      url: `${sandbox.url}/v2/self`,
      algorithm: 'HMAC-SHA512',
      consumer: OTHER,
    });
    expect((await send('GET', '/v2/self', hmac)).status).toBe(200);
    const wrong = `OAuth oauth_consumer_key="${OTHER.key}", oauth_token="${sandbox.token}", oauth_signature="nope%26${sandbox.secret}"`;
    expect((await send('GET', '/v2/self', wrong)).status).toBe(401);
  });

  test('the official clever CLI works with OAUTH_CONSUMER_KEY/SECRET set to the registered pair', async () => {
    const home = path.join(dataDir, 'home');
    const run = (extra: Record<string, string>) =>
      runClever(['webhooks', '--list-all', '-F', 'json'], {
        env: sandbox.env,
        home,
        cwd: dataDir,
        extraEnv: extra,
      }).then((r) => ({ code: r.code, out: r.output }));
    const [registered, unregistered] = await Promise.all([
      run({ OAUTH_CONSUMER_KEY: OTHER.key, OAUTH_CONSUMER_SECRET: OTHER.secret }),
      run({ OAUTH_CONSUMER_KEY: 'never-registered', OAUTH_CONSUMER_SECRET: 'x' }),
    ]);
    expect(registered.code, registered.out).toBe(0);
    expect(JSON.parse(registered.out)).toBeInstanceOf(Array);
    expect(unregistered.code).not.toBe(0);
    // Each `clever` start takes seconds on a busy machine.
  }, 150_000);

  test('a consumers.json of the wrong shape stops the start, naming the file and the field', async () => {
    const bad = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-oauth-bad-'));
    try {
      await writeFile(path.join(bad, 'consumers.json'), JSON.stringify({ consumers: [{ key: 'k' }] }));
      await expect(startSandbox({ dataDir: bad, port: 0 })).rejects.toThrow(
        /consumers\.json: consumers\.0\.secret: /,
      );
    } finally {
      await rm(bad, { recursive: true, force: true });
    }
  });
});

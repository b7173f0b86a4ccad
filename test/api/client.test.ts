import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCleverApi } from '../../source/api/client.js';
import type { Credentials } from '../../source/api/credentials.js';
import { ApiError } from '../../source/api/errors.js';
import { BUILTIN_CATALOGUE } from '../../source/domain/events.js';
import { buildPlaintextHeader } from '../../source/domain/oauth.js';
import { type FaultServer, json, reset, slow, startFaultServer, text } from './fault-server.js';

const OWNER = 'orga_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';
const TOKEN = 'tok-SECRET-TOKEN-value';
const SECRET = 'sec-VERY-SECRET-value';
const CONSUMER_SECRET = 'consumer-SECRET-value';
const hook = {
  id: 'hook-1',
  ownerId: OWNER,
  urls: [{ format: 'raw', url: 'https://example.com' }],
  createdAt: 1735689600000,
};

let server: FaultServer;
const debugLines: string[] = [];

function credentials(kind: Credentials['kind'] = 'oauth'): Credentials {
  const header =
    kind === 'oauth'
      ? buildPlaintextHeader({
          consumerKey: 'ck',
          consumerSecret: CONSUMER_SECRET,
          token: TOKEN,
          secret: SECRET,
        })
      : `Bearer ${TOKEN}`;
  return { kind, source: 'test', apiHost: server.url, authorization: () => header };
}

function client(kind: Credentials['kind'] = 'oauth', timeoutMs = 2000): HttpCleverApi {
  return new HttpCleverApi(credentials(kind), {
    timeoutMs,
    backoffMs: 5,
    retries: 2,
    debug: (line) => debugLines.push(line),
  });
}

beforeAll(async () => {
  server = await startFaultServer();
});
afterAll(async () => {
  await server.close();
});

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

describe('HttpCleverApi', () => {
  it('signs with the PLAINTEXT header and parses the answer, tolerating extra fields', async () => {
    server.script(json(200, [{ ...hook, extra: true, failures: [], state: 'DISABLED' }]));
    const hooks = await client().listWebhooks(OWNER);
    expect(hooks).toEqual([{ ...hook, failures: [], state: 'DISABLED' }]);
    expect(server.seen[0]?.url).toBe(`/v2/notifications/webhooks/${OWNER}`);
    expect(server.seen[0]?.headers.authorization).toBe(
      `OAuth oauth_consumer_key="ck", oauth_token="${TOKEN}", oauth_signature="${CONSUMER_SECRET}%26${SECRET}"`,
    );
    expect(server.seen[0]?.headers.accept).toBe('application/json');
  });

  it('sends JSON bodies and reads an empty DELETE answer as success', async () => {
    server.script(json(200, { ...hook, name: 'n' }), (_req, res) => {
      res.writeHead(204).end();
    });
    const api = client();
    await api.addWebhook(OWNER, { name: 'n', urls: hook.urls as never });
    expect(server.seen[0]?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(server.seen[0]!.body)).toEqual({ name: 'n', urls: hook.urls });
    await expect(api.removeWebhook(OWNER, 'hook-1')).resolves.toBeUndefined();
  });

  it('reads a 404 on a hook list as no hooks', async () => {
    server.script(json(404, { message: 'none' }));
    expect(await client().listEmailHooks(OWNER)).toEqual([]);
  });

  it('names the missing field and the endpoint', async () => {
    server.script(json(200, [{ id: 'x', ownerId: OWNER, createdAt: 1 }]));
    const error = await failure(client().listWebhooks(OWNER));
    expect(error.message).toContain(`GET /v2/notifications/webhooks/${OWNER}`);
    expect(error.message).toContain('`0.urls`');
  });

  it('says so when the answer is not JSON', async () => {
    server.script(text(200, '<html>oops'));
    const error = await failure(client().self());
    expect(error.message).toMatch(/GET \/v2\/self .*not JSON/);
  });

  it('retries an idempotent request on 502, 503, 504 and resets', async () => {
    server.script(text(502, 'bad gateway'), reset, json(200, { id: 'user_x', name: 'Ada' }));
    expect((await client().self()).id).toBe('user_x');
    expect(server.seen.length).toBe(3);
    server.script(text(504, ''), text(503, ''), json(200, { id: 'user_x', name: 'Ada' }));
    expect((await client().self()).id).toBe('user_x');
    expect(server.seen.length).toBe(3);
  });

  it('takes a 404 on a retried DELETE for done', async () => {
    server.script(reset, text(404, 'gone'));
    await expect(client().removeWebhook(OWNER, 'hook-1')).resolves.toBeUndefined();
    expect(server.seen.map((r) => r.method)).toEqual(['DELETE', 'DELETE']);
  });

  it('gives up after the retries with the last status', async () => {
    server.script(text(503, 'maintenance'));
    const error = await failure(client().self());
    expect(error.status).toBe(503);
    expect(error.message).toContain('maintenance');
    expect(server.seen.length).toBe(3);
  });

  it('honours Retry-After on 429', async () => {
    server.script(json(429, { message: 'slow down' }, { 'retry-after': '0' }), json(200, { id: 'user_y' }));
    expect((await client().self()).id).toBe('user_y');
  });

  it('does not wait for a Retry-After longer than its limit', async () => {
    server.script(json(429, { message: 'slow down' }, { 'retry-after': '3600' }));
    const error = await failure(client().self());
    expect(error.status).toBe(429);
    expect(server.seen.length).toBe(1);
  });

  it('never retries a POST', async () => {
    server.script(text(503, 'busy'));
    await failure(client().addWebhook(OWNER, { name: 'n', urls: [] }));
    expect(server.seen.length).toBe(1);
    server.script(reset);
    const error = await failure(client().addEmailHook(OWNER, { name: 'n' }));
    expect(error.message).toMatch(
      /cannot reach 127\.0\.0\.1:\d+ .* \(it may have been applied: list to check\)$/,
    );
    expect(server.seen.length).toBe(1);
  });

  it('times out a slow answer and names the host', async () => {
    server.script(slow(5000, json(200, { id: 'late' })));
    const error = await failure(new HttpCleverApi(credentials(), { timeoutMs: 150, retries: 0 }).self());
    expect(error.message).toMatch(/127\.0\.0\.1:\d+ did not answer GET \/v2\/self within 0\.2 s/);
  });

  it('says how long it waited in all when every attempt timed out', async () => {
    server.script(slow(5000, json(200, { id: 'late' })));
    server.script(slow(5000, json(200, { id: 'late' })));
    const api = new HttpCleverApi(credentials(), { timeoutMs: 150, retries: 1, backoffMs: 10 });
    const error = await failure(api.self());
    expect(error.message).toMatch(/within 0\.2 s \(2 attempts, (0\.[3-9]|[1-9][0-9.]*) s in all\)$/);
  });

  it('names the host when nothing listens', async () => {
    const api = new HttpCleverApi({ ...credentials(), apiHost: 'http://127.0.0.1:1' }, { retries: 0 });
    const error = await failure(api.self());
    expect(error.message).toBe('cannot reach 127.0.0.1:1 (ECONNREFUSED) for GET /v2/self');
  });

  it('explains 401, 403 and 404 with the owner or hook', async () => {
    server.script(json(401, { id: 1, message: 'Invalid token', type: 'error' }));
    const unauthorised = await failure(client().self());
    expect(unauthorised.message).toContain('run `clever login`, or set CLEVER_TOKEN and CLEVER_SECRET');
    expect(unauthorised.message).toContain('Invalid token');
    server.script(json(401, { message: 'expired' }));
    expect((await failure(client('api-token').self())).message).toContain('CLEVER_API_TOKEN');
    server.script(json(403, { error: 'not a member' }));
    const forbidden = await failure(client().listWebhooks(OWNER));
    expect(forbidden.message).toBe(
      `access to the webhooks of organisation ${OWNER} is forbidden (403: not a member)`,
    );
    server.script(text(404, 'no such hook'));
    const missing = await failure(client().removeWebhook(OWNER, 'hook-9'));
    expect(missing.message).toBe(`webhook hook-9 of organisation ${OWNER} was not found (404: no such hook)`);
  });

  it('accepts both shapes of meta_events and falls back to the built-in catalogue', async () => {
    server.script(
      json(200, { events: ['GIT_PUSH', 'META_X'], meta_events: [{ key: 'META_X', events: ['GIT_PUSH'] }] }),
    );
    expect(await client().eventCatalogue()).toEqual({
      events: ['GIT_PUSH'],
      metaEvents: { META_X: ['GIT_PUSH'] },
    });
    server.script(json(200, { events: ['GIT_PUSH'], meta_events: { META_Y: ['GIT_PUSH'] } }));
    expect((await client().eventCatalogue()).metaEvents).toEqual({ META_Y: ['GIT_PUSH'] });
    server.script(text(500, 'down'));
    expect(await new HttpCleverApi(credentials(), { retries: 0 }).eventCatalogue()).toBe(BUILTIN_CATALOGUE);
  });

  it('keeps every credential out of errors and debug output', async () => {
    debugLines.length = 0;
    const echo =
      (status: number) =>
      (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ message: `bad header ${req.headers.authorization}` }));
      };
    const messages: string[] = [];
    for (const kind of ['oauth', 'api-token'] as const) {
      for (const status of [400, 401, 403, 404, 500]) {
        server.script(echo(status));
        messages.push(
          (
            await failure(
              client(kind)
                .listWebhooks(OWNER)
                .then(() => client(kind).self()),
            )
          ).message,
        );
      }
      server.script(reset);
      messages.push((await failure(new HttpCleverApi(credentials(kind), { retries: 0 }).self())).message);
      server.script(text(200, kind === 'oauth' ? `not json ${TOKEN} ${SECRET}` : `not json ${TOKEN}`));
      messages.push((await failure(client(kind).self())).message);
    }
    const everything = [...messages, ...debugLines].join('\n');
    expect(everything).toContain('***');
    for (const secret of [TOKEN, SECRET, CONSUMER_SECRET]) expect(everything).not.toContain(secret);
    expect(debugLines.length).toBeGreaterThan(0);
  });
});

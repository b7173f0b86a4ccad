// What a hook may hold (docs/sandbox.md, "Limits"), and the text the sandbox refuses to store: each
// refusal is a 400 whose message names the field and the limit or the character, and nothing is stored.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Webhook } from '../../source/domain/schemas.js';
import {
  MAX_EVENTS,
  MAX_NAME_LENGTH,
  MAX_RECIPIENTS,
  MAX_URL_LENGTH,
  MAX_URLS_PER_WEBHOOK,
} from '../../source/sandbox/validation.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ids = seedIds(sandbox);
});
afterAll(() => sandbox.close());

const webhooks = () => `/v2/notifications/webhooks/${ids.acme.id}`;
const emailhooks = () => `/v2/notifications/emailhooks/${ids.acme.id}`;
const url = (i = 0) => ({ format: 'raw', url: `https://receiver.example/hook/${i}` });

async function refused(pathname: string, body: unknown, message: RegExp): Promise<void> {
  const before = [...sandbox.store.webhooks(ids.acme.id), ...sandbox.store.emailHooks(ids.acme.id)].length;
  const res = await sandboxFetch(sandbox, pathname, { method: 'POST', json: body });
  const answer = (await res.json()) as { message: string };
  expect(res.status, answer.message).toBe(400);
  expect(answer.message).toMatch(message);
  expect([...sandbox.store.webhooks(ids.acme.id), ...sandbox.store.emailHooks(ids.acme.id)]).toHaveLength(
    before,
  );
}

describe('limits', () => {
  test('URLs per webhook: the limit is accepted, one more (or the 4,000 of the issue) is refused', async () => {
    const atLimit = Array.from({ length: MAX_URLS_PER_WEBHOOK }, (_, i) => url(i));
    const res = await sandboxFetch(sandbox, webhooks(), {
      method: 'POST',
      json: { name: 'wide', urls: atLimit },
    });
    expect(res.status).toBe(200);
    for (const length of [MAX_URLS_PER_WEBHOOK + 1, 4000]) {
      await refused(
        webhooks(),
        { name: 'too wide', urls: Array.from({ length }, (_, i) => url(i)) },
        new RegExp(`^urls: at most ${MAX_URLS_PER_WEBHOOK} URLs per webhook$`),
      );
    }
  });

  test('the length of a name and of a URL', async () => {
    await refused(
      webhooks(),
      { name: 'n'.repeat(MAX_NAME_LENGTH + 1), urls: [url()] },
      new RegExp(`^name: at most ${MAX_NAME_LENGTH} characters \\(got ${MAX_NAME_LENGTH + 1}\\)$`),
    );
    const long = `https://receiver.example/${'p'.repeat(MAX_URL_LENGTH)}`;
    await refused(
      webhooks(),
      { name: 'long', urls: [url(), { format: 'raw', url: long }] },
      new RegExp(`^urls\\.1\\.url: at most ${MAX_URL_LENGTH} characters \\(got ${long.length}\\)$`),
    );
    await refused(
      emailhooks(),
      { name: 'n'.repeat(MAX_NAME_LENGTH + 1) },
      new RegExp(`^name: at most ${MAX_NAME_LENGTH} characters`),
    );
  });

  test('events: duplicates are folded (and stored once) before the count is checked', async () => {
    const res = await sandboxFetch(sandbox, webhooks(), {
      method: 'POST',
      json: {
        name: 'folded',
        urls: [url()],
        events: Array.from({ length: 1000 }, (_, i) => (i % 2 ? 'DEPLOYMENT_SUCCESS' : 'DEPLOYMENT_FAIL')),
      },
    });
    expect(res.status).toBe(200);
    expect(Webhook.parse(await res.json()).events).toEqual(['DEPLOYMENT_FAIL', 'DEPLOYMENT_SUCCESS']);
    await refused(
      webhooks(),
      { name: 'many', urls: [url()], events: Array.from({ length: MAX_EVENTS + 1 }, (_, i) => `EVENT_${i}`) },
      new RegExp(`^events: at most ${MAX_EVENTS} distinct events$`),
    );
  });

  test('e-mail recipients', async () => {
    const notified = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ type: 'email', target: `r${i}@example.org` }));
    const res = await sandboxFetch(sandbox, emailhooks(), {
      method: 'POST',
      json: { name: 'many', notified: notified(MAX_RECIPIENTS) },
    });
    expect(res.status).toBe(200);
    await refused(
      emailhooks(),
      { name: 'too many', notified: notified(MAX_RECIPIENTS + 1) },
      new RegExp(`^notified: at most ${MAX_RECIPIENTS} recipients$`),
    );
  });
});

describe('control characters', () => {
  // [code point, the character]
  const characters: [string, string][] = [
    ['U+0000', '\u0000'],
    ['U+000D', '\r'],
    ['U+000A', '\n'],
    ['U+001B', '\u001B'],
    ['U+007F', '\u007F'],
    ['U+0085', '\u0085'],
    ['U+009B', '\u009B'],
  ];

  test.each(characters)(
    '%s is refused in a name, a URL, an e-mail target and a scope entry',
    async (code, char) => {
      const found = new RegExp(
        `control characters are not allowed \\(found ${code.replace('+', '\\+')} at position 3\\)$`,
      );
      await refused(webhooks(), { name: `ab${char}c`, urls: [url()] }, new RegExp(`^name: ${found.source}`));
      await refused(
        webhooks(),
        { name: 'ok', urls: [url(), { format: 'raw', url: `ht${char}tps://x.example/` }] },
        new RegExp(`^urls\\.1\\.url: ${found.source}`),
      );
      await refused(
        emailhooks(),
        { name: 'ok', notified: [{ type: 'email', target: `ab${char}@example.org` }] },
        new RegExp(`^notified\\.0\\.target: ${found.source}`),
      );
      await refused(
        webhooks(),
        { name: 'ok', urls: [url()], scope: [`ap${char}p_1`] },
        new RegExp(`^scope\\.0: ${found.source}`),
      );
      await refused(emailhooks(), { name: `ab${char}c` }, new RegExp(`^name: ${found.source}`));
    },
  );

  test('text outside those ranges is kept as it is', async () => {
    const name = 'déploiement — 部署 ✓ \u200B';
    const res = await sandboxFetch(sandbox, webhooks(), { method: 'POST', json: { name, urls: [url()] } });
    expect(res.status).toBe(200);
    expect(Webhook.parse(await res.json()).name).toBe(name);
  });
});

describe('URLs', () => {
  test.each([
    ['ftp://receiver.example/', /is not an http\(s\) URL/],
    ['nope', /is not a valid URL/],
    ['http:receiver.example', /must start with http:\/\/ or https:\/\//],
    ['http://', /is not a valid URL/],
    ['https://recei ver.example/', /contains a space/],
    ['https://receiver.example/a b', /contains a space/],
    ['https://a..b/', /no valid host/],
  ])('%s is refused, saying why', async (bad, message) => {
    await refused(webhooks(), { name: 'bad', urls: [{ format: 'raw', url: bad }] }, message);
  });

  test.each([
    'https://receiver.example/hook?x=1#f',
    'http://127.0.0.1:9999/',
    'http://[::1]:8080/x',
    'https://xn--bcher-kva.example/',
    'https://bücher.example/',
    'http://under_score.example/',
    'https://user:secret@receiver.example/',
  ])('%s is accepted', async (good) => {
    const res = await sandboxFetch(sandbox, webhooks(), {
      method: 'POST',
      json: { name: 'good', urls: [{ format: 'raw', url: good }] },
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(Webhook.parse(await res.json()).urls[0]!.url).toBe(good);
  });
});

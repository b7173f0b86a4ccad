// Every endpoint of the Notifications and Browsing tables, over real HTTP on loopback: what it
// answers, and what it refuses and why.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLEVER_DEFAULTS } from '../../source/domain/clever-defaults.js';
import { EVENT_TYPES, META_EVENTS } from '../../source/domain/events.js';
import { isId } from '../../source/domain/ids.js';
import { buildPlaintextHeader } from '../../source/domain/oauth.js';
import { EmailHook, Summary, Webhook } from '../../source/domain/schemas.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ids = seedIds(sandbox);
});
afterAll(() => sandbox.close());

async function json(pathname: string, init?: Parameters<typeof sandboxFetch>[2]) {
  const res = await sandboxFetch(sandbox, pathname, init);
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, text };
}

async function expectError(
  pathname: string,
  init: Parameters<typeof sandboxFetch>[2],
  status: number,
  message: RegExp,
) {
  const res = await json(pathname, init);
  expect(res.status).toBe(status);
  expect(res.body).toEqual({ id: status, message: expect.stringMatching(message), type: 'error' });
}

const webhooksOf = (ownerId: string) => `/v2/notifications/webhooks/${ownerId}`;
const emailhooksOf = (ownerId: string) => `/v2/notifications/emailhooks/${ownerId}`;

describe('authentication', () => {
  test('accepts the OAuth PLAINTEXT header with the default consumer, encoded or not', async () => {
    const header = buildPlaintextHeader({
      consumerKey: CLEVER_DEFAULTS.OAUTH_CONSUMER_KEY,
      consumerSecret: CLEVER_DEFAULTS.OAUTH_CONSUMER_SECRET,
      token: sandbox.token,
      secret: sandbox.secret,
    });
    const res = await sandboxFetch(sandbox, '/v2/self', { auth: false, headers: { authorization: header } });
    expect(res.status).toBe(200);
    // clever-tools' own form: secrets not percent-encoded.
    const raw = `OAuth oauth_consumer_key="${CLEVER_DEFAULTS.OAUTH_CONSUMER_KEY}", oauth_token="${sandbox.token}", oauth_signature="${CLEVER_DEFAULTS.OAUTH_CONSUMER_SECRET}%26${sandbox.secret}"`;
    expect(sandbox.authenticate(raw)).toBe(true);
    expect(sandbox.authenticate(`Bearer ${sandbox.apiToken}`)).toBe(true);
  });

  test('refuses missing or wrong credentials with 401 in the error shape', async () => {
    await expectError('/v2/self', { auth: false }, 401, /not authenticated/);
    await expectError(
      '/v2/self',
      { auth: false, headers: { authorization: 'Bearer nope' } },
      401,
      /not authenticated/,
    );
    const wrongSecret = buildPlaintextHeader({
      consumerKey: CLEVER_DEFAULTS.OAUTH_CONSUMER_KEY,
      consumerSecret: CLEVER_DEFAULTS.OAUTH_CONSUMER_SECRET,
      token: sandbox.token,
      secret: 'not-the-secret',
    });
    await expectError(
      '/v2/self',
      { auth: false, headers: { authorization: wrongSecret } },
      401,
      /not authenticated/,
    );
    const wrongConsumer = buildPlaintextHeader({
      consumerKey: 'someone-else',
      consumerSecret: CLEVER_DEFAULTS.OAUTH_CONSUMER_SECRET,
      token: sandbox.token,
      secret: sandbox.secret,
    });
    expect(sandbox.authenticate(wrongConsumer)).toBe(false);
    expect(sandbox.authenticate(undefined)).toBe(false);
  });
});

describe('browsing', () => {
  test('GET /v2/self is the seeded user', async () => {
    const { status, body } = await json('/v2/self');
    expect(status).toBe(200);
    expect(body).toMatchObject({ id: ids.user.id, name: 'Ada Lovelace', email: 'ada@example.com' });
    expect(isId(body.id, 'user_')).toBe(true);
  });

  test('GET /v2/summary has every owner with all four arrays', async () => {
    const { body } = await json('/v2/summary');
    const summary = Summary.parse(body);
    expect(summary.user.id).toBe(ids.user.id);
    expect(summary.organisations.map((o) => o.name)).toEqual(['Acme Shop', 'Lovelace Labs']);
    for (const owner of [body.user, ...body.organisations]) {
      for (const list of ['applications', 'addons', 'consumers', 'providers']) {
        expect(Array.isArray(owner[list])).toBe(true);
      }
    }
    const acme = summary.organisations[0]!;
    expect(acme.applications.find((a) => a.id === ids.apps.shopFront.id)).toMatchObject({
      name: 'shop-front',
      variantSlug: 'node',
      state: 'SHOULD_BE_UP',
    });
    expect(acme.addons.find((a) => a.id === ids.addons.shopDb.id)).toMatchObject({
      providerId: 'postgresql-addon',
      realId: expect.stringMatching(/^postgresql_/),
    });
  });

  test('GET /v2/organisations lists the personal space, then the organisations', async () => {
    const { body } = await json('/v2/organisations');
    expect(body.map((o: { id: string }) => o.id)).toEqual([ids.user.id, ids.acme.id, ids.labs.id]);
    expect(isId(body[0].id, 'user_')).toBe(true);
    for (const o of body.slice(1)) expect(isId(o.id, 'orga_')).toBe(true);
  });

  test('applications and add-ons of an owner, organisation or user', async () => {
    const apps = (await json(`/v2/organisations/${ids.acme.id}/applications`)).body;
    expect(apps).toHaveLength(5);
    for (const app of apps) {
      expect(isId(app.id, 'app_')).toBe(true);
      expect(app).toMatchObject({ zone: expect.any(String), state: expect.any(String) });
      expect(app.instance.variant.slug).toEqual(expect.any(String));
      expect(app.deployment.httpUrl).toMatch(/^https:/);
      expect(typeof app.creationDate).toBe('number');
    }
    const userApps = (await json(`/v2/organisations/${ids.user.id}/applications`)).body;
    expect(userApps.map((a: { name: string }) => a.name)).toEqual(['blog', 'side-project']);
    const addons = (await json(`/v2/organisations/${ids.acme.id}/addons`)).body;
    expect(addons.map((a: { provider: { name: string } }) => a.provider.name)).toEqual([
      'PostgreSQL',
      'Redis',
      'Cellar S3 storage',
    ]);
    expect(addons[0]).toMatchObject({ region: 'par', plan: { name: 'M', slug: 'm_med' } });
    await expectError(
      `/v2/organisations/orga_00000000-0000-4000-8000-000000000000/addons`,
      {},
      404,
      /owner .* not found/,
    );
  });

  test('deployments: newest first, limit and offset', async () => {
    const base = `/v2/organisations/${ids.acme.id}/applications/${ids.apps.shopFront.id}/deployments`;
    const all = (await json(base)).body as {
      date: number;
      uuid: string;
      state: string;
      author: { id: string };
    }[];
    expect(all.length).toBeGreaterThan(3);
    expect(all.map((d) => d.date)).toEqual([...all.map((d) => d.date)].sort((a, b) => b - a));
    expect(all[0]).toMatchObject({ state: 'OK', action: expect.any(String), cause: expect.any(String) });
    expect(all[0]!.author).toMatchObject({ id: ids.user.id });
    const page = (await json(`${base}?limit=2&offset=1`)).body as { uuid: string }[];
    expect(page.map((d) => d.uuid)).toEqual(all.slice(1, 3).map((d) => d.uuid));
    await expectError(`${base}?limit=-1`, {}, 400, /limit/);
    await expectError(
      `/v2/organisations/${ids.labs.id}/applications/${ids.apps.shopFront.id}/deployments`,
      {},
      404,
      /application .* not found/,
    );
  });
});

describe('notifications: info', () => {
  test('events with the object form of meta_events', async () => {
    const { body } = await json('/v2/notifications/info/events');
    expect(body.events).toEqual(EVENT_TYPES);
    expect(body.meta_events).toEqual(META_EVENTS);
  });
  test('webhook formats', async () => {
    expect((await json('/v2/notifications/info/webhookformats')).body).toEqual([
      'raw',
      'slack',
      'gitter',
      'flowdock',
    ]);
  });
});

describe('webhooks', () => {
  test('the seed holds a slack, a raw and a DISABLED webhook with failures', async () => {
    const acme = (await json(webhooksOf(ids.acme.id))).body.map((h: unknown) => Webhook.parse(h));
    expect(acme.map((h: Webhook) => h.urls[0]!.format).sort()).toEqual(['raw', 'slack']);
    const [disabled] = (await json(webhooksOf(ids.labs.id))).body;
    expect(disabled.state).toBe('DISABLED');
    expect(disabled.failures).toHaveLength(3);
    expect(disabled.failures[0]).toMatchObject({ status: 502, url: disabled.urls[0].url });
  });

  test('add, list, edit (which re-enables), remove', async () => {
    const input = {
      name: 'CI',
      urls: [
        { format: 'raw', url: 'https://ci.example/hook' },
        { format: 'slack', url: 'https://hooks.slack.com/services/X' },
      ],
      events: ['DEPLOYMENT_SUCCESS', 'META_DEPLOYMENT_RESULT'],
      scope: [ids.apps.shopFront.id, ids.addons.shopDb.id],
    };
    const created = await json(webhooksOf(ids.acme.id), { method: 'POST', json: input });
    expect(created.status).toBe(200);
    const hook = Webhook.parse(created.body);
    expect(hook).toMatchObject({ ...input, ownerId: ids.acme.id, state: 'ENABLED', failures: [] });
    expect(Number.isNaN(Date.parse(String(hook.createdAt)))).toBe(false);

    const listed = (await json(webhooksOf(ids.acme.id))).body;
    expect(listed.map((h: { id: string }) => h.id)).toContain(hook.id);

    await sandbox.store.appendWebhookFailure(ids.acme.id, hook.id, {
      url: 'https://ci.example/hook',
      status: 500,
    });
    await sandbox.store.setWebhookState(ids.acme.id, hook.id, 'DISABLED');
    const edited = await json(`${webhooksOf(ids.acme.id)}/${hook.id}`, {
      method: 'PUT',
      json: { name: 'CI (all)', urls: [{ format: 'raw', url: 'http://ci.example/other' }], events: null },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toEqual({
      id: hook.id,
      ownerId: ids.acme.id,
      name: 'CI (all)',
      urls: [{ format: 'raw', url: 'http://ci.example/other' }],
      createdAt: hook.createdAt,
      failures: [],
      state: 'ENABLED',
    });

    const removed = await sandboxFetch(sandbox, `${webhooksOf(ids.acme.id)}/${hook.id}`, {
      method: 'DELETE',
    });
    expect(removed.status).toBe(204);
    expect(await removed.text()).toBe('');
    await expectError(
      `${webhooksOf(ids.acme.id)}/${hook.id}`,
      { method: 'DELETE' },
      404,
      /webhook .* not found/,
    );
  });

  test('an owner with no hooks lists []', async () => {
    const hooks = (await json(webhooksOf(ids.user.id))).body as { id: string }[];
    for (const h of hooks)
      await sandboxFetch(sandbox, `${webhooksOf(ids.user.id)}/${h.id}`, { method: 'DELETE' });
    expect(await json(webhooksOf(ids.user.id))).toMatchObject({ status: 200, body: [] });
  });

  test('refuses what the API refuses, saying what is wrong', async () => {
    const url = webhooksOf(ids.acme.id);
    const ok = { name: 'x', urls: [{ format: 'raw', url: 'https://x.example' }] };
    await expectError(
      url,
      { method: 'POST', json: { ...ok, events: ['NOPE'] } },
      400,
      /unknown event "NOPE"/,
    );
    await expectError(
      url,
      { method: 'POST', json: { ...ok, urls: [{ format: 'teams', url: 'https://x.example' }] } },
      400,
      /unknown format "teams"/,
    );
    await expectError(
      url,
      { method: 'POST', json: { ...ok, urls: [{ format: 'raw', url: 'ftp://x.example' }] } },
      400,
      /not an http\(s\) URL/,
    );
    await expectError(
      url,
      { method: 'POST', json: { ...ok, urls: [{ format: 'raw', url: 'nope' }] } },
      400,
      /not a valid URL/,
    );
    await expectError(url, { method: 'POST', json: { ...ok, urls: [] } }, 400, /at least one URL/);
    await expectError(url, { method: 'POST', json: { ...ok, name: '  ' } }, 400, /name must not be empty/);
    await expectError(url, { method: 'POST', json: { urls: ok.urls } }, 400, /^name:/);
    await expectError(
      url,
      { method: 'POST', json: { ...ok, scope: [ids.apps.mlGateway.id] } },
      400,
      /not owned by/,
    );
    await expectError(
      url,
      { method: 'POST', json: { ...ok, scope: ['app_nope'] } },
      400,
      /not an application or add-on/,
    );
    await expectError(url, { method: 'POST', json: [] }, 400, /JSON object/);
    await expectError(url, { method: 'POST' }, 400, /needs a JSON body/);
    await expectError(
      url,
      { method: 'POST', body: '{"name":', headers: { 'content-type': 'application/json' } },
      400,
      /not valid JSON/,
    );
    await expectError(
      url,
      { method: 'POST', json: { ...ok, name: 'x'.repeat(1024 * 1024 + 1) } },
      413,
      /larger than 1 MiB/,
    );
    await expectError(`${url}/not-a-hook`, { method: 'PUT', json: ok }, 404, /webhook not-a-hook not found/);
    await expectError(webhooksOf('orga_00000000-0000-4000-8000-000000000000'), {}, 404, /owner .* not found/);
  });
});

describe('e-mail hooks', () => {
  test('each owner has its default deployment result e-mails', async () => {
    for (const owner of [ids.user, ids.acme, ids.labs]) {
      const hooks = (await json(emailhooksOf(owner.id))).body.map((h: unknown) => EmailHook.parse(h));
      expect(hooks.map((h: EmailHook) => h.name)).toContain('Default deployment result e-mails');
    }
  });

  test('add with null events and scope (as clever-tools sends), edit, remove', async () => {
    const created = await json(emailhooksOf(ids.labs.id), {
      method: 'POST',
      json: { name: 'Team', notified: [{ type: 'organisation' }], events: null, scope: null },
    });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.any(String),
      ownerId: ids.labs.id,
      name: 'Team',
      notified: [{ type: 'organisation' }],
      createdAt: expect.any(String),
    });
    const id = created.body.id;
    const edited = await json(`${emailhooksOf(ids.labs.id)}/${id}`, {
      method: 'PUT',
      json: {
        name: 'Ops',
        notified: [
          { type: 'email', target: 'a@x.example,b@x.example' },
          { type: 'userid', target: ids.user.id },
        ],
        events: ['META_CREDITS'],
        scope: [ids.addons.datasets.id],
      },
    });
    expect(edited.body).toMatchObject({
      id,
      name: 'Ops',
      events: ['META_CREDITS'],
      scope: [ids.addons.datasets.id],
    });
    const removed = await sandboxFetch(sandbox, `${emailhooksOf(ids.labs.id)}/${id}`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await json(emailhooksOf(ids.labs.id))).body.map((h: { id: string }) => h.id)).not.toContain(id);
  });

  test('refuses bad input and unknown hooks', async () => {
    const url = emailhooksOf(ids.acme.id);
    await expectError(
      url,
      { method: 'POST', json: { name: '', notified: [] } },
      400,
      /name must not be empty/,
    );
    await expectError(
      url,
      { method: 'POST', json: { name: 'x', events: ['DEPLOY'] } },
      400,
      /unknown event "DEPLOY"/,
    );
    await expectError(
      url,
      { method: 'POST', json: { name: 'x', notified: [{ type: 'email', target: '' }] } },
      400,
      /^notified\.0\.target: an email target needs an address$/,
    );
    await expectError(
      url,
      { method: 'POST', json: { name: 'x', scope: [ids.addons.blogDb.id] } },
      400,
      /not owned by/,
    );
    await expectError(`${url}/nope`, { method: 'DELETE' }, 404, /e-mail hook nope not found/);
  });
});

test('unknown paths and methods answer JSON errors', async () => {
  await expectError('/v2/nothing/here', {}, 404, /no such endpoint: GET \/v2\/nothing\/here/);
  await expectError('/v2/self', { method: 'DELETE' }, 405, /takes GET/);
});

import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { EmailHook, Webhook } from '../../source/domain/schemas.js';
import { runClever } from '../support/clever-cli.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

/** Each `clever` start takes seconds, and several at once on a busy machine take tens of seconds. */
const CLEVER_TIMEOUT_MS = 150_000;

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;
let home: string;
let linkedDir: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ids = seedIds(sandbox);
  home = path.join(sandbox.dataDir, 'home');
  linkedDir = path.join(home, 'shop-front');
  await mkdir(linkedDir, { recursive: true });
  await writeFile(
    path.join(linkedDir, '.clever.json'),
    JSON.stringify({
      apps: [
        {
          app_id: ids.apps.shopFront.id,
          org_id: ids.acme.id,
          deploy_url: 'https://push.example/shop-front.git',
          name: 'shop-front',
          alias: 'shop-front',
        },
      ],
    }),
  );
});
afterAll(() => sandbox.close());

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function clever(args: string[], cwd = home): Promise<Run> {
  return runClever(args, { env: sandbox.env, home, cwd });
}

function ok(run: Run): Run {
  expect(run.code, `${run.stdout}${run.stderr}`).toBe(0);
  return run;
}

async function api<T>(pathname: string): Promise<T> {
  return (await sandboxFetch(sandbox, pathname)).json() as Promise<T>;
}
const webhooks = (ownerId: string) => api<Webhook[]>(`/v2/notifications/webhooks/${ownerId}`);
const emailHooks = (ownerId: string) => api<EmailHook[]>(`/v2/notifications/emailhooks/${ownerId}`);

/** What `clever webhooks -F json` prints for a hook. */
const listedWebhook = (h: Webhook) => ({
  id: h.id,
  name: h.name,
  ownerId: h.ownerId,
  services: h.scope ?? [h.ownerId],
  events: h.events ?? ['ALL'],
  urls: h.urls,
});

test(
  'lists: --list-all, --org as id and as name, a linked folder, -F json and human',
  async () => {
    const [listAll, byId, byName, linked, emailByName, emailHuman] = await Promise.all([
      clever(['webhooks', '--list-all', '-F', 'json']),
      clever(['webhooks', '--org', ids.acme.id, '-F', 'json']),
      clever(['webhooks', '--org', 'Acme Shop', '--format', 'json']),
      clever(['webhooks', '-F', 'json'], linkedDir),
      clever(['notify-email', '--org', 'Lovelace Labs', '-F', 'json']),
      clever(['notify-email', '--list-all']),
    ]);
    expect(JSON.parse(ok(listAll).stdout)).toEqual((await webhooks(ids.user.id)).map(listedWebhook));
    const acme = (await webhooks(ids.acme.id)).map(listedWebhook);
    expect(JSON.parse(ok(byId).stdout)).toEqual(acme);
    expect(JSON.parse(ok(byName).stdout)).toEqual(acme);
    // Linked to shop-front: hooks with no scope or with shop-front in it (both seeded Acme hooks).
    expect(JSON.parse(ok(linked).stdout).map((h: { name: string }) => h.name)).toEqual([
      'Slack #deploys',
      'Audit log (raw)',
    ]);
    const labsEmail = await emailHooks(ids.labs.id);
    expect(JSON.parse(ok(emailByName).stdout)).toEqual(
      labsEmail.map((h) => expect.objectContaining({ id: h.id, name: h.name, notified: ['whole team'] })),
    );
    expect(ok(emailHuman).stdout).toContain('Default deployment result e-mails');
  },
  CLEVER_TIMEOUT_MS,
);

test(
  'add and remove, with --format, --event, --service, names, ids and a linked folder',
  async () => {
    const userHook = (await webhooks(ids.user.id))[0]!;
    const labsDefault = (await emailHooks(ids.labs.id)).find(
      (h) => h.name === 'Default deployment result e-mails',
    )!;
    const runs = await Promise.all([
      clever([
        'webhooks',
        'add',
        'ci',
        'https://ci.example/h',
        '--org',
        ids.acme.id,
        '--format',
        'slack',
        '--event',
        'DEPLOYMENT_FAIL,META_CREDITS',
      ]),
      clever([
        'webhooks',
        'add',
        'scoped',
        'http://x.example/h',
        '--org',
        'Lovelace Labs',
        '--service',
        `${ids.apps.mlGateway.id},${ids.addons.datasets.id}`,
      ]),
      clever(['webhooks', 'add', 'linked', 'https://linked.example/h'], linkedDir),
      clever([
        'notify-email',
        'add',
        'team',
        '--notify',
        `a@x.example,${ids.user.id},organisation`,
        '--org',
        'Acme Shop',
        '--event',
        'DEPLOYMENT_SUCCESS',
      ]),
      clever(['notify-email', 'add', 'all-of-it', '--notify', 'me@x.example'], linkedDir),
      clever(['webhooks', 'remove', userHook.id]),
      clever(['notify-email', 'remove', labsDefault.id, '--org', ids.labs.id]),
    ]);
    for (const run of runs) ok(run);

    const acme = await webhooks(ids.acme.id);
    expect(acme.find((h) => h.name === 'ci')).toMatchObject({
      urls: [{ format: 'slack', url: 'https://ci.example/h' }],
      events: ['DEPLOYMENT_FAIL', 'META_CREDITS'],
      state: 'ENABLED',
    });
    expect(acme.find((h) => h.name === 'ci')?.scope).toBeUndefined();
    expect(acme.find((h) => h.name === 'linked')).toMatchObject({
      urls: [{ format: 'raw', url: 'https://linked.example/h' }],
      scope: [ids.apps.shopFront.id],
    });
    expect((await webhooks(ids.labs.id)).find((h) => h.name === 'scoped')).toMatchObject({
      scope: [ids.apps.mlGateway.id, ids.addons.datasets.id],
    });
    expect((await emailHooks(ids.acme.id)).find((h) => h.name === 'team')).toMatchObject({
      notified: [
        { type: 'email', target: 'a@x.example' },
        { type: 'userid', target: ids.user.id },
        { type: 'organisation' },
      ],
      events: ['DEPLOYMENT_SUCCESS'],
    });
    // Without --org, in a linked folder, the linked app's owner and the app as scope.
    expect((await emailHooks(ids.acme.id)).find((h) => h.name === 'all-of-it')).toMatchObject({
      scope: [ids.apps.shopFront.id],
    });
    expect((await webhooks(ids.user.id)).map((h) => h.id)).not.toContain(userHook.id);
    expect((await emailHooks(ids.labs.id)).map((h) => h.id)).not.toContain(labsDefault.id);
  },
  CLEVER_TIMEOUT_MS,
);

test(
  "the sandbox's refusals reach the user through clever-tools",
  async () => {
    const badEvent = await clever([
      'webhooks',
      'add',
      'x',
      'https://x.example',
      '--org',
      ids.acme.id,
      '--event',
      'NOPE',
    ]);
    expect(badEvent.code).not.toBe(0);
    expect(badEvent.stderr).toContain('unknown event "NOPE"');
  },
  CLEVER_TIMEOUT_MS,
);

// Every command, run as the built binary against a live sandbox.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { type CliResult, cleanEnv, runCli } from './cli-support.js';

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;
let home: string;
let env: Record<string, string>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ids = seedIds(sandbox);
  home = await mkdtemp(join(tmpdir(), 'clever-notify-cli-'));
  env = cleanEnv({ ...sandbox.env, HOME: home, CLEVER_NOTIFY_CONFIG_DIR: join(home, 'settings') });
});
afterAll(async () => {
  await sandbox.close();
  await rm(home, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(args, { env, cwd: home });

function ok(result: CliResult): CliResult {
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return result;
}

function failsWith(result: CliResult, pattern: RegExp): void {
  expect(result.code).not.toBe(0);
  expect(result.stdout).toBe('');
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(result.stderr).toMatch(pattern);
}

const jsonOf = <T>(result: CliResult): T => JSON.parse(ok(result).stdout) as T;

interface HookJson {
  id: string;
  name: string;
  ownerId: string;
  services: string[];
  events: string[];
  urls: { format: string; url: string }[];
  state: string;
  failures: unknown[];
  createdAt: string;
}

describe('webhooks', () => {
  it('lists the hooks of an organisation given by name or id, in the clever-tools JSON shape', async () => {
    const byName = jsonOf<HookJson[]>(await cli('webhooks', '--org', ids.acme.name, '-F', 'json'));
    const byId = jsonOf<HookJson[]>(await cli('webhooks', '--org', ids.acme.id, '-F', 'json'));
    expect(byName).toEqual(byId);
    // clever-tools' aliases, and `list` like notify-email's.
    expect(jsonOf<HookJson[]>(await cli('webhooks', 'list', '-o', ids.acme.id, '-F', 'json'))).toEqual(byId);
    expect(jsonOf<HookJson[]>(await cli('webhooks', '--owner', ids.acme.id, '-F', 'json'))).toEqual(byId);
    expect(byName.map((h) => h.id).sort()).toEqual(
      sandbox.store
        .webhooks(ids.acme.id)
        .map((h) => h.id)
        .sort(),
    );
    for (const hook of byName) {
      expect(Object.keys(hook).sort()).toEqual(
        ['createdAt', 'events', 'failures', 'id', 'name', 'ownerId', 'services', 'state', 'urls'].sort(),
      );
    }
  });

  it('prints a table with the state and the last failure', async () => {
    const { stdout } = ok(await cli('webhooks', '--org', ids.labs.id));
    expect(stdout).toMatch(/^ID\s+NAME\s+TARGET.*STATE/);
    expect(stdout).toContain('disabled');
    expect(stdout).toMatch(/HTTP \d{3}|ECONN|timeout/);
  });

  it('adds a webhook with several URLs, edits it, and removes it', async () => {
    const app = ids.apps.shopFront.id;
    const added = jsonOf<HookJson>(
      await cli(
        'webhooks',
        'add',
        'ci',
        'https://example.com/a',
        'slack=https://hooks.slack.com/services/T/B/X',
        '--event',
        'META_DEPLOYMENT_RESULT,GIT_PUSH',
        '--service',
        app,
        '--org',
        ids.acme.name,
        '--json',
      ),
    );
    expect(added).toMatchObject({
      name: 'ci',
      ownerId: ids.acme.id,
      services: [app],
      events: ['META_DEPLOYMENT_RESULT', 'GIT_PUSH'],
      urls: [
        { format: 'raw', url: 'https://example.com/a' },
        { format: 'slack', url: 'https://hooks.slack.com/services/T/B/X' },
      ],
      state: 'ENABLED',
    });

    const edited = jsonOf<HookJson>(
      await cli(
        'webhooks',
        'edit',
        added.id,
        '--org',
        ids.acme.id,
        '--name',
        'ci2',
        '--event',
        'ALL',
        '--json',
      ),
    );
    expect(edited).toMatchObject({
      id: added.id,
      name: 'ci2',
      events: ['ALL'],
      services: [app],
      urls: added.urls,
    });
    expect(sandbox.store.webhook(ids.acme.id, added.id)?.events ?? null).toBeNull();

    const removed = ok(await cli('webhooks', 'remove', added.id, '--org', ids.acme.id));
    expect(removed.stdout).toContain(`Removed webhook ${added.id}`);
    expect(sandbox.store.webhook(ids.acme.id, added.id)).toBeUndefined();
    failsWith(await cli('webhooks', 'remove', added.id, '--org', ids.acme.id), /has no webhook/);
  });

  it('uses the app linked in .clever.json, like clever-tools', async () => {
    const project = await mkdtemp(join(home, 'project-'));
    const app = ids.apps.shopApi.id;
    await writeFile(
      join(project, '.clever.json'),
      JSON.stringify({ apps: [{ app_id: app, org_id: ids.acme.id }] }),
    );
    const nested = join(project, 'src');
    await import('node:fs/promises').then((fs) => fs.mkdir(nested));
    const inProject = (...args: string[]) => runCli(args, { env, cwd: nested });

    const added = ok(await inProject('webhooks', 'add', 'linked', 'https://example.com/linked'));
    expect(added.stdout).toContain(ids.acme.id);
    const listed = jsonOf<HookJson[]>(await inProject('webhooks', '-F', 'json'));
    const linked = listed.find((h) => h.name === 'linked')!;
    expect(linked.services).toEqual([app]);
    for (const hook of listed) {
      expect(hook.services.length === 1 && hook.services[0] === ids.acme.id ? true : hook.services).toSatisfy(
        (v: true | string[]) => v === true || v.includes(app),
      );
    }
    ok(await inProject('webhooks', 'remove', linked.id));
  });

  it('refuses bad input with one line on stderr', async () => {
    failsWith(
      await cli('webhooks', 'add', 'x', 'https://e.test', '--service', ids.apps.shopApi.id),
      /--service needs --org/,
    );
    failsWith(await cli('webhooks', 'add', 'x', 'nope', '--org', ids.acme.id), /"nope" is not a URL/);
    failsWith(
      await cli('webhooks', 'add', 'x', 'https://e.test', '--event', 'FOO', '--org', ids.acme.id),
      /unknown event "FOO"/,
    );
    failsWith(
      await cli(
        'webhooks',
        'add',
        'x',
        'https://e.test',
        '--org',
        ids.acme.id,
        '--service',
        ids.apps.blog.id,
      ),
      /is not an app or add-on of orga_/,
    );
    failsWith(
      await cli('webhooks', '--org', 'No Such Org'),
      /unknown organisation "No Such Org": yours are .*Acme/,
    );
    failsWith(await cli('webhooks'), /no application is linked here/);
    failsWith(
      await cli('webhooks', 'edit', 'missing', '--org', ids.acme.id, '--name', 'x'),
      /has no webhook missing/,
    );
  });

  it('accepts an API token, sent as Bearer to AUTH_BRIDGE_HOST', async () => {
    const { CLEVER_TOKEN: _t, CLEVER_SECRET: _s, API_HOST: _h, ...rest } = env;
    const result = await runCli(['webhooks', '--org', ids.acme.id, '-F', 'json'], {
      env: { ...rest, CLEVER_API_TOKEN: sandbox.apiToken, AUTH_BRIDGE_HOST: sandbox.url },
      cwd: home,
    });
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).length).toBe(sandbox.store.webhooks(ids.acme.id).length);
  });

  it('logs each request with CLEVER_NOTIFY_DEBUG, never the credentials', async () => {
    const result = await runCli(['webhooks', '--org', ids.acme.name, '-F', 'json'], {
      env: { ...env, CLEVER_NOTIFY_DEBUG: '1' },
      cwd: home,
    });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^debug: GET \/v2\/summary → 200 \(\d+ ms\)$/m);
    expect(result.stderr).toMatch(
      new RegExp(`^debug: GET /v2/notifications/webhooks/${ids.acme.id} → 200`, 'm'),
    );
    for (const secret of [sandbox.token, sandbox.secret, sandbox.apiToken])
      expect(result.stderr).not.toContain(secret);
  });

  it('explains bad credentials', async () => {
    const result = await runCli(['webhooks', '--org', ids.acme.id], {
      env: { ...env, CLEVER_SECRET: 'wrong-secret-value' },
      cwd: home,
    });
    failsWith(
      result,
      /refused the credentials \(401.*run `clever login`, or set CLEVER_TOKEN and CLEVER_SECRET/,
    );
    expect(result.stderr).not.toContain('wrong-secret-value');
  });
});

describe('notify-email', () => {
  it('adds, lists, edits and removes an e-mail hook', async () => {
    const added = jsonOf<{ id: string; notified: string[]; services: string[] }>(
      await cli(
        'notify-email',
        'add',
        'ops',
        '--notify',
        `ops@example.com,${ids.user.id},organisation`,
        '--event',
        'DEPLOYMENT_FAIL',
        '--org',
        ids.acme.id,
        '--json',
      ),
    );
    expect(added.notified).toEqual(['ops@example.com', ids.user.id, 'whole team']);
    expect(added.services).toEqual([ids.acme.id]);

    const listed = jsonOf<{ id: string; name: string }[]>(
      await cli('notify-email', 'list', '--org', ids.acme.id, '-F', 'json'),
    );
    expect(listed.map((h) => h.id)).toContain(added.id);
    expect(listed.map((h) => h.name)).toContain('Default deployment result e-mails');
    const human = ok(await cli('notify-email', '--org', ids.acme.id));
    expect(human.stdout).toMatch(/^ID\s+NAME\s+RECIPIENTS/);
    expect(human.stdout).toContain('ops@example.com');

    const edited = jsonOf<{ notified: string[]; events: string[] }>(
      await cli(
        'notify-email',
        'edit',
        added.id,
        '--notify',
        'dev@example.com',
        '--org',
        ids.acme.id,
        '--json',
      ),
    );
    expect(edited).toMatchObject({ notified: ['dev@example.com'], events: ['DEPLOYMENT_FAIL'] });
    ok(await cli('notify-email', 'remove', added.id, '--org', ids.acme.id));
    expect(sandbox.store.emailHook(ids.acme.id, added.id)).toBeUndefined();
  });

  it('refuses invalid targets', async () => {
    failsWith(
      await cli('notify-email', 'add', 'x', '--notify', 'ops@', '--org', ids.acme.id),
      /"ops@" is not a valid e-mail address/,
    );
    const missing = await cli('notify-email', 'add', 'x', '--org', ids.acme.id);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("required option '--notify <targets>' not specified");
  });
});

describe('events and apps', () => {
  it('lists the catalogue with META expansions', async () => {
    const catalogue = jsonOf<{ events: string[]; metaEvents: Record<string, string[]> }>(
      await cli('events', '-F', 'json'),
    );
    expect(catalogue.events).toContain('DEPLOYMENT_SUCCESS');
    expect(catalogue.metaEvents.META_DEPLOYMENT_RESULT).toEqual(['DEPLOYMENT_FAIL', 'DEPLOYMENT_SUCCESS']);
    const human = ok(await cli('events'));
    expect(human.stdout).toMatch(/META_SERVICE_LIFECYCLE\s+APPLICATION_STOP, DEPLOYMENT_ACTION_BEGIN/);
  });

  it('lists apps and add-ons with their ids', async () => {
    const rows = jsonOf<{ id: string; kind: string; name: string }[]>(
      await cli('apps', '--org', ids.acme.name, '-F', 'json'),
    );
    expect(rows).toContainEqual(
      expect.objectContaining({ id: ids.apps.shopFront.id, kind: 'app', name: 'shop-front' }),
    );
    expect(rows).toContainEqual(expect.objectContaining({ id: ids.addons.shopDb.id, kind: 'addon' }));
    const all = ok(await cli('apps'));
    expect(all.stdout).toContain(ids.apps.mlGateway.id);
    expect(all.stdout).toContain(ids.addons.blogDb.id);
  });
});

describe('add and edit give scripts the id', () => {
  const listed = async (command: string, id: string) =>
    jsonOf<{ id: string }[]>(await cli(command, '--org', ids.acme.id, '--list-all', '-F', 'json')).find(
      (h) => h.id === id,
    );

  it('webhooks: -F json prints the hook as the list does, -F human one line with its id', async () => {
    const added = jsonOf<HookJson>(
      await cli('webhooks', 'add', 'scripted', 'https://example.com/s', '--org', ids.acme.id, '-F', 'json'),
    );
    expect(added).toEqual(await listed('webhooks', added.id));
    // Before the subcommand, -F is the parent's: it still asks for JSON.
    const before = jsonOf<HookJson>(
      await cli('webhooks', '-F', 'json', 'add', 'before', 'https://example.com/b', '--org', ids.acme.id),
    );
    expect(before).toEqual(await listed('webhooks', before.id));
    // --format stays the URLs' format next to -F.
    const edited = jsonOf<HookJson>(
      await cli('webhooks', 'edit', added.id, '--format', 'slack', '--org', ids.acme.id, '-F', 'json'),
    );
    expect(edited).toEqual(await listed('webhooks', added.id));
    expect(edited.urls).toEqual([{ format: 'slack', url: 'https://example.com/s' }]);

    const line = ok(
      await cli('webhooks', 'add', 'human', 'https://example.com/h', '--org', ids.acme.id, '-F', 'human'),
    ).stdout;
    const id = /^Added webhook (\S+) \(human\) for orga_\S+\.\n$/.exec(line)?.[1];
    expect(sandbox.store.webhook(ids.acme.id, id!)?.name).toBe('human');
    const editLine = ok(await cli('webhooks', 'edit', id!, '--name', 'h2', '--org', ids.acme.id)).stdout;
    expect(editLine).toBe(`Edited webhook ${id} (h2) for ${ids.acme.id}.\n`);
    for (const hook of [added.id, before.id, id!])
      ok(await cli('webhooks', 'remove', hook, '--org', ids.acme.id));
  });

  it('notify-email: -F json prints the hook as the list does, -F human one line with its id', async () => {
    const add = ['notify-email', 'add', 'scripted', '--notify', 'ops@example.com', '--org', ids.acme.id];
    const added = jsonOf<{ id: string }>(await cli(...add, '-F', 'json'));
    expect(added).toEqual(await listed('notify-email', added.id));
    const edited = jsonOf<{ id: string; name: string }>(
      await cli('notify-email', 'edit', added.id, '--name', 'renamed', '--org', ids.acme.id, '-F', 'json'),
    );
    expect(edited).toEqual(await listed('notify-email', added.id));
    expect(edited.name).toBe('renamed');
    const line = ok(await cli(...add, '-F', 'human')).stdout;
    const id = /^Added e-mail hook (\S+) \(scripted\) for orga_\S+\.\n$/.exec(line)?.[1];
    expect(sandbox.store.emailHook(ids.acme.id, id!)?.name).toBe('scripted');
    for (const hook of [added.id, id!]) ok(await cli('notify-email', 'remove', hook, '--org', ids.acme.id));
  });
});

describe('usage errors', () => {
  it('are one line that names the command whose --help explains it', async () => {
    failsWith(
      await cli('webhooks', '-x'),
      /^clever-notify: unknown option '-x' \(see clever-notify webhooks --help\)\n$/,
    );
    failsWith(
      await cli('webhooks', 'add', 'x', 'https://e.test', '--bogus'),
      /^clever-notify: unknown option '--bogus' \(see clever-notify webhooks add --help\)\n$/,
    );
    failsWith(
      await cli('webhoks'),
      /^clever-notify: unknown command 'webhoks' \(did you mean webhooks\?\) \(see clever-notify --help\)\n$/,
    );
    failsWith(
      await cli('notify-email', 'add', 'x'),
      /^clever-notify: required option '--notify <targets>' not specified \(see clever-notify notify-email add --help\)\n$/,
    );
    failsWith(
      await cli('apps', '-F', 'xml'),
      /^clever-notify: option '-F, --format <format>' argument 'xml' is invalid\. Allowed choices are human, json \(see clever-notify apps --help\)\n$/,
    );
  });
});

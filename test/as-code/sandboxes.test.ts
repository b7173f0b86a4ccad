// export, plan and apply as the built binary, between two sandboxes seeded alike (same names,
// different ids), as a team moves its set-up from one account to another.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Webhook } from '../../source/domain/schemas.js';
import { type CliResult, cleanEnv, runCli } from '../commands/cli-support.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

const SLACK_VARIABLE = 'ACME_SHOP_SLACK_DEPLOYS_SLACK_TOKEN';
const SLACK_TOKEN = 'sandbox0000000000000000';
const PASSWORD_VARIABLE = 'LOVELACE_LABS_BUILD_BOT_URL_PASSWORD';

let a: TestSandbox;
let b: TestSandbox;
let home: string;

beforeAll(async () => {
  [a, b] = await Promise.all([startTestSandbox(), startTestSandbox()]);
  home = await mkdtemp(join(tmpdir(), 'clever-notify-as-code-'));
  // A's set-up differs from the seed that B still has: a hook added, one changed, one removed.
  const ids = seedIds(a);
  await sandboxFetch(a, `/v2/notifications/webhooks/${ids.labs.id}`, {
    method: 'POST',
    json: {
      name: 'Build bot',
      urls: [{ format: 'raw', url: 'https://bot:hunter2@ci.lovelace-labs.example/build' }],
      events: ['META_SERVICE_LIFECYCLE'],
      scope: [ids.apps.mlGateway.id, ids.addons.datasets.id],
    },
  });
  const acmeHooks = (await (
    await sandboxFetch(a, `/v2/notifications/webhooks/${ids.acme.id}`)
  ).json()) as Webhook[];
  const audit = acmeHooks.find((h) => h.name === 'Audit log (raw)')!;
  await sandboxFetch(a, `/v2/notifications/webhooks/${ids.acme.id}/${audit.id}`, {
    method: 'PUT',
    json: { name: audit.name, urls: audit.urls, events: ['DEPLOYMENT_FAIL'], scope: [ids.apps.shopApi.id] },
  });
  const userHooks = (await (
    await sandboxFetch(a, `/v2/notifications/webhooks/${ids.user.id}`)
  ).json()) as Webhook[];
  for (const hook of userHooks) {
    await sandboxFetch(a, `/v2/notifications/webhooks/${ids.user.id}/${hook.id}`, { method: 'DELETE' });
  }
});
afterAll(async () => {
  await Promise.all([a?.close(), b?.close()]);
  await rm(home, { recursive: true, force: true });
});

function cli(sandbox: TestSandbox, args: string[], extra: Record<string, string> = {}): Promise<CliResult> {
  const env = cleanEnv({
    ...sandbox.env,
    HOME: home,
    CLEVER_NOTIFY_CONFIG_DIR: join(home, 'settings'),
    ...extra,
  });
  return runCli(args, { env, cwd: home });
}

const secrets = { [SLACK_VARIABLE]: SLACK_TOKEN, [PASSWORD_VARIABLE]: 'hunter2' };

/** The file without the owners' ids, which differ between the two sandboxes. */
const withoutIds = (text: string) => text.replace(/^ {4}id: (user|orga)_[0-9a-f-]+$/gm, '    id: …');

async function hooksOf(sandbox: TestSandbox, ownerId: string): Promise<Webhook[]> {
  return (await (await sandboxFetch(sandbox, `/v2/notifications/webhooks/${ownerId}`)).json()) as Webhook[];
}

// Each test runs the binary several times: generous margins for CI's two busy cores.
describe('export A, apply to B', { timeout: 90_000 }, () => {
  it('makes B export exactly as A (ids aside), and a second apply finds nothing to do', async () => {
    const fileA = join(home, 'a.yaml');
    const exported = await cli(a, ['export', '-o', fileA]);
    expect(exported.code).toBe(0);
    expect(exported.stderr).toContain('Exported 4 webhooks and 4 e-mail hooks of 3 owners');
    expect(exported.stderr).toContain(`${SLACK_VARIABLE}  the Slack token of "Slack #deploys" (Acme Shop)`);
    expect(exported.stderr).toContain(
      `${PASSWORD_VARIABLE}  the URL password of "Build bot" (Lovelace Labs)`,
    );
    const text = await readFile(fileA, 'utf8');
    expect(text).toContain(`url: https://bot:\${${PASSWORD_VARIABLE}}@ci.lovelace-labs.example/build`);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain(SLACK_TOKEN);
    // Re-exporting gives the same text.
    expect((await cli(a, ['export'])).stdout).toBe(text);

    const plan = await cli(b, ['plan', '-f', fileA, '--prune'], secrets);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('Plan: 1 to add, 1 to change, 1 to remove.');
    const applied = await cli(b, ['apply', '-f', fileA, '--prune', '--yes'], secrets);
    expect(applied.stderr).toBe('');
    expect(applied.code).toBe(0);
    // Adds first, removals last: a stop halfway leaves more hooks rather than fewer.
    expect(applied.stdout).toMatch(/^\[1\/3\] .*: added webhook "Build bot" \(/m);
    expect(applied.stdout).toMatch(/^\[2\/3\] .*: changed webhook "Audit log \(raw\)"/m);
    expect(applied.stdout).toMatch(/^\[3\/3\] .*: removed webhook "Personal notifier"/m);
    expect(applied.stdout).toContain('Applied 3 changes.');

    expect(withoutIds((await cli(b, ['export'])).stdout)).toBe(withoutIds(text));
    const again = await cli(b, ['apply', '-f', fileA, '--prune', '--yes'], secrets);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Nothing to do: the hooks match the file.');
    expect((await cli(b, ['plan', '-f', fileA, '--prune'], secrets)).code).toBe(0);
  });
});

describe('plan and apply on one sandbox', { timeout: 60_000 }, () => {
  let file: string;
  let text: string;
  beforeAll(async () => {
    file = join(home, 'b.yaml');
    expect((await cli(b, ['export', '-o', file])).code).toBe(0);
    text = await readFile(file, 'utf8');
  });

  it('lists the problems of a file that is not a notifications file, one per line', async () => {
    const bad = join(home, 'bad.yaml');
    await writeFile(bad, 'version: 1\nowners: 3\nextra: x\n');
    const plan = await cli(b, ['plan', '-f', bad]);
    expect(plan.code).toBe(1);
    expect(plan.stderr).toBe(
      `clever-notify: ${bad} is not a notifications file:\n` +
        '  owners: Invalid input: expected array, received number\n' +
        '  Unrecognized key: "extra"\n',
    );
  });

  it('plans exactly one change for one edited URL, and applies it in place, keeping the id', async () => {
    const acme = seedIds(b).acme.id;
    const before = (await hooksOf(b, acme)).find((h) => h.name === 'Audit log (raw)')!;
    const edited = join(home, 'edited.yaml');
    await writeFile(
      edited,
      text.replace('https://audit.acme.example/clever-cloud/events', 'https://audit.acme.example/v2'),
    );
    const plan = await cli(b, ['plan', '-f', edited], secrets);
    expect(plan.code).toBe(2);
    expect(plan.stdout.match(/^ {2}[+~-] /gm)).toEqual(['  ~ ']);
    expect(plan.stdout).toContain(`~ change webhook "Audit log (raw)" (${before.id})`);
    expect(plan.stdout).toContain(
      'urls: raw https://audit.acme.example/clever-cloud/events → raw https://audit.acme.example/v2',
    );
    expect(plan.stdout).toContain('Plan: 0 to add, 1 to change, 0 to remove.');
    expect((await cli(b, ['apply', '-f', edited, '--yes'], secrets)).code).toBe(0);
    const after = (await hooksOf(b, acme)).find((h) => h.name === 'Audit log (raw)')!;
    expect(after.id).toBe(before.id);
    expect(after.urls).toEqual([{ format: 'raw', url: 'https://audit.acme.example/v2' }]);
    expect((await cli(b, ['apply', '-f', file, '--yes'], secrets)).code).toBe(0);
  });

  it('removes what the file lacks only with --prune, and nothing else', async () => {
    const labs = seedIds(b).labs.id;
    const lacking = join(home, 'lacking.yaml');
    const start = text.indexOf('      - name: Build bot');
    const end = text.indexOf('      - name: Old CI trigger', start);
    await writeFile(lacking, text.slice(0, start) + text.slice(end));
    const kept = await cli(b, ['apply', '-f', lacking, '--yes'], secrets);
    expect(kept.stderr).toBe('');
    expect(kept.stdout).toContain('1 not in the file, kept (--prune removes them)');
    expect(kept.stdout).toContain('Nothing to do');
    expect((await hooksOf(b, labs)).map((h) => h.name).sort()).toEqual(['Build bot', 'Old CI trigger']);
    const pruned = await cli(b, ['apply', '-f', lacking, '--yes', '--prune'], secrets);
    expect(pruned.stdout).toMatch(/\[1\/1\] .*removed webhook "Build bot"/);
    expect((await hooksOf(b, labs)).map((h) => h.name)).toEqual(['Old CI trigger']);
    expect((await cli(b, ['apply', '-f', file, '--yes'], secrets)).code).toBe(0);
  });

  it('substitutes variables, and names an unset one without a request', async () => {
    const unset = await cli(b, ['plan', '-f', file], {
      [PASSWORD_VARIABLE]: 'hunter2',
      CLEVER_NOTIFY_DEBUG: '1',
    });
    expect(unset.code).toBe(1);
    expect(unset.stderr).toContain(`the environment variable ${SLACK_VARIABLE} is not set`);
    expect(unset.stderr).not.toContain('debug:');
    // Another value is a change of the URL, shown without the secret.
    const other = await cli(b, ['plan', '-f', file], { ...secrets, [SLACK_VARIABLE]: 'another-token' });
    expect(other.code).toBe(2);
    expect(other.stdout).toContain('~ change webhook "Slack #deploys"');
    expect(other.stdout).not.toContain('another-token');
  });

  it('refuses two hooks of one owner with the same name before any request', async () => {
    const twice = join(home, 'twice.yaml');
    await writeFile(
      twice,
      'version: 1\nowners:\n  - name: Acme Shop\n    webhooks:\n' +
        '      - {name: ci, urls: [{url: "https://a.example/"}]}\n' +
        '      - {name: ci, urls: [{url: "https://b.example/"}]}\n',
    );
    const refused = await cli(b, ['apply', '-f', twice, '--yes'], { CLEVER_NOTIFY_DEBUG: '1' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      'owners[0].webhooks[1]: "ci" is also the name of webhooks[0] of "Acme Shop"',
    );
    expect(refused.stderr).not.toContain('debug:');
  });

  it('refuses a name that matches two existing hooks, writing nothing', async () => {
    const acme = seedIds(b).acme.id;
    const created = await sandboxFetch(b, `/v2/notifications/webhooks/${acme}`, {
      method: 'POST',
      json: { name: 'Audit log (raw)', urls: [{ format: 'raw', url: 'https://twin.example/' }] },
    });
    const twin = (await created.json()) as Webhook;
    const refused = await cli(b, ['apply', '-f', file, '--yes', '--prune'], {
      ...secrets,
      CLEVER_NOTIFY_DEBUG: '1',
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/"Acme Shop" has 2 webhooks named "Audit log \(raw\)"/);
    expect(refused.stderr).not.toMatch(/debug: (POST|PUT|DELETE)/);
    await sandboxFetch(b, `/v2/notifications/webhooks/${acme}/${twin.id}`, { method: 'DELETE' });
  });

  it('stops at the first refused request and says what was already done', async () => {
    const partial = join(home, 'partial.yaml');
    await writeFile(
      partial,
      'version: 1\nowners:\n  - name: Acme Shop\n    emailHooks:\n' +
        '      - {name: a first, notify: [me]}\n' +
        '      - {name: b refused, notify: [{type: sms, target: "+33600000000"}]}\n' +
        '      - {name: c never, notify: [me]}\n',
    );
    const stopped = await cli(b, ['apply', '-f', partial, '--yes']);
    expect(stopped.code).toBe(1);
    expect(stopped.stdout).toMatch(/\[1\/3\] .*added e-mail hook "a first"/);
    expect(stopped.stderr).toMatch(
      /stopped at step 2 of 3, add e-mail hook "b refused" of Acme Shop .*: .*unknown target type "sms".*; 1 of 3 steps already done/,
    );
    const names = (await (
      await sandboxFetch(b, `/v2/notifications/emailhooks/${seedIds(b).acme.id}`)
    ).json()) as {
      name: string;
    }[];
    expect(names.map((h) => h.name)).toContain('a first');
    expect(names.map((h) => h.name)).not.toContain('c never');
  });

  it('asks before applying, and without a terminal refuses unless --yes', async () => {
    const edited = join(home, 'ask.yaml');
    await writeFile(
      edited,
      text.replace('https://audit.acme.example/clever-cloud/events', 'https://x.example/'),
    );
    const refused = await cli(b, ['apply', '-f', edited], { ...secrets, CLEVER_NOTIFY_DEBUG: '1' });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('there is no terminal to ask: add --yes');
    expect(refused.stderr).not.toContain('debug:');
  });
});

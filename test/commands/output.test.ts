// The human output of the built binary against a live sandbox: outside text never drives the
// terminal, secrets are masked (JSON stays exact), ids are short and prefixes work, mistakes get a
// "did you mean", and an API out of reach is said as such.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { sandboxApi } from '../ui/support.js';
import { type CliResult, cleanEnv, runCli } from './cli-support.js';

const ESC = '\u001b';
const EVIL = `evil${ESC}]0;PWNED\u0007${ESC}[2J`;
const SLACK = 'https://hooks.slack.com/services/T1/B2/sup3rs3cret';

let sandbox: TestSandbox;
let home: string;
let env: Record<string, string>;
let orgId: string;
const ids: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  orgId = seedIds(sandbox).labs.id;
  home = await mkdtemp(join(tmpdir(), 'clever-notify-output-'));
  env = cleanEnv({ ...sandbox.env, HOME: home, CLEVER_NOTIFY_CONFIG_DIR: join(home, 'settings') });
  // Written into the store directly: the sandbox refuses control characters (docs/sandbox.md), but
  // Clever Cloud stores what any member of an organisation names a hook, and that is what is tested.
  const { store } = sandbox;
  ids.push((await store.createWebhook(orgId, { name: EVIL, urls: [{ format: 'slack', url: SLACK }] })).id);
  const huge = {
    name: `🚀 デプロイ ${'x'.repeat(60_000)}`,
    urls: [{ format: 'raw' as const, url: `https://bot:hunter2@example.org/${EVIL}` }],
    events: Array.from({ length: 10_000 }, () => 'DEPLOYMENT_FAIL'),
  };
  ids.push((await store.createWebhook(orgId, huge)).id);
});
afterAll(async () => {
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(args, { env, cwd: home });

function noInjection(result: CliResult) {
  for (const text of [result.stdout, result.stderr]) {
    expect(text).not.toContain(ESC);
    expect(text).not.toContain('\u0007');
  }
}

describe('human output of the built binary', () => {
  it('shows hostile names and URLs as visible escapes, secrets masked, and a huge hook without a crash', async () => {
    for (const args of [[], ['--wide']]) {
      const result = await cli('webhooks', '--org', orgId, ...args);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      noInjection(result);
      expect(result.stdout).toContain('evil\\e]0;PWNED\\x07\\e[2J');
      expect(result.stdout).toContain('https://hooks.slack.com/services/T1/B2/••••');
      expect(result.stdout).not.toContain('sup3rs3cret');
      expect(result.stdout).not.toContain('hunter2');
      // One line per hook, with the short id of each.
      const lines = result.stdout.trimEnd().split('\n');
      expect(lines).toHaveLength(1 + 3);
      for (const id of ids) expect(result.stdout).toContain(id.slice(0, 7));
    }
    const shown = await cli('webhooks', '--org', orgId, '--show-secrets');
    expect(shown.stdout).toContain(SLACK);
    noInjection(shown);
    // JSON stays exact: the real URL, the real name (JSON escaping makes it harmless).
    const json = await cli('webhooks', '--org', orgId, '-F', 'json');
    noInjection(json);
    const hooks = JSON.parse(json.stdout) as { name: string; urls: { url: string }[] }[];
    expect(hooks.map((h) => h.name)).toContain(EVIL);
    expect(hooks.flatMap((h) => h.urls.map((u) => u.url))).toContain(SLACK);
  }, 60_000);

  it('edits, tests and removes by an unambiguous id prefix, and lists the matches of an ambiguous one', async () => {
    const edited = await cli('webhooks', 'edit', ids[0]!.slice(0, 8), '--name', 'tamed', '--org', orgId);
    expect(edited.stderr).toBe('');
    expect(edited.stdout).toContain(`Edited webhook ${ids[0]} (tamed)`);
    const none = await cli('webhooks', 'remove', 'zzzz', '--org', orgId);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/has no webhook zzzz/);
    const api = await sandboxApi(sandbox);
    // Two hooks whose ids share a first character are likely among a few: find a shared prefix.
    const all = (await api.listWebhooks(orgId)).map((h) => h.id);
    await api.close();
    const shared = all.flatMap((a) => all.filter((b) => b !== a && b[0] === a[0]).map(() => a[0]!))[0];
    if (shared) {
      const ambiguous = await cli('webhooks', 'remove', shared, '--org', orgId);
      expect(ambiguous.code).toBe(1);
      expect(ambiguous.stderr).toMatch(/is the start of \d+ webhooks' ids: .*give more of the id/);
    }
    const removed = await cli('webhooks', 'remove', ids[0]!.slice(0, 10), '--org', orgId);
    expect(removed.stdout).toContain(`Removed webhook ${ids[0]} (tamed)`);
  }, 60_000);

  it('says what was probably meant', async () => {
    const cases: [string[], RegExp][] = [
      [
        ['webhooks', 'add', 'x', 'https://example.org', '--event', 'DEPLOYMENT_SUCESS', '--org', orgId],
        /unknown event "DEPLOYMENT_SUCESS" \(did you mean DEPLOYMENT_SUCCESS\?\)/,
      ],
      [
        ['webhooks', 'add', 'x', 'https://example.org', '--format', 'slakc'],
        /unknown webhook format "slakc" \(did you mean slack\?\)/,
      ],
      [['webhooks', 'lst'], /unknown command "lst" \(did you mean list\?\)/],
      [['notify-email', 'ad'], /unknown command "ad" \(did you mean add\?\)/],
      [
        ['webhooks', '--org', 'Lovelace Lab'],
        /unknown organisation "Lovelace Lab" \(did you mean Lovelace Labs\?\)/,
      ],
      [['webhooks', '-F', 'jsn'], /\(did you mean json\?\)/],
      [
        ['tail', '--event', 'DEPLOYMENT_SUCESS'],
        /unknown event "DEPLOYMENT_SUCESS" \(did you mean DEPLOYMENT_SUCCESS\?\)/,
      ],
    ];
    for (const [args, message] of cases) {
      const result = await cli(...args);
      expect(result.code, args.join(' ')).not.toBe(0);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  }, 60_000);

  it('fails when the API is out of reach, and names a stopped sandbox with what to do', async () => {
    const gone = { ...env, API_HOST: 'http://127.0.0.1:1' };
    const events = await runCli(['events'], { env: gone, cwd: home });
    expect(events.code).toBe(1);
    expect(events.stderr).toMatch(
      /nothing answers at http:\/\/127\.0\.0\.1:1 \(API_HOST\): if it was a sandbox.*unset API_HOST/,
    );
    const offline = await runCli(['events', '--offline'], { env: gone, cwd: home });
    expect(offline.code).toBe(0);
    expect(offline.stdout).toContain('DEPLOYMENT_SUCCESS');
  });
});

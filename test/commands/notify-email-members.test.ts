// `notify-email` lists, as the built binary against a live sandbox: a userid target of an
// organisation's hook shows the member's name in the human table, and stays an id in JSON.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { cleanEnv, runCli } from './cli-support.js';

let sandbox: TestSandbox;
let home: string;
let env: Record<string, string>;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  home = await mkdtemp(join(tmpdir(), 'clever-notify-members-cli-'));
  env = cleanEnv({ ...sandbox.env, HOME: home, CLEVER_NOTIFY_CONFIG_DIR: join(home, 'settings') });
});
afterAll(async () => {
  await sandbox?.close();
  await rm(home, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(args, { env, cwd: home });

it("shows the names of an organisation's members that a hook notifies", async () => {
  const { acme } = seedIds(sandbox);
  const margaret = sandbox.store.members(acme.id).find((m) => m.member.name === 'Margaret Hamilton')!;
  const added = await cli(
    'notify-email',
    'add',
    'release',
    '--notify',
    `${margaret.member.id},ops@acme.example`,
    '--org',
    acme.id,
  );
  expect(added.stderr).toBe('');
  expect(added.code).toBe(0);

  const human = await cli('notify-email', '--org', acme.id);
  expect(human.code).toBe(0);
  expect(human.stdout).toContain('Margaret Hamilton');
  expect(human.stdout).toContain('Ada Lovelace');
  expect(human.stdout).not.toContain(margaret.member.id);

  const json = await cli('notify-email', '--org', acme.id, '-F', 'json');
  const hooks = JSON.parse(json.stdout) as { name: string; notified: string[] }[];
  expect(hooks.find((h) => h.name === 'release')?.notified).toEqual([margaret.member.id, 'ops@acme.example']);
});

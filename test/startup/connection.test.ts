// With no credentials the commands use the sandbox of the default data folder: the one running
// there, else one started in the process. Both say so in one line on stderr.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSettings } from '../../source/settings/settings.js';
import { parseEnvFile } from '../../source/startup/connection.js';
import { cleanEnv, runCli } from '../commands/cli-support.js';
import { startTestSandbox } from '../support/sandbox.js';

let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'clever-notify-connection-'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

function noCredentials(dataDir: string): Record<string, string> {
  return cleanEnv({
    HOME: home,
    CONFIGURATION_FILE: join(home, 'none.json'),
    CLEVER_NOTIFY_CONFIG_DIR: join(home, 'settings'),
    CLEVER_NOTIFY_SANDBOX_DATA: dataDir,
  });
}

describe('no credentials', () => {
  it('starts the embedded sandbox on the data folder and says so', async () => {
    const dataDir = join(home, 'embedded');
    const result = await runCli(['webhooks', '--list-all', '-F', 'json'], {
      env: noCredentials(dataDir),
      cwd: home,
    });
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(`using the embedded sandbox (${dataDir})`);
    expect(result.stderr).toContain('run `clever login`');
    expect(Array.isArray(JSON.parse(result.stdout))).toBe(true);
    // The world persists in the folder: a second run sees the same hooks.
    const again = await runCli(['webhooks', '--list-all', '-F', 'json'], {
      env: noCredentials(dataDir),
      cwd: home,
    });
    expect(again.stdout).toBe(result.stdout);
  });

  it('uses the sandbox already running on that folder', async () => {
    const dataDir = join(home, 'running');
    const sandbox = await startTestSandbox({ dataDir });
    try {
      const result = await runCli(
        ['webhooks', 'add', 'via-running', 'https://e.test', '--org', sandbox.store.self().id],
        {
          env: noCredentials(dataDir),
          cwd: home,
        },
      );
      expect(result.stderr).toContain(`using the sandbox running at ${sandbox.url}`);
      expect(result.code).toBe(0);
      expect(sandbox.store.webhooks(sandbox.store.self().id).map((h) => h.name)).toContain('via-running');
    } finally {
      await sandbox.close();
    }
  });

  it('trusts the CA of a running sandbox that serves TLS', async () => {
    const dataDir = join(home, 'tls');
    const sandbox = await startTestSandbox({ dataDir, tls: true });
    try {
      expect(sandbox.url.startsWith('https://')).toBe(true);
      const result = await runCli(['apps', '-F', 'json'], { env: noCredentials(dataDir), cwd: home });
      expect(result.stderr).toContain(`using the sandbox running at ${sandbox.url}`);
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).length).toBeGreaterThan(0);
    } finally {
      await sandbox.close();
    }
  });

  it('uses the sandbox without a notice when asked with --sandbox', async () => {
    const dataDir = join(home, 'asked');
    const env = { ...noCredentials(dataDir), CLEVER_TOKEN: 'unused', CLEVER_SECRET: 'unused' };
    const result = await runCli(['events', '--sandbox', '-F', 'json'], { env, cwd: home });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});

describe('connection helpers', () => {
  it('reads the sandbox env file', () => {
    expect(parseEnvFile("export API_HOST=http://127.0.0.1:7357\nexport CLEVER_TOKEN='a b'\n# x\n")).toEqual({
      API_HOST: 'http://127.0.0.1:7357',
      CLEVER_TOKEN: 'a b',
    });
  });
});

describe('settings', () => {
  it('live in CLEVER_NOTIFY_CONFIG_DIR, readable by their owner only', async () => {
    const dir = join(home, 'settings-test');
    const settings = openSettings({ CLEVER_NOTIFY_CONFIG_DIR: dir });
    settings.set('lastOwnerId', 'orga_x');
    settings.set('theme', 'dark');
    expect(openSettings({ CLEVER_NOTIFY_CONFIG_DIR: dir }).get('lastOwnerId')).toBe('orga_x');
    expect(settings.path.startsWith(dir)).toBe(true);
    expect((await stat(settings.path)).mode & 0o777).toBe(0o600);
    settings.set('theme', undefined);
    expect(settings.get('theme')).toBeUndefined();
  });
});

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCleverApi } from '../../source/api/client.js';
import { resolveCredentials } from '../../source/api/credentials.js';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { builtTuiCommand, startTmux, type Tmux } from './tmux.js';

const root = path.resolve(import.meta.dirname, '../..');
const binary = path.join(root, 'dist/cli.js');

let dir: string;
let sandbox: TestSandbox;
let api: HttpCleverApi;
let term: Tmux | undefined;

beforeAll(async () => {
  if (!existsSync(binary)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  dir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-e2e-'));
  await mkdir(path.join(dir, 'home'), { recursive: true });
  // The sandbox runs here; the binary finds it through the lock file of the same data folder.
  sandbox = await startTestSandbox({ dataDir: path.join(dir, 'data') });
  const credentials = await resolveCredentials(sandbox.env);
  api = new HttpCleverApi(credentials!, { kind: 'sandbox', retries: 0 });
});

afterAll(async () => {
  term?.kill();
  await api?.close();
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The TUI on the test's sandbox, with a home of its own (`home`: a first run shows the welcome). */
function tuiCommand(homeName = 'home'): string {
  return builtTuiCommand(binary, path.join(dir, homeName), sandbox.dataDir);
}

describe('the built binary in a terminal', () => {
  it('creates a webhook through the wizard, removes it, survives a resize and restores the terminal', async () => {
    const ids = seedIds(sandbox);
    term = startTmux(tuiCommand());
    await term.waitFor('Welcome to clever-notify');
    expect(term.display('#{alternate_on}')).toBe('1');
    term.send('a');
    // Three owners: the welcome asks for which; the personal space is the first.
    await term.waitFor('Add your first webhook for which owner?');
    term.send('Enter');
    await term.waitFor('Deployment results to Slack');
    term.send('Enter');
    await term.waitFor('Name: Deployment results to Slack');
    // The preset's name is selected: End keeps it and moves to its end, typing appends.
    term.send('End');
    term.type(' (e2e)');
    term.send('Enter');
    await term.waitFor('URL:');
    term.type('https://hooks.slack.com/services/TE2E/BE2E/secret');
    term.send('Enter');
    await term.waitFor('slack format is proposed');
    term.send('Enter');
    await term.waitFor('Which events');
    term.send('Enter');
    await term.waitFor('Which apps and add-ons');
    term.send('Enter');
    await term.waitFor('The same with clever-tools');
    term.send('Enter');
    await term.waitFor('Created Deployment results to Slack (e2e)');
    const created = (await api.listWebhooks(ids.user.id)).find(
      (h) => h.name === 'Deployment results to Slack (e2e)',
    );
    expect(created).toMatchObject({ events: ['META_DEPLOYMENT_RESULT'], urls: [{ format: 'slack' }] });

    term.resize(72, 24);
    // The table is back, without its least useful column.
    await term.waitFor(/Target(?![\s\S]*Last failure)/);
    term.resize(50, 12);
    await term.waitFor('at least 60×16');
    term.resize(120, 36);
    await term.waitFor('State');

    term.send('d');
    await term.waitFor('Remove the webhook "Deployment results to Slack (e2e)"?');
    term.send('y');
    await term.waitFor('Removed Deployment results to Slack (e2e) (webhook).');
    expect((await api.listWebhooks(ids.user.id)).some((h) => h.id === created!.id)).toBe(false);

    term.send('q');
    await term.waitFor('EXIT=0');
    expect(term.display('#{alternate_on}')).toBe('0');
    expect(term.display('#{cursor_flag}')).toBe('1');
    term.kill();

    // The first run left V8's code cache of the TUI's bundle (source/startup/code-cache.ts) for the
    // next ones.
    const cacheDir = path.join(dir, 'home/.cache/clever-notify');
    expect(readdirSync(cacheDir)).toEqual([expect.stringMatching(/^tui-\w+\.node-v[\d.]+-\w+\.cache$/)]);

    // The welcome was remembered: the next start, from the code cache, goes straight to the owners.
    term = startTmux(tuiCommand());
    expect(await term.waitFor('Owners')).not.toContain('Welcome');
    term.send('q');
    await term.waitFor('EXIT=0');
    term.kill();

    // A damaged cache is refused, and the TUI starts as on a first run.
    const [cacheName] = readdirSync(cacheDir);
    const cacheFile = path.join(cacheDir, cacheName!);
    writeFileSync(cacheFile, readFileSync(cacheFile).fill(7, 16));
    term = startTmux(tuiCommand());
    await term.waitFor('Owners');
    term.send('q');
    await term.waitFor('EXIT=0');
    expect(
      readFileSync(cacheFile)
        .subarray(16, 64)
        .every((byte) => byte === 7),
    ).toBe(false);
  });

  it('edits a webhook with two URLs at 80×24: one URL changed, the diff shown, both URLs kept', async () => {
    const ids = seedIds(sandbox);
    const name = 'Two URLs (e2e)';
    const hook = await api.addWebhook(ids.user.id, {
      name,
      urls: [
        { url: 'https://first.example/hook', format: 'raw' },
        { url: 'https://hooks.slack.com/services/TE2E/BE2E/keepme', format: 'slack' },
      ],
    });
    // A home of its own: the welcome shows whatever ran before, and Esc leaves it for the owners.
    const small = startTmux(tuiCommand('home-edit'), 80, 24);
    try {
      await small.waitFor('Welcome to clever-notify');
      small.send('Escape');
      await small.waitForNo('Welcome to clever-notify');
      // The personal space, then its hooks, filtered by name.
      small.send('g', 'Tab', 'Tab', '/');
      small.type('Two URLs');
      small.send('Enter');
      await small.waitFor(/› (\S+ +)?Two URLs \(e2e\)/);
      small.send('e');
      await small.waitFor(`Name: ${name}`);
      small.send('Enter');
      await small.waitFor('each of these 2 URLs');
      small.send('e');
      await small.waitFor('URL 1 of 2');
      small.send('C-u');
      small.type('https://second.example/hook');
      small.send('Enter');
      await small.waitFor('How the body is written');
      small.send('Enter');
      await small.waitFor('URL 1 is now raw https://second.example/hook.');
      small.send('Enter');
      await small.waitFor('Which events');
      small.send('Enter');
      await small.waitFor('Which apps and add-ons');
      small.send('Enter');
      const review = await small.waitFor('Enter to save it');
      expect(review).toMatch(/~ URLs +- raw https:\/\/first\.example\/hook/);
      expect(review).toMatch(/\+ raw https:\/\/second\.example\/hook/);
      expect(review).toContain('slack https://hooks.slack.com/services/TE2E/BE2E/••••');
      expect(review).not.toContain('keepme');
      small.send('Enter');
      await small.waitFor(`Saved ${name}`);
      const saved = (await api.listWebhooks(ids.user.id)).find((h) => h.id === hook.id);
      expect(saved?.urls).toEqual([
        { url: 'https://second.example/hook', format: 'raw' },
        { url: 'https://hooks.slack.com/services/TE2E/BE2E/keepme', format: 'slack' },
      ]);
      small.send('q');
      await small.waitFor('EXIT=0');
    } finally {
      small.kill();
    }
  });

  it.each(['TERM', 'HUP'])('leaves the alternate screen and shows the cursor on SIG%s', async (signal) => {
    const signalled = startTmux(tuiCommand());
    try {
      await signalled.waitFor(/Owners|Welcome to clever-notify/);
      expect(signalled.display('#{alternate_on}')).toBe('1');
      const shell = signalled.display('#{pane_pid}');
      const node = execFileSync('pgrep', ['-P', shell], { encoding: 'utf8' }).trim().split('\n')[0]!;
      process.kill(Number(node), `SIG${signal}` as NodeJS.Signals);
      await signalled.waitFor('EXIT=');
      expect(signalled.display('#{alternate_on}')).toBe('0');
      expect(signalled.display('#{cursor_flag}')).toBe('1');
    } finally {
      signalled.kill();
    }
  });

  it('refuses to run without a terminal, naming the scriptable command', () => {
    let failure: { status: number; stderr: string } | undefined;
    try {
      execFileSync(process.execPath, [binary, 'tui'], {
        stdio: ['ignore', 'pipe', 'pipe'],
        encoding: 'utf8',
      });
    } catch (error) {
      failure = error as { status: number; stderr: string };
    }
    expect(failure?.status).not.toBe(0);
    expect(failure?.stderr.trim().split('\n')).toHaveLength(1);
    expect(failure?.stderr).toContain('clever-notify webhooks');
  });
});

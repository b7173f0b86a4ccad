// The built binary at 80×24 in a real terminal: a long list says where it is, G goes to its end, and
// a table's sort is remembered across a restart (in the settings of the binary's own home).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { builtTuiCommand, startTmux, type Tmux } from './tmux.js';

const root = path.resolve(import.meta.dirname, '../..');
const binary = path.join(root, 'dist/cli.js');
const HOOKS = 41;

let dir: string;
let sandbox: TestSandbox;
let term: Tmux | undefined;

beforeAll(async () => {
  if (!existsSync(binary)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  dir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-e2e-lists-'));
  await mkdir(path.join(dir, 'home'), { recursive: true });
  sandbox = await startTestSandbox({ dataDir: path.join(dir, 'data') });
  const { user } = seedIds(sandbox);
  for (let i = 1; i <= HOOKS; i++) {
    const n = String(i).padStart(2, '0');
    await sandbox.store.createWebhook(user.id, {
      name: `hook ${n}`,
      urls: [{ format: 'raw', url: `https://receiver.example/${n}` }],
    });
  }
});

afterAll(async () => {
  term?.kill();
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the built binary at 80×24', () => {
  it('shows where a long list is, goes to its end with G, and remembers a sort across a restart', async () => {
    const home = path.join(dir, 'home');
    term = startTmux(builtTuiCommand(binary, home, sandbox.dataDir), 80, 24);
    await term.waitFor('Welcome to clever-notify');
    term.send('Escape');
    await term.waitFor('Personal notifier');
    term.send('Tab', 'Tab');
    const count = HOOKS + 1;
    await term.waitFor(`1–16 of ${count}`);
    term.send('G');
    await term.waitFor(`${count - 15}–${count} of ${count}`);
    expect(await term.waitFor(/› hook 41 /)).not.toContain('› Personal notifier');
    // Sorted by name: "hook 01" to "hook 41", then "Personal notifier"; the cursor stays on hook 41.
    term.send('S');
    const sorted = await term.waitFor('↑Name');
    expect(sorted).toContain('Sorted by name ↑');
    expect(sorted).toMatch(/› hook 41 [^\n]*\n[^\n]*Personal notifier/);
    term.send('q');
    await term.waitFor('EXIT=0');
    term.kill();
    const settings = JSON.parse(await readFile(path.join(home, 'settings/settings.json'), 'utf8'));
    expect(settings.tableSorts).toEqual({ webhooks: { column: 'name', descending: false } });

    term = startTmux(builtTuiCommand(binary, home, sandbox.dataDir), 80, 24);
    await term.waitFor('↑Name');
    term.send('Tab', 'Tab');
    const again = await term.waitFor(`1–16 of ${count}`);
    expect(again).toMatch(/› hook 01 /);
    term.send('G');
    expect(await term.waitFor(`${count - 15}–${count} of ${count}`)).toMatch(/› Personal notifier/);
    term.send('q');
    await term.waitFor('EXIT=0');
  });
});

// The lock of an embedded sandbox (the one `tui` starts in-process when there are no credentials) is
// released when the process is ended by SIGTERM, SIGHUP or SIGINT, as it is on `q`: the built binary
// in a real terminal, the signal sent to it, then the lock file gone and the folder free again.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSandbox } from '../../source/sandbox/start.js';
import { sh, startTmux, type Tmux } from '../e2e/tmux.js';
import { waitFor } from '../sandbox-events/support.js';

const root = path.resolve(import.meta.dirname, '../..');
const binary = path.join(root, 'dist/cli.js');
let dir: string;
const terminals: Tmux[] = [];

beforeAll(async () => {
  if (!existsSync(binary)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  dir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-embedded-'));
});
afterAll(async () => {
  for (const term of terminals) term.kill();
  await rm(dir, { recursive: true, force: true });
});

function tuiCommand(home: string, data: string): string {
  const env = {
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    CLEVER_NOTIFY_CONFIG_DIR: path.join(home, 'settings'),
    CLEVER_NOTIFY_SANDBOX_DATA: data,
    CONFIGURATION_FILE: path.join(home, 'no-clever-tools.json'),
    TERM: 'xterm-256color',
    CI: 'true',
  };
  const assignments = Object.entries(env).map(([k, v]) => `${k}=${sh(v)}`);
  const unset = ['CLEVER_TOKEN', 'CLEVER_SECRET', 'CLEVER_API_TOKEN', 'API_HOST', 'NO_COLOR'].map(
    (v) => `-u ${v}`,
  );
  return `env ${unset.join(' ')} ${assignments.join(' ')} ${sh(process.execPath)} ${sh(binary)} tui; echo EXIT=$?; sleep 600`;
}

test.each([
  ['SIGTERM', 143],
  ['SIGHUP', 129],
  ['SIGINT', 130],
] as const)(
  '%s ends the TUI and releases the embedded sandbox lock',
  async (signal, status) => {
    const home = path.join(dir, signal, 'home');
    const data = path.join(dir, signal, 'data');
    await mkdir(home, { recursive: true });
    const term = startTmux(tuiCommand(home, data));
    terminals.push(term);
    const lockFile = path.join(data, 'sandbox.lock');
    // The embedded sandbox listens (its lock says where) and the TUI drew its first screen.
    const lock = await waitFor(async () => {
      if (!existsSync(lockFile)) return undefined;
      const content = JSON.parse(await readFile(lockFile, 'utf8').catch(() => '{}')) as {
        pid?: number;
        url?: string | null;
      };
      return content.url ? content : undefined;
    }, 20_000);
    await term.waitFor('(embedded)', 20_000);

    process.kill(lock.pid!, signal);
    // The exit status still says which signal ended it, and the terminal is given back.
    await term.waitFor(`EXIT=${status}`, 20_000);
    expect(existsSync(lockFile)).toBe(false);
    const next = await startSandbox({ dataDir: data, port: 0, plugins: [] });
    await next.close();
    term.kill();
  },
  90_000,
);

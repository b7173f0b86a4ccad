// `clever-notify sandbox` as a user runs it: eval-able lines on stdout and words on stderr, a warning
// for a non-loopback host, a clear refusal of a bad port or a busy folder, and a clean stop.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';

const CLI = path.resolve('dist/cli.js');
let dataDir: string;

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first');
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-command-'));
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

interface Output {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

function run(args: string[]): Output {
  const child = spawn(process.execPath, [CLI, 'sandbox', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const output: Output = {
    child,
    stdout: '',
    stderr: '',
    exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  child.stdout!.on('data', (chunk) => {
    output.stdout += chunk;
  });
  child.stderr!.on('data', (chunk) => {
    output.stderr += chunk;
  });
  return output;
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('prints the lines on stdout, warns about a non-loopback host, refuses a busy folder, stops cleanly', async () => {
  const sandbox = run(['--port', '0', '--host', '0.0.0.0', '--data', dataDir]);
  try {
    await until(() => sandbox.stderr.includes('stop it with Ctrl-C'), 'the sandbox to listen');
    expect(sandbox.stdout).toMatch(
      /^export API_HOST=http:\/\/127\.0\.0\.1:(\d+)\nexport CLEVER_TOKEN=\w+\nexport CLEVER_SECRET=\w+\n$/,
    );
    expect(sandbox.stderr).toContain('warning: listening on 0.0.0.0');
    const port = /:(\d+)\n/.exec(sandbox.stdout)![1];

    const second = run(['--port', '0', '--data', dataDir]);
    expect(await second.exit).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr).toContain(
      `is in use by process ${sandbox.child.pid}, listening on http://127.0.0.1:${port} (port ${port})`,
    );
  } finally {
    sandbox.child.kill('SIGTERM');
  }
  expect(await sandbox.exit).toBe(0);
  expect(existsSync(path.join(dataDir, 'sandbox.lock'))).toBe(false);
});

test('a bad port is refused before anything starts', async () => {
  const bad = run(['--port', '70000', '--data', dataDir]);
  expect(await bad.exit).not.toBe(0);
  expect(bad.stderr).toContain('expected a port number from 0 to 65535');
});

import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
let dir: string;
let program: string;

// A real process that takes the alternate screen and then crashes or is signalled.
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-screen-'));
  const entry = path.join(dir, 'entry.ts');
  await writeFile(
    entry,
    [
      `import { enterFullScreen } from ${JSON.stringify(path.join(root, 'source/ui/terminal/screen.ts'))};`,
      'enterFullScreen();',
      "if (process.argv[2] === 'crash') setTimeout(() => { throw new Error('boom in a frame'); }, 10);",
      "else if (process.argv[2] === 'reject') setTimeout(() => { Promise.reject(new Error('lost promise')); }, 10);",
      'else setTimeout(() => {}, 10_000);',
    ].join('\n'),
  );
  program = path.join(dir, 'program.mjs');
  await build({
    entryPoints: [entry],
    outfile: program,
    bundle: true,
    platform: 'node',
    format: 'esm',
    logLevel: 'silent',
  });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ENTER = '\u001B[?1049h';
const RESTORE = '\u001B[?1049l\u001B[?25h';

describe('the alternate screen', () => {
  it.each(['crash', 'reject'])(
    'is left, with the cursor shown, when the program crashes (%s), and the error is printed',
    (how) => {
      const run = spawnSync(process.execPath, [program, how], { encoding: 'utf8', timeout: 10_000 });
      expect(run.status).toBe(70);
      expect(run.stdout.startsWith(ENTER)).toBe(true);
      expect(run.stdout.endsWith(RESTORE)).toBe(true);
      expect(run.stderr).toContain('the TUI crashed');
      expect(run.stderr).toContain(how === 'crash' ? 'boom in a frame' : 'lost promise');
    },
  );

  it('is left on SIGTERM, and the process still dies of the signal', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, [program, 'wait'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.setEncoding('utf8');
    const entered = new Promise<void>((resolve) =>
      child.stdout.on('data', (chunk: string) => {
        out += chunk;
        if (out.includes(ENTER)) resolve();
      }),
    );
    await entered;
    const ended = new Promise<NodeJS.Signals | null>((resolve) =>
      child.on('exit', (_code, signal) => resolve(signal)),
    );
    child.kill('SIGTERM');
    expect(await ended).toBe('SIGTERM');
    expect(out.endsWith(RESTORE)).toBe(true);
  });
});

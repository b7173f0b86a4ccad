// `clever-notify … | head -1`: when the reader of the output goes away, the binary stops quietly, as
// the shell's own tools do, instead of printing the stack trace of a failed write.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, cleanEnv } from './cli-support.js';

/** Runs the binary with its standard output closed by the reader before it writes. */
async function withClosedOutput(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const home = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-closed-output-'));
  try {
    const child = spawn(process.execPath, [CLI, ...args], {
      env: cleanEnv({ HOME: home }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
    });
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    return { code, stderr };
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

describe('a closed output', { timeout: 30_000 }, () => {
  it('ends --help, a command help and a long list quietly', async () => {
    for (const args of [['--help'], ['webhooks', 'add', '--help'], ['events', '-F', 'json', '--offline']]) {
      const { code, stderr } = await withClosedOutput(args);
      expect(stderr, args.join(' ')).not.toMatch(/EPIPE|Error/);
      expect(code, args.join(' ')).toBe(0);
    }
  });
});

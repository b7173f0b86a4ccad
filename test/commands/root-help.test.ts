// `clever-notify --help` is laid out without commander (source/commands/root-help.ts) from what the
// build reads of the program: it must be exactly what commander prints, at every width.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { createProgram, rootHelpOf } from '../../source/commands/program.js';
import { formatRootHelp } from '../../source/commands/root-help.js';
import { cleanEnv, runCli } from './cli-support.js';

function commanderHelp(width: number | undefined): string {
  const program = createProgram();
  let out = '';
  program.configureOutput({
    writeOut: (text) => {
      out += text;
    },
    getOutHelpWidth: () => width as number,
    getOutHasColors: () => false,
  });
  program.outputHelp();
  return out;
}

describe('the root --help', () => {
  it.each([undefined, 20, 39, 40, 41, 60, 77, 78, 79, 80, 81, 100, 120, 160, 240, 400])(
    'is what commander prints at width %s',
    (width) => {
      expect(formatRootHelp(rootHelpOf(createProgram()), width)).toBe(commanderHelp(width));
    },
  );

  it('of the built binary is the one its parser prints (`help`)', async () => {
    const options = { env: cleanEnv({ HOME: os.tmpdir() }), cwd: os.tmpdir() };
    const [long, short, parsed] = await Promise.all([
      runCli(['--help'], options),
      runCli(['-h'], options),
      runCli(['help'], options),
    ]);
    expect([long.code, short.code, parsed.code]).toEqual([0, 0, 0]);
    expect(parsed.stdout).toContain('Usage: clever-notify');
    expect(long.stdout).toBe(parsed.stdout);
    expect(short.stdout).toBe(parsed.stdout);
  });
});

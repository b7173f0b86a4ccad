// The entry opens the TUI without the command-line parser only for the command lines that commander
// would parse as the bare `tui` command; every other one goes to the parser, which checks it.
import { describe, expect, it } from 'vitest';
import { plainTuiCommandLine } from '../../source/commands/open-tui.js';

const line = (...args: string[]) => ['node', 'cli.js', ...args];

describe('plainTuiCommandLine', () => {
  it('reads `tui` and `tui --sandbox`', () => {
    expect(plainTuiCommandLine(line('tui'), () => false)).toEqual({});
    expect(plainTuiCommandLine(line('tui', '--sandbox'), () => true)).toEqual({ sandbox: true });
  });

  it('opens the TUI for an empty command line on a terminal only', () => {
    expect(plainTuiCommandLine(line(), () => true)).toEqual({});
    expect(plainTuiCommandLine(line(), () => false)).toBeUndefined();
  });

  it('asks whether it runs on a terminal for an empty command line only', () => {
    // Reading process.stdin makes its stream: the entry asks only when the answer matters.
    const asked: string[][] = [];
    for (const args of [['tui'], ['webhooks', '-F', 'json'], []])
      plainTuiCommandLine(line(...args), () => {
        asked.push(args);
        return false;
      });
    expect(asked).toEqual([[]]);
  });

  it('leaves anything else to the parser', () => {
    for (const args of [
      ['tui', '--help'],
      ['tui', '-h'],
      ['tui', '--sandbox', '--sandbox'],
      ['tui', '--sandbox=yes'],
      ['tui', 'extra'],
      ['tui', '--bogus'],
      ['--sandbox', 'tui'],
      ['webhooks'],
      ['Tui'],
    ])
      expect(
        plainTuiCommandLine(line(...args), () => true),
        args.join(' '),
      ).toBeUndefined();
  });
});

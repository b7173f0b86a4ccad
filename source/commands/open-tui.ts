// Opening the full-screen interface, for `clever-notify tui` (source/commands/tui.ts) and for the
// entry's own fast path (cli.tsx), which opens it without loading the command-line parser.

export type TuiFlags = { sandbox?: boolean };

/** Opens the TUI; the modules of Ink, React and the App load here. */
export async function openTui(flags: TuiFlags): Promise<void> {
  // Ink draws nothing but the last frame when CI is set; someone who opens the TUI on a terminal
  // wants it drawn wherever they are. Ink reads the variable when it loads, just below.
  if (process.stdout.isTTY) {
    delete process.env.CI;
    delete process.env.CONTINUOUS_INTEGRATION;
  }
  const { runTui } = await import('../ui/run-tui.js');
  await runTui(flags.sandbox ? { sandbox: true } : {});
}

/**
 * The TUI's flags when the command line is only `tui [--sandbox]`, or nothing at all on a terminal
 * (what commander would parse the same way); `undefined` for any other command line. `onTerminal` is
 * asked only of an empty command line: reading `process.stdin` makes its stream (a file's loads
 * Node's file streams), which no other command line needs.
 */
export function plainTuiCommandLine(
  argv: readonly string[],
  onTerminal: () => boolean,
): TuiFlags | undefined {
  const args = argv.slice(2);
  if (args.length === 0) return onTerminal() ? {} : undefined;
  if (args[0] !== 'tui' || args.length > 2) return undefined;
  if (args.length === 1) return {};
  return args[1] === '--sandbox' ? { sandbox: true } : undefined;
}

import { formatRootHelp, type RootHelp } from './source/commands/root-help.js';

// The build's version and root help (scripts/build.mjs), used here directly: this entry file then
// loads no other module before it knows what to load.
declare const __VERSION__: string;
/** JSON of a RootHelp. */
declare const __ROOT_HELP__: string;

// `--version` and `--help` alone are answered before the command-line parser and the commands'
// declarations are loaded, with what commander would print (the help is read from the program at
// build time and laid out for this terminal), in about the time of a bare `node -e 0`
// (docs/performance.md).
const only = process.argv.length === 3 ? process.argv[2]! : undefined;
if (only === '-v' || only === '--version') process.stdout.write(`${__VERSION__}\n`);
else if (only === '-h' || only === '--help')
  process.stdout.write(
    formatRootHelp(
      JSON.parse(__ROOT_HELP__) as RootHelp,
      process.stdout.isTTY ? process.stdout.columns : undefined,
    ),
  );
else await main();

async function main(): Promise<void> {
  const [{ CommanderError }, { createProgram }, { UserError }, { safeText }] = await Promise.all([
    import('commander'),
    import('./source/commands/program.js'),
    import('./source/domain/errors.js'),
    import('./source/domain/terminal-text.js'),
  ]);
  // `clever-notify` alone on a terminal opens the TUI; without one it prints the usage.
  const argv =
    process.argv.length === 2 && process.stdin.isTTY && process.stdout.isTTY
      ? [...process.argv, 'tui']
      : process.argv;
  const program = createProgram(argv[2]);

  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode;
    } else if (error instanceof UserError) {
      process.stderr.write(`clever-notify: ${safeText(error.message)}\n`);
      process.exitCode = error.exitCode;
    } else {
      process.stderr.write(
        `clever-notify: unexpected error\n${safeText(error instanceof Error ? String(error.stack) : String(error), { keepNewlines: true })}\n`,
      );
      process.exitCode = 70;
    }
  }
}

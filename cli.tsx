import { openTui, plainTuiCommandLine } from './source/commands/open-tui.js';
import { reportFailure } from './source/commands/report-failure.js';
import { formatRootHelp, type RootHelp } from './source/commands/root-help.js';

// The build's version and root help (scripts/build.mjs), used here directly: this entry file then
// loads no other module before it knows what to load.
declare const __VERSION__: string;
/** JSON of a RootHelp. */
declare const __ROOT_HELP__: string;

// When the reader of the output goes away (`clever-notify events | head -3`), stop quietly as the
// shell's own tools do, rather than with a stack trace of the failed write.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  process.exit(0);
});

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
else void main();

async function main(): Promise<void> {
  // `tui` alone (or with `--sandbox`), and nothing at all on a terminal, open the TUI without the
  // parser and the commands' bundle: the TUI's bundle has its own client (docs/performance.md).
  const tui = plainTuiCommandLine(process.argv, () => Boolean(process.stdin.isTTY && process.stdout.isTTY));
  if (tui) {
    await openTui(tui).catch(reportFailure);
    return;
  }
  const { runCommandLine } = await import('./source/commands/program.js');
  await runCommandLine(process.argv);
}

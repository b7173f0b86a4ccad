// The command line's one definition: the program, its commands and their flags. The binary parses
// with it, and the build reads the root --help from it (scripts/build.mjs, root-help.ts).
import { Command, CommanderError, Help } from 'commander';
import { VERSION } from '../domain/version.js';
import { registerCommands } from './index.js';
import { reportFailure } from './report-failure.js';
import type { RootHelp } from './root-help.js';
import { oneLineUsageErrors } from './usage-errors.js';

const ROOT_HELP_AFTER = [
  '',
  'Get started:',
  '  $ clever-notify                      full screen (the sandbox when you have no credentials)',
  '  $ clever-notify webhooks --org "My Org" -F json',
  '  $ clever-notify sandbox              a local Clever Cloud for the official clever CLI too',
  '  $ clever-notify tail --app my-app    deployments and webhook deliveries, live',
  '',
  'Credentials: those of `clever login`, or CLEVER_TOKEN and CLEVER_SECRET, or CLEVER_API_TOKEN.',
].join('\n');

/**
 * The program. `command`: the first argument of the command line; when it names a command, only that
 * command is declared (the parse is the same: the root has no option that takes a value, so that
 * argument is the command).
 */
export function createProgram(command?: string): Command {
  const program = new Command('clever-notify')
    .description(
      'Clever Cloud notifications in your terminal: webhooks, e-mail hooks, live deployments, ' +
        'and a local sandbox of the API that needs no account.',
    )
    .version(VERSION, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    // Options after a command are that command's (`sandbox trigger event … --data DIR`, `webhooks -F
    // json add`): set here, for the program, whichever commands are declared.
    .enablePositionalOptions()
    .exitOverride()
    .addHelpText('after', ROOT_HELP_AFTER);
  registerCommands(program, command);
  oneLineUsageErrors(program);
  return program;
}

/**
 * Parses `argv` (as `process.argv`) and runs its command; a failure sets the exit code and says why.
 * `clever-notify` alone on a terminal never comes here: the entry opens the TUI (cli.tsx); alone
 * elsewhere, it prints the usage.
 */
export async function runCommandLine(argv: string[]): Promise<void> {
  try {
    await createProgram(argv[2]).parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) process.exitCode = error.exitCode;
    else reportFailure(error);
  }
}

/**
 * What the root --help says, read from the program through commander's own Help (terms, descriptions,
 * their column), for `formatRootHelp` to lay out at any width as commander does.
 */
export function rootHelpOf(program: Command): RootHelp {
  const helper = new Help();
  const visibleOptions = helper.visibleOptions(program);
  const visibleCommands = helper.visibleCommands(program);
  const sections: RootHelp['sections'] = [];
  const section = (title: string, items: [string, string][]) => {
    if (items.length > 0) sections.push({ title, items });
  };
  // Groups in the order commander shows them: the root declares none of its own.
  if (visibleOptions.some((o) => o.helpGroupHeading) || visibleCommands.some((c) => c.helpGroup()))
    throw new Error('the root help uses help groups: teach rootHelpOf about them');
  if (helper.visibleArguments(program).length > 0 || helper.showGlobalOptions)
    throw new Error('the root help has arguments or global options: teach rootHelpOf about them');
  section(
    'Options:',
    visibleOptions.map((o) => [helper.optionTerm(o), helper.optionDescription(o)]),
  );
  section(
    'Commands:',
    visibleCommands.map((c) => [helper.subcommandTerm(c), helper.subcommandDescription(c)]),
  );
  return {
    usage: helper.commandUsage(program),
    description: helper.commandDescription(program),
    termWidth: helper.padWidth(program, helper),
    sections,
    after: ROOT_HELP_AFTER,
  };
}

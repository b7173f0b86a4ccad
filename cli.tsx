import { Command, CommanderError } from 'commander';
import { registerCommands } from './source/commands/index.js';
import { oneLineUsageErrors } from './source/commands/usage-errors.js';
import { UserError } from './source/domain/errors.js';
import { safeText } from './source/domain/terminal-text.js';
import { VERSION } from './source/domain/version.js';

const program = new Command('clever-notify')
  .description(
    'Clever Cloud notifications in your terminal: webhooks, e-mail hooks, live deployments, ' +
      'and a local sandbox of the API that needs no account.',
  )
  .version(VERSION, '-v, --version', 'print the version')
  .helpOption('-h, --help', 'show help')
  .exitOverride()
  .addHelpText(
    'after',
    [
      '',
      'Get started:',
      '  $ clever-notify                      full screen (the sandbox when you have no credentials)',
      '  $ clever-notify webhooks --org "My Org" -F json',
      '  $ clever-notify sandbox              a local Clever Cloud for the official clever CLI too',
      '  $ clever-notify tail --app my-app    deployments and webhook deliveries, live',
      '',
      'Credentials: those of `clever login`, or CLEVER_TOKEN and CLEVER_SECRET, or CLEVER_API_TOKEN.',
    ].join('\n'),
  );

registerCommands(program);
oneLineUsageErrors(program);

// `clever-notify` alone on a terminal opens the TUI; without one it prints the usage.
const argv =
  process.argv.length === 2 && process.stdin.isTTY && process.stdout.isTTY
    ? [...process.argv, 'tui']
    : process.argv;

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

// The build's version (scripts/build.mjs), used here directly rather than from domain/version.ts: this
// entry file then imports no other module before it knows what to load.
declare const __VERSION__: string;

// `--version` alone is answered before the command-line parser and the commands' declarations are
// loaded: it prints what commander would print, in about the time of a bare `node -e 0`
// (docs/performance.md).
const versionOnly = process.argv.length === 3 && ['-v', '--version'].includes(process.argv[2]!);
if (versionOnly) process.stdout.write(`${__VERSION__}\n`);
else await main();

async function main(): Promise<void> {
  const [
    { Command, CommanderError },
    { registerCommands },
    { oneLineUsageErrors },
    { UserError },
    { safeText },
  ] = await Promise.all([
    import('commander'),
    import('./source/commands/index.js'),
    import('./source/commands/usage-errors.js'),
    import('./source/domain/errors.js'),
    import('./source/domain/terminal-text.js'),
  ]);

  const program = new Command('clever-notify')
    .description(
      'Clever Cloud notifications in your terminal: webhooks, e-mail hooks, live deployments, ' +
        'and a local sandbox of the API that needs no account.',
    )
    .version(__VERSION__, '-v, --version', 'print the version')
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
}

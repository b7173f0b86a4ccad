// `clever-notify sandbox`: a local Clever Cloud API (notifications and browsing) that keeps its data.
// `buildSandboxCommand()` declares the command and its flags; other modules may add subcommands or
// flags to the Command it returns before it is registered.
import { Command, InvalidArgumentError } from 'commander';
import { withExamples } from './common-options.js';
import { addTriggerCommands } from './sandbox-trigger.js';

export interface SandboxCommandOptions {
  port?: number;
  host?: string;
  data?: string;
  tls?: boolean;
  activity?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port > 65_535) {
    throw new InvalidArgumentError('expected a port number from 0 to 65535 (0 picks a free one)');
  }
  return port;
}

export function buildSandboxCommand(): Command {
  const sandbox = new Command('sandbox')
    .description(
      'run a local Clever Cloud API for notifications that needs no account; prints the lines that ' +
        'point clients (clever-notify, the official clever CLI) at it',
    )
    .option('-p, --port <port>', 'port to listen on (default 7357; 0 picks a free one)', parsePort)
    .option('--host <host>', 'address to listen on (default 127.0.0.1; anything else is reachable by others)')
    .option('-d, --data <dir>', 'data folder (default: the user data folder, or CLEVER_NOTIFY_SANDBOX_DATA)')
    .option(
      '--tls',
      'serve https and wss with a local CA kept in the data folder (needed by `clever activity`)',
    )
    .option('--activity', 'simulate deployments and events every few seconds')
    .action(async ({ activity, ...options }: SandboxCommandOptions) => {
      const { runSandbox } = await import('../sandbox/run.js');
      const { startSandboxActivity } = await import('../sandbox/extensions/events-plugin.js');
      await runSandbox({ ...options, ...(activity ? { onStarted: startSandboxActivity } : {}) });
    });
  return withExamples(
    sandbox,
    [
      'clever-notify sandbox --activity',
      'clever-notify sandbox --tls --data ./sandbox-data',
      'eval "$(cat ./sandbox-data/env)" && clever webhooks --list-all   # in another shell',
    ],
    { credentials: false },
  );
}

export function register(program: Command): void {
  const sandbox = buildSandboxCommand();
  addTriggerCommands(sandbox);
  program.addCommand(sandbox);
}

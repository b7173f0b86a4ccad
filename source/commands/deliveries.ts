// `clever-notify deliveries`: the sandbox's delivery log from the command line. List the attempts, show
// one with its request, its answers and every attempt, and send it again.
import { type Command, Option } from 'commander';
import { addSandboxOption, withExamples } from './common-options.js';

export interface DeliveriesListFlags {
  hook?: string;
  event?: string;
  failed?: boolean;
  since?: string;
  limit: string;
  format: 'human' | 'json';
  sandbox?: boolean;
}

export interface DeliveryFlags {
  format: 'human' | 'json';
  sandbox?: boolean;
}

const load = () => import('./deliveries/actions.js');

function outputOption(command: Command): Command {
  return command.addOption(
    new Option('-F, --format <format>', 'output format').choices(['human', 'json']).default('human'),
  );
}

export function register(program: Command): void {
  program.enablePositionalOptions();
  const parent = program
    .command('deliveries')
    .description(
      'the sandbox’s delivery log: every attempt of every webhook delivery; show one, send it again',
    )
    .enablePositionalOptions();
  const list = parent.command('list').description('list delivery attempts, oldest first (the default)');
  for (const [command, examples] of [
    [parent, ['clever-notify deliveries --failed --since 1h']],
    [list, ['clever-notify deliveries list --hook hook_… --event DEPLOYMENT_FAIL -F json']],
  ] as const) {
    command
      .option('--hook <id>', 'only the deliveries of this webhook')
      .option('-e, --event <events>', 'only these events, comma-separated (META_… groups allowed)')
      .option('--failed', 'only the attempts that failed (an error, or an answer other than 2xx)')
      .option('--since <when>', 'only attempts since a duration ago (30m, 2h, 7d) or a date (ISO 8601)')
      .option('-n, --limit <n>', 'at most the newest N attempts', '100');
    outputOption(command);
    addSandboxOption(command);
    withExamples(command, [...examples]);
    command.action(async (flags: DeliveriesListFlags) => (await load()).listDeliveries(flags));
  }

  const show = parent
    .command('show')
    .description('one delivery: its request headers and body, and every attempt with its answer')
    .argument('<id>', 'the delivery id, or its first characters (as `deliveries list` shows them)');
  outputOption(show);
  addSandboxOption(show);
  withExamples(show, ['clever-notify deliveries show 3f2a9c1e']);
  show.action(async (id: string, flags: DeliveryFlags) => (await load()).showDelivery(id, flags));

  const redeliver = parent
    .command('redeliver')
    .description('send the body of a delivery again to the same URL, as a new delivery, and show its answer')
    .argument('<id>', 'the delivery id, or its first characters');
  outputOption(redeliver);
  addSandboxOption(redeliver);
  withExamples(redeliver, ['clever-notify deliveries redeliver 3f2a9c1e']);
  redeliver.action(async (id: string, flags: DeliveryFlags) => (await load()).redeliverDelivery(id, flags));
}

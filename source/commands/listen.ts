// `clever-notify listen`: the platform's events, forwarded to a local receiver in the body a webhook
// would get, with no public URL and no hook created (what `stripe listen --forward-to` does for Stripe).
import { Command, Option } from 'commander';
import { addOrgOption, addSandboxOption, withExamples } from './common-options.js';

export interface ListenFlags {
  org?: string;
  owner?: string;
  app?: string;
  event?: string;
  format?: 'raw' | 'slack' | 'gitter' | 'flowdock';
  forwardTo: string;
  header?: string[];
  loadFromHook?: string;
  output: 'human' | 'json-stream';
  sandbox?: boolean;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export function register(program: Command): void {
  const command = new Command('listen')
    .description(
      'forward the events of the event socket to a local URL, in the exact request a webhook of that ' +
        'format receives (no public URL, no hook created)',
    )
    .requiredOption(
      '--forward-to <url>',
      'where to POST each event: a URL, or host:port[/path] for http:// (localhost:3000/hooks)',
    )
    .option('-a, --app <id|name>', 'only this application')
    .option('-e, --event <events>', 'only these events, comma-separated (META_… groups allowed)')
    .addOption(
      new Option('--format <format>', 'the webhook body to send (default raw, or the hook’s)').choices([
        'raw',
        'slack',
        'gitter',
        'flowdock',
      ]),
    )
    .option('-H, --header <"K: V">', 'a header to add to each request (repeat for several)', collect)
    .option(
      '--load-from-hook <id>',
      'take the events, the scope and the format of this webhook: forward what it would receive',
    )
    .addOption(
      new Option('-F, --output <format>', 'one line per forward for people, or one JSON object per line')
        .choices(['human', 'json-stream'])
        .default('human'),
    );
  addOrgOption(command);
  addSandboxOption(command);
  withExamples(command, [
    'clever-notify listen --app my-app --forward-to localhost:3000/hooks',
    'clever-notify listen --load-from-hook hook_… --forward-to localhost:3000/hooks -H "X-Token: dev"',
    'clever-notify listen --format slack --forward-to http://127.0.0.1:8080/slack -F json-stream',
  ]);
  command.action(async (flags: ListenFlags) => {
    const { runListen } = await import('./listen/run.js');
    await runListen(flags);
  });
  program.addCommand(command);
}

// `clever-notify tail`: deployment results and webhook deliveries as they happen.
import { Command, Option } from 'commander';
import { addOrgOption, addSandboxOption, withExamples } from './common-options.js';

export interface TailFlags {
  org?: string;
  owner?: string;
  app?: string;
  event?: string;
  format: 'human' | 'json-stream';
  since?: string;
  sandbox?: boolean;
}

export function register(program: Command): void {
  const command = new Command('tail')
    .description(
      'follow deployments and other events live, with each webhook delivery under its event (deliveries ' +
        'on the sandbox only); a result missed by the event socket is recovered from the deployments list',
    )
    .option('-a, --app <id|name>', 'only this application')
    .option('-e, --event <events>', 'only these events, comma-separated (META_… groups allowed)')
    .option(
      '--since <duration|time>',
      'first replay what happened since then (e.g. 10m, 1h, 2026-11-30T08:00:00Z): deployments, and ' +
        'webhook deliveries on the sandbox, marked as replayed; without it, only what happens from now',
    )
    .addOption(
      new Option('-F, --format <format>', 'output: lines for people, or one JSON object per line')
        .choices(['human', 'json-stream'])
        .default('human'),
    );
  addOrgOption(command);
  addSandboxOption(command);
  withExamples(command, [
    'clever-notify tail --app my-app',
    'clever-notify tail --since 1h --event META_DEPLOYMENT_RESULT',
    'clever-notify tail -F json-stream | jq \'select(.type == "event") | .deployment.state\'',
  ]);
  command.action(async (flags: TailFlags) => {
    const { runTail } = await import('./tail/run.js');
    await runTail(flags);
  });
  program.addCommand(command);
}

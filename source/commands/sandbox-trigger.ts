// `clever-notify sandbox trigger deploy|event`: make something happen in a running sandbox, as the
// platform would (see the sandbox extension API). Flags are declared here; the work is loaded on use.
import { type Command, InvalidArgumentError } from 'commander';
import { withExamples } from './common-options.js';

export interface TriggerTarget {
  data?: string;
}

export interface TriggerDeployOptions extends TriggerTarget {
  app: string;
  fail?: boolean;
  duration?: number;
}

export interface TriggerEventOptions extends TriggerTarget {
  app?: string;
  org?: string;
  json?: string;
}

function parseDuration(value: string): number {
  const ms = Number(value);
  if (!/^\d+$/.test(value) || ms > 3_600_000) {
    throw new InvalidArgumentError('expected milliseconds, from 0 to 3600000 (one hour)');
  }
  return ms;
}

const DATA_HELP =
  'data folder of the running sandbox (default: API_HOST and credentials from the environment)';

export function addTriggerCommands(sandbox: Command): void {
  // `sandbox` and its triggers both take --data: after `trigger`, options are the trigger's own.
  sandbox.enablePositionalOptions();
  const trigger = sandbox
    .command('trigger')
    .description(
      'make a deployment or an event happen in the running sandbox (webhooks and the event socket see it)',
    );

  const deploy = trigger
    .command('deploy')
    .description(
      'simulate a deployment: GIT_PUSH, DEPLOYMENT_ACTION_BEGIN (WIP), then after --duration ' +
        'DEPLOYMENT_ACTION_END and DEPLOYMENT_SUCCESS or DEPLOYMENT_FAIL',
    )
    .requiredOption('--app <id|name>', 'the application to deploy (app_… or its name)')
    .option('--fail', 'make the deployment fail')
    .option('--duration <ms>', 'how long the deployment runs (default 5000)', parseDuration)
    .option('-d, --data <dir>', DATA_HELP)
    .action(async (options: TriggerDeployOptions) => {
      const { triggerDeploy } = await import('./sandbox-trigger-actions.js');
      await triggerDeploy(options);
    });
  withExamples(deploy, ['clever-notify sandbox trigger deploy --app app_… --fail --duration 2000'], {
    credentials: false,
  });

  const event = trigger
    .command('event')
    .description('send any event of the catalogue about an app or add-on (--app) or an owner (--org)')
    .argument('<type>', 'the event, e.g. APPLICATION_STOP (see `clever-notify events`)')
    .option(
      '--app <id|name>',
      'the application (app_… or name) or add-on (addon_… or name) the event is about',
    )
    .option('--org <owner_id>', 'the owner (orga_… or user_…) the event is about')
    .option('--json <data>', 'extra fields of the event data, as a JSON object')
    .option('-d, --data <dir>', DATA_HELP)
    .action(async (type: string, options: TriggerEventOptions) => {
      const { triggerEvent } = await import('./sandbox-trigger-actions.js');
      await triggerEvent(type, options);
    });
  withExamples(
    event,
    [
      'clever-notify sandbox trigger event APPLICATION_STOP --app app_…',
      `clever-notify sandbox trigger event CREDITS_ADDED --org orga_… --json '{"amount":20}'`,
    ],
    { credentials: false },
  );
  withExamples(trigger, ['clever-notify sandbox trigger deploy --app app_…'], { credentials: false });
}

// `clever-notify webhooks`: list, add, edit, remove and test webhooks, with the flags of
// `clever webhooks`. Several URLs per webhook: repeat the URL argument, each one optionally
// prefixed by its format (`slack=https://…`).
import { type Command, Option } from 'commander';
import {
  addOrgOption,
  addOutputOption,
  addResultOption,
  addSandboxOption,
  type CommonFlags,
  type ResultFlags,
  resultFormat,
  withExamples,
} from './common-options.js';
import type { CoverageFlags, HookListFlags } from './hook-actions.js';
import { addCoverageOptions, addRemoveCommand, hookCommand } from './hook-commands.js';

export type WebhookListFlags = HookListFlags;

export interface WebhookWriteFlags extends CoverageFlags, ResultFlags {
  format?: string;
}

export interface WebhookEditFlags extends WebhookWriteFlags {
  name?: string;
  url?: string[];
  addUrl?: string[];
  removeUrl?: string[];
}

export interface WebhookTestFlags extends CommonFlags {
  yes?: boolean;
  format: 'human' | 'json';
}

const collect = (value: string, previous: string[] = []) => [...previous, value];
const load = () => import('./webhooks-actions.js');

function writeOptions(command: Command, formatDefault: string | undefined): Command {
  const format = new Option(
    '--format <format>',
    'format of the URLs given without FORMAT= (raw, slack, gitter, flowdock)',
  );
  command.addOption(formatDefault ? format.default(formatDefault) : format);
  addCoverageOptions(command);
  return addResultOption(command, 'webhook');
}

export function register(program: Command): void {
  const webhooks = hookCommand(
    program,
    'webhooks',
    'list and manage the webhooks of an organisation or of the linked app',
    'webhook',
    async (flags) => (await load()).listWebhooks(flags),
    {
      alone: ['clever-notify webhooks --org "My Org"', 'clever-notify webhooks --org orga_… -F json'],
      list: ['clever-notify webhooks list --org orga_… -F json'],
    },
  );

  const add = webhooks
    .command('add')
    .description('add a webhook called when events happen (one or several URLs)')
    .argument('<name>', 'name of the webhook')
    .argument('<url...>', 'URL to call; prefix it with FORMAT= for a format other than --format');
  writeOptions(add, 'raw');
  addOrgOption(add);
  addSandboxOption(add);
  withExamples(add, [
    'clever-notify webhooks add deploys https://example.com/hook --event META_DEPLOYMENT_RESULT -F json',
    'clever-notify webhooks add team slack=https://hooks.slack.com/services/T/B/X raw=https://example.com/hook --org "My Org"',
  ]);
  add.action(async (name: string, urls: string[], flags: WebhookWriteFlags, command: Command) =>
    (await load()).addWebhook(name, urls, flags, resultFormat(flags, command)),
  );

  const edit = webhooks
    .command('edit')
    .description('change a webhook (what you do not give is kept)')
    .argument('<id>', 'id of the webhook')
    .option('--name <name>', 'new name')
    .option('--url <url>', 'replace the URLs (repeat for several; FORMAT=URL allowed)', collect)
    .option('--add-url <url>', 'add a URL (repeatable; FORMAT=URL allowed)', collect)
    .option('--remove-url <url>', 'remove a URL (repeatable)', collect);
  writeOptions(edit, undefined);
  addOrgOption(edit);
  addSandboxOption(edit);
  edit.addHelpText(
    'after',
    '\n--format alone (no --url/--add-url) switches every URL of the webhook to that format.',
  );
  withExamples(edit, [
    'clever-notify webhooks edit HOOK_ID --event DEPLOYMENT_FAIL,DEPLOYMENT_SUCCESS',
    'clever-notify webhooks edit HOOK_ID --add-url slack=https://hooks.slack.com/services/T/B/X --org "My Org"',
  ]);
  edit.action(async (id: string, flags: WebhookEditFlags, command: Command) =>
    (await load()).editWebhook(id, flags, resultFormat(flags, command)),
  );

  addRemoveCommand(webhooks, 'remove a webhook', 'webhook', async (id, flags) =>
    (await load()).removeWebhook(id, flags),
  );

  const test = webhooks
    .command('test')
    .description(
      'send a sample DEPLOYMENT_SUCCESS to every URL of a webhook (sandbox: through its dispatcher; ' +
        'Clever Cloud: straight from this machine, after confirmation)',
    )
    .argument('<id>', 'id of the webhook')
    .option('-y, --yes', 'do not ask for confirmation');
  addOrgOption(test);
  addOutputOption(test);
  addSandboxOption(test);
  withExamples(test, ['clever-notify webhooks test HOOK_ID --org "My Org" --yes']);
  test.action(async (id: string, flags: WebhookTestFlags) => (await load()).testWebhook(id, flags));
}

// `clever-notify notify-email`: the e-mail hooks, with the flags of `clever notify-email`.
import type { Command } from 'commander';
import {
  addOrgOption,
  addResultOption,
  addSandboxOption,
  type ResultFlags,
  resultFormat,
  withExamples,
} from './common-options.js';
import type { CoverageFlags, HookListFlags } from './hook-actions.js';
import { addCoverageOptions, addRemoveCommand, hookCommand } from './hook-commands.js';

export type EmailListFlags = HookListFlags;

export interface EmailWriteFlags extends CoverageFlags, ResultFlags {
  notify?: string;
  name?: string;
}

const load = () => import('./notify-email-actions.js');

function writeOptions(command: Command): Command {
  addCoverageOptions(command);
  addResultOption(command, 'e-mail hook');
  addOrgOption(command);
  return addSandboxOption(command);
}

const NOTIFY =
  'who gets the e-mails: e-mail addresses, user_… ids or organisation (the whole team), comma-separated';

export function register(program: Command): void {
  const notifyEmail = hookCommand(
    program,
    'notify-email',
    'list and manage the e-mail notifications of an organisation or of the linked app',
    'e-mail hook',
    async (flags) => (await load()).listEmailHooks(flags),
    {
      alone: [
        'clever-notify notify-email --org "My Org"',
        'clever-notify notify-email list -F json --list-all',
      ],
      list: ['clever-notify notify-email list --org orga_… -F json'],
    },
  );

  const add = notifyEmail
    .command('add')
    .description('add an e-mail notification')
    .argument('<name>', 'name of the e-mail hook')
    .requiredOption('--notify <targets>', NOTIFY);
  writeOptions(add);
  withExamples(add, [
    'clever-notify notify-email add failures --notify ops@example.com,organisation --event DEPLOYMENT_FAIL --org "My Org" -F json',
  ]);
  add.action(async (name: string, flags: EmailWriteFlags, command: Command) =>
    (await load()).addEmailHook(name, flags, resultFormat(flags, command)),
  );

  const edit = notifyEmail
    .command('edit')
    .description('change an e-mail hook (what you do not give is kept)')
    .argument('<id>', 'id of the e-mail hook')
    .option('--name <name>', 'new name')
    .option('--notify <targets>', NOTIFY);
  writeOptions(edit);
  withExamples(edit, ['clever-notify notify-email edit HOOK_ID --notify me@example.com --org "My Org"']);
  edit.action(async (id: string, flags: EmailWriteFlags, command: Command) =>
    (await load()).editEmailHook(id, flags, resultFormat(flags, command)),
  );

  addRemoveCommand(notifyEmail, 'remove an e-mail notification', 'e-mail hook', async (id, flags) =>
    (await load()).removeEmailHook(id, flags),
  );
}

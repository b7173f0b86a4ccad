// `clever-notify notify-email`: the e-mail hooks, with the flags of `clever notify-email`.
import type { Command } from 'commander';
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

export interface EmailListFlags extends CommonFlags {
  listAll?: boolean;
  format: 'human' | 'json';
}

export interface EmailWriteFlags extends CommonFlags, ResultFlags {
  notify?: string;
  event?: string;
  service?: string;
  name?: string;
}

const load = () => import('./notify-email-actions.js');

function listOptions(command: Command): Command {
  addOrgOption(command);
  command.option(
    '--list-all',
    'list every e-mail hook of your personal space (or of --org), not only the linked app’s',
  );
  addOutputOption(command);
  return addSandboxOption(command);
}

function writeOptions(command: Command): Command {
  command
    .option(
      '--event <events>',
      'only these events, comma-separated (META_… groups allowed; ALL for every event)',
    )
    .option(
      '--service <ids>',
      'only these apps and add-ons, comma-separated ids (needs --org; ALL for every one)',
    );
  addResultOption(command, 'e-mail hook');
  addOrgOption(command);
  return addSandboxOption(command);
}

const NOTIFY =
  'who gets the e-mails: e-mail addresses, user_… ids or organisation (the whole team), comma-separated';

export function register(program: Command): void {
  // The list's `-F, --format` and add's `--format raw|slack…` share a name (as in clever-tools): the
  // parent's options must stop at the subcommand, which commander allows only if the root agrees.
  program.enablePositionalOptions();
  const notifyEmail = program
    .command('notify-email')
    .description('list and manage the e-mail notifications of an organisation or of the linked app')
    .enablePositionalOptions();
  listOptions(notifyEmail);
  withExamples(notifyEmail, [
    'clever-notify notify-email --org "My Org"',
    'clever-notify notify-email list -F json --list-all',
  ]);
  notifyEmail.action(async (flags: EmailListFlags) => (await load()).listEmailHooks(flags));

  const list = notifyEmail.command('list').description('list the e-mail hooks (the default)');
  listOptions(list);
  withExamples(list, ['clever-notify notify-email list --org orga_… -F json']);
  list.action(async (flags: EmailListFlags) => (await load()).listEmailHooks(flags));

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

  const remove = notifyEmail
    .command('remove')
    .description('remove an e-mail notification')
    .argument('<id>', 'id of the e-mail hook');
  addOrgOption(remove);
  addSandboxOption(remove);
  withExamples(remove, ['clever-notify notify-email remove HOOK_ID --org "My Org"']);
  remove.action(async (id: string, flags: CommonFlags) => (await load()).removeEmailHook(id, flags));
}

// The declarations that `webhooks` and `notify-email` share: the command itself, which lists like its
// `list`, the flags of add and edit that say what a hook covers, and `remove`.
import type { Command } from 'commander';
import { unknownValue } from '../domain/did-you-mean.js';
import { UserError } from '../domain/errors.js';
import {
  addOrgOption,
  addOutputOption,
  addSandboxOption,
  type CommonFlags,
  withExamples,
} from './common-options.js';
import type { HookListFlags } from './hook-actions.js';

/**
 * `webhooks` or `notify-email`, listing the hooks when run alone. The list's `-F, --format` and
 * `webhooks add --format raw|slack…` share a name (as in clever-tools): the parent's options must stop
 * at the subcommand, which commander allows only if the root agrees.
 */
export function hookCommand(
  program: Command,
  name: string,
  description: string,
  noun: string,
  list: (flags: HookListFlags) => Promise<void>,
  examples: { alone: string[]; list: string[] },
): Command {
  program.enablePositionalOptions();
  const parent = program.command(name).description(description).enablePositionalOptions();
  const listCommand = parent.command('list').description(`list the ${noun}s (the default)`);
  for (const [command, example] of [
    [parent, examples.alone],
    [listCommand, examples.list],
  ] as const) {
    addOrgOption(command);
    command.option(
      '--list-all',
      `list every ${noun} of your personal space (or of --org), not only the linked app’s`,
    );
    command.option('--wide', 'on a terminal too, every column whole (one long line per hook)');
    if (noun === 'webhook') {
      command.option(
        '--show-secrets',
        'show URLs whole (Slack and Discord secrets, passwords); -F json always does',
      );
    }
    addOutputOption(command);
    addSandboxOption(command);
    withExamples(command, example);
  }
  listCommand.action((flags: HookListFlags) => list(flags));
  // Alone, it lists; a word after it that is no subcommand is a typo to point out, not a list.
  parent.argument('[command]', 'list (the default), add, edit, remove…');
  // Commander would name `[command]` twice: once for the subcommands, once for this argument.
  parent.usage('[options] [command]');
  parent.action((word: string | undefined, flags: HookListFlags) => {
    if (word === undefined) return list(flags);
    const known = parent.commands.map((c) => c.name());
    throw new UserError(unknownValue('command', word, known, `see clever-notify ${name} --help`));
  });
  return parent;
}

/** --event and --service of add and edit. */
export function addCoverageOptions(command: Command): Command {
  return command
    .option(
      '--event <events>',
      'only these events, comma-separated (META_… groups allowed; ALL for every event)',
    )
    .option(
      '--service <ids>',
      'only these apps and add-ons, comma-separated ids (needs --org; ALL for every one)',
    );
}

export function addRemoveCommand(
  parent: Command,
  description: string,
  noun: string,
  remove: (id: string, flags: CommonFlags) => Promise<void>,
): Command {
  const command = parent.command('remove').description(description).argument('<id>', `id of the ${noun}`);
  addOrgOption(command);
  addSandboxOption(command);
  withExamples(command, [`clever-notify ${parent.name()} remove HOOK_ID --org "My Org"`]);
  return command.action((id: string, flags: CommonFlags) => remove(id, flags));
}

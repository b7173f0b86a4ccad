// Flags shared by the commands, spelled as in clever-tools so that habits carry over.
import { type Command, Option } from 'commander';

export interface CommonFlags {
  org?: string;
  owner?: string;
  sandbox?: boolean;
}

export function addOrgOption(command: Command): Command {
  return command
    .addOption(
      new Option('-o, --org <id|name>', 'organisation (or user_…) by its id, or by its name if unambiguous'),
    )
    .addOption(new Option('--owner <id|name>', 'same as --org').hideHelp());
}

export function addSandboxOption(command: Command): Command {
  return command.option('--sandbox', 'talk to the local sandbox instead of Clever Cloud');
}

export function addOutputOption(command: Command): Command {
  return command.addOption(
    new Option('-F, --format <format>', 'output format').choices(['human', 'json']).default('human'),
  );
}

export type OutputFormat = 'human' | 'json';

export interface ResultFlags {
  output?: OutputFormat;
  json?: boolean;
}

/**
 * What `add` and `edit` print: `-F human|json`, as on the lists. Its long name is --output because on
 * `webhooks add|edit` --format is the URLs' format, as in clever-tools.
 */
export function addResultOption(command: Command, what: string): Command {
  return command
    .addOption(
      new Option('-F, --output <format>', `one line naming the ${what} and its id, or the ${what} as JSON`)
        .choices(['human', 'json'])
        .default('human'),
    )
    .option('--json', 'same as -F json');
}

/**
 * The parent command (`webhooks`, `notify-email`) has its own -F and, with positional options, takes
 * it when it comes before the subcommand: `webhooks -F json add …` means JSON too.
 */
export function resultFormat(flags: ResultFlags, command: Command): OutputFormat {
  if (flags.json) return 'json';
  if (command.getOptionValueSource('output') === 'cli') return flags.output ?? 'human';
  const parent = command.parent;
  return parent?.getOptionValueSource('format') === 'cli' ? (parent.opts().format as OutputFormat) : 'human';
}

export function orgOf(flags: CommonFlags): string | undefined {
  return flags.org ?? flags.owner;
}

/** Appended to every --help: where the credentials come from. */
export const CREDENTIALS_HELP = `
Credentials: CLEVER_TOKEN + CLEVER_SECRET, else CLEVER_API_TOKEN (an API token, sent as Bearer to
AUTH_BRIDGE_HOST), else the profile of \`clever login\` (CONFIGURATION_FILE or
~/.config/clever-cloud/clever-tools.json). With none, or with --sandbox, the local sandbox is used.
API_HOST, AUTH_BRIDGE_HOST, OAUTH_CONSUMER_KEY and OAUTH_CONSUMER_SECRET override the hosts and the
consumer pair; CLEVER_NOTIFY_DEBUG=1 logs each request (never the credentials) on stderr.`;

/** Examples after the help, and where credentials come from unless the command needs none. */
export function withExamples(command: Command, examples: string[], { credentials = true } = {}): Command {
  return command.addHelpText(
    'after',
    `\nExample${examples.length > 1 ? 's' : ''}:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n${credentials ? CREDENTIALS_HELP : ''}`,
  );
}

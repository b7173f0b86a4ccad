// `clever-notify export`: the webhooks and e-mail hooks of one owner, or of every owner, as a
// notifications file (see README.md, "Notifications as code").
import { type Command, Option } from 'commander';
import { addSandboxOption, type CommonFlags, withExamples } from './common-options.js';

export interface ExportFlags extends CommonFlags {
  all?: boolean;
  output?: string;
  inlineSecrets?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('export')
    .description('write the hooks of your owners as a notifications file, for `plan` and `apply`')
    .option('--all', 'every owner: your personal space and your organisations (the default)')
    // -o is the file here, as the issue and most exporters spell it; the owner is --org only.
    .option('--org <id|name>', 'one organisation (or user_…) by its id, or by its name if unambiguous')
    .addOption(new Option('--owner <id|name>', 'same as --org').hideHelp())
    .option('-o, --output <file>', 'write to FILE (YAML; JSON for a .json name) instead of standard output')
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the file's own syntax for a variable
    .option('--inline-secrets', 'write Slack and Discord tokens and URL passwords whole, not as ${VAR}');
  addSandboxOption(command);
  withExamples(command, [
    'clever-notify export -o notifications.yaml',
    'clever-notify export --org "My Org" > my-org.yaml',
  ]);
  command.action(async (flags: ExportFlags) => (await import('./as-code-actions.js')).exportCommand(flags));
}

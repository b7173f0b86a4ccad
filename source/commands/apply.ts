// `clever-notify apply -f FILE`: makes the hooks what the file says, after showing the plan and
// asking (unless --yes); a changed hook is edited in place, keeping its id.
import type { Command } from 'commander';
import { addSandboxOption, type CommonFlags, withExamples } from './common-options.js';

export interface ApplyFlags extends CommonFlags {
  file: string;
  prune?: boolean;
  yes?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('apply')
    .description('add, change (in place) and, with --prune, remove hooks so that they match the file')
    .requiredOption('-f, --file <file>', 'the notifications file (YAML or JSON)')
    .option('--prune', 'also remove the hooks that the file does not name')
    .option('-y, --yes', 'do not ask for confirmation (needed without a terminal)');
  addSandboxOption(command);
  withExamples(command, [
    'clever-notify apply -f notifications.yaml',
    'SLACK_TOKEN=… clever-notify apply -f notifications.yaml --prune --yes',
  ]);
  command.action(async (flags: ApplyFlags) => (await import('./as-code-actions.js')).applyCommand(flags));
}

// `clever-notify plan -f FILE`: what `apply` would change, per owner; the exit code says whether
// anything would (0 nothing, 2 changes, 1 an error), for CI.
import type { Command } from 'commander';
import { addSandboxOption, type CommonFlags, withExamples } from './common-options.js';

export interface PlanFlags extends CommonFlags {
  file: string;
  prune?: boolean;
}

export function register(program: Command): void {
  const command = program
    .command('plan')
    .description('show what `apply -f FILE` would add, change and remove (exit 0: nothing, 2: changes)')
    .requiredOption('-f, --file <file>', 'the notifications file (YAML or JSON; - for standard input)')
    .option('--prune', 'also remove the hooks that the file does not name');
  addSandboxOption(command);
  withExamples(command, [
    'clever-notify plan -f notifications.yaml',
    'clever-notify plan -f notifications.yaml --prune',
  ]);
  command.action(async (flags: PlanFlags) => (await import('./as-code-actions.js')).planCommand(flags));
}

// Commander's usage errors ("error: unknown option '-x'", sometimes with a second line of advice)
// become the one-line reason every other failure gives, naming the command whose --help explains it.
import type { Command } from 'commander';
import { didYouMean } from '../domain/did-you-mean.js';

/** `error: unknown command 'x'\n(Did you mean y?)` → `unknown command 'x' (did you mean y?) (see P --help)`. */
export function usageErrorLine(message: string, commandPath: string): string {
  const reason = message
    .trim()
    .replace(/^error: /, '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => line.replace(/^\(Did you mean/, '(did you mean'))
    .join(' ')
    .replace(/\.$/, '');
  return `${commandPath.split(' ')[0]}: ${withSuggestion(reason)} (see ${commandPath} --help)\n`;
}

/** Commander lists the choices of an option; say which one was probably meant, as every command does. */
function withSuggestion(reason: string): string {
  const choice = /argument '([^']*)' is invalid\. Allowed choices are (.*)$/.exec(reason);
  if (!choice) return reason;
  return `${reason}${didYouMean(choice[1]!, choice[2]!.split(/,\s*/))}`;
}

function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

/** Applies to the program and every command under it; call it once they are all declared. */
export function oneLineUsageErrors(program: Command): void {
  const visit = (command: Command): void => {
    const path = commandPath(command);
    command.configureOutput({
      outputError: (message, write) => write(usageErrorLine(message, path)),
    });
    for (const sub of command.commands) visit(sub);
  };
  visit(program);
}

// `clever-notify events`: the event catalogue, with what each META group covers.
import type { Command } from 'commander';
import { addOutputOption, addSandboxOption, type CommonFlags, withExamples } from './common-options.js';

export interface EventsFlags extends CommonFlags {
  format: 'human' | 'json';
  offline?: boolean;
}

export function register(program: Command): void {
  const events = program
    .command('events')
    .description('list the events a hook can listen to, and what each META_… group covers');
  addOutputOption(events);
  addSandboxOption(events);
  events.option('--offline', 'print the catalogue built into clever-notify, without asking the API');
  withExamples(events, [
    'clever-notify events',
    'clever-notify events -F json',
    'clever-notify events --offline',
  ]);
  events.action(async (flags: EventsFlags) => (await import('./events-action.js')).listEvents(flags));
}

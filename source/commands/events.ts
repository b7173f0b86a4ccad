// `clever-notify events`: the event catalogue, with what each META group covers.
import type { Command } from 'commander';
import { addOutputOption, addSandboxOption, type CommonFlags, withExamples } from './common-options.js';

export interface EventsFlags extends CommonFlags {
  format: 'human' | 'json';
}

export function register(program: Command): void {
  const events = program
    .command('events')
    .description('list the events a hook can listen to, and what each META_… group covers');
  addOutputOption(events);
  addSandboxOption(events);
  withExamples(events, ['clever-notify events', 'clever-notify events -F json']);
  events.action(async (flags: EventsFlags) => (await import('./events-action.js')).listEvents(flags));
}

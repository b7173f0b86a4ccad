// `clever-notify tui` (and `clever-notify` alone on a terminal): the full-screen interface.
import type { Command } from 'commander';
import { withExamples } from './common-options.js';
import { openTui } from './open-tui.js';

export function register(program: Command): void {
  const tui = program
    .command('tui')
    .description('browse owners and apps, and add, edit, test and remove hooks, full screen')
    .option('--sandbox', 'use the local sandbox even when credentials are set')
    .action(openTui);
  withExamples(tui, ['clever-notify tui', 'clever-notify tui --sandbox']);
}

// `clever-notify tui` (and `clever-notify` alone on a terminal): the full-screen interface.
import type { Command } from 'commander';
import { withExamples } from './common-options.js';

export function register(program: Command): void {
  const tui = program
    .command('tui')
    .description('browse owners and apps, and add, edit, test and remove hooks, full screen')
    .option('--sandbox', 'use the local sandbox even when credentials are set')
    .action(async (flags: { sandbox?: boolean }) => {
      // Ink draws nothing but the last frame when CI is set; someone who opens the TUI on a terminal
      // wants it drawn wherever they are. Ink reads the variable when it loads, just below.
      if (process.stdout.isTTY) {
        delete process.env.CI;
        delete process.env.CONTINUOUS_INTEGRATION;
      }
      const { runTui } = await import('../ui/run-tui.js');
      await runTui(flags.sandbox ? { sandbox: true } : {});
    });
  withExamples(tui, ['clever-notify tui', 'clever-notify tui --sandbox']);
}

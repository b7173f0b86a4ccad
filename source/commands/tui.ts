// `clever-notify tui` (and `clever-notify` alone on a terminal): the full-screen interface.
import type { Command } from 'commander';

export function register(program: Command): void {
  program
    .command('tui')
    .description('browse owners and apps, and add, edit, test and remove hooks, full screen')
    .option('--sandbox', 'use the local sandbox even when credentials are set')
    .action(async (flags: { sandbox?: boolean }) => {
      const { runTui } = await import('../ui/run-tui.js');
      await runTui(flags.sandbox ? { sandbox: true } : {});
    });
}

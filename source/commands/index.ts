// Every command of the CLI is declared here, one register function per command module. Each module
// declares its flags eagerly (for --help) and loads its implementation only when it runs.
import type { Command } from 'commander';
import { register as registerSandbox } from './sandbox.js';

export function registerCommands(program: Command): void {
  registerSandbox(program);
}

// Every command of the CLI is declared here, one register function per command module. Each module
// declares its flags eagerly (for --help) and loads its implementation only when it runs.
import type { Command } from 'commander';

export function registerCommands(_program: Command): void {}

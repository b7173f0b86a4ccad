// Every command of the CLI is declared here, one register function per command module. Each module
// declares its flags eagerly (for --help) and loads its implementation only when it runs.
import type { Command } from 'commander';
import { register as registerApply } from './apply.js';
import { register as registerApps } from './apps.js';
import { register as registerDeliveries } from './deliveries.js';
import { register as registerEvents } from './events.js';
import { register as registerExport } from './export.js';
import { register as registerListen } from './listen.js';
import { register as registerNotifyEmail } from './notify-email.js';
import { register as registerPlan } from './plan.js';
import { register as registerSandbox } from './sandbox.js';
import { register as registerTail } from './tail.js';
import { register as registerTui } from './tui.js';
import { register as registerWebhooks } from './webhooks.js';

/** In the order of the root --help. */
const COMMANDS: Record<string, (program: Command) => void> = {
  webhooks: registerWebhooks,
  'notify-email': registerNotifyEmail,
  events: registerEvents,
  apps: registerApps,
  export: registerExport,
  plan: registerPlan,
  apply: registerApply,
  sandbox: registerSandbox,
  tail: registerTail,
  listen: registerListen,
  deliveries: registerDeliveries,
  tui: registerTui,
};

/**
 * Declares every command, or only `only` when it names one: the command line that starts with a
 * command is parsed by that command alone, so the others need not be declared (each declaration
 * costs commander objects and help texts at every start; docs/performance.md).
 */
export function registerCommands(program: Command, only?: string): void {
  const one = only !== undefined && Object.hasOwn(COMMANDS, only) ? COMMANDS[only] : undefined;
  if (one) one(program);
  else for (const register of Object.values(COMMANDS)) register(program);
}

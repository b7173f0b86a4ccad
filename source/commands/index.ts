// Every command of the CLI is declared here, one register function per command module. Each module
// declares its flags eagerly (for --help) and loads its implementation only when it runs.
import type { Command } from 'commander';
import { register as registerApply } from './apply.js';
import { register as registerApps } from './apps.js';
import { register as registerEvents } from './events.js';
import { register as registerExport } from './export.js';
import { register as registerNotifyEmail } from './notify-email.js';
import { register as registerPlan } from './plan.js';
import { register as registerSandbox } from './sandbox.js';
import { register as registerTail } from './tail.js';
import { register as registerTui } from './tui.js';
import { register as registerWebhooks } from './webhooks.js';

export function registerCommands(program: Command): void {
  registerWebhooks(program);
  registerNotifyEmail(program);
  registerEvents(program);
  registerApps(program);
  registerExport(program);
  registerPlan(program);
  registerApply(program);
  registerSandbox(program);
  registerTail(program);
  registerTui(program);
}

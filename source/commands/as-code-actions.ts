// What export, plan and apply do, loaded only when one of them runs (with the YAML library).
import { applyPlans, doneText, planFile } from '../as-code/apply.js';
import { formatNotifications, readNotifications } from '../as-code/document.js';
import { type ExportResult, exportNotifications, exportToFile } from '../as-code/export.js';
import { stepCount } from '../as-code/plan.js';
import { planLines } from '../as-code/plan-text.js';
import { UserError } from '../domain/errors.js';
import { safeText } from '../domain/terminal-text.js';
import type { ApplyFlags } from './apply.js';
import { orgOf } from './common-options.js';
import { confirm } from './confirm.js';
import type { ExportFlags } from './export.js';
import { resolveOrg } from './owner.js';
import type { PlanFlags } from './plan.js';
import { out, warn, withApi } from './run.js';

const SECRET = {
  slack: 'the Slack token',
  discord: 'the Discord token',
  password: 'the URL password',
} as const;

export async function exportCommand(flags: ExportFlags): Promise<void> {
  const org = orgOf(flags);
  if (org && flags.all) throw new UserError('give --org or --all, not both');
  await withApi(flags, async (api) => {
    const options = {
      inlineSecrets: flags.inlineSecrets === true,
      ...(org ? { ownerIds: [await resolveOrg(api, org)] } : {}),
    };
    let result: ExportResult;
    if (flags.output) {
      result = await exportToFile(api, flags.output, options);
    } else {
      result = await exportNotifications(api, options);
      out(formatNotifications(result.file, 'yaml'));
    }
    const where = flags.output ? ` to ${safeText(flags.output)}` : '';
    const owners = result.file.owners.length;
    warn(
      `Exported ${result.webhooks} webhook${result.webhooks === 1 ? '' : 's'} and ${result.emailHooks} e-mail hook${result.emailHooks === 1 ? '' : 's'} of ${owners} owner${owners === 1 ? '' : 's'}${where}.`,
    );
    for (const hook of result.unnamed) {
      warn(
        `warning: the ${hook.kind === 'email' ? 'e-mail hook' : 'webhook'} ${safeText(hook.id)} of ${hook.ownerId} has no name, and the file matches hooks by name: it is left out (name it with \`clever-notify ${hook.kind === 'email' ? 'notify-email' : 'webhooks'} edit ${safeText(hook.id)} --name …\`)`,
      );
    }
    if (result.variables.length > 0) {
      warn(
        `The file refers to ${result.variables.length} environment variable${result.variables.length === 1 ? '' : 's'}; set them before plan and apply:`,
      );
      for (const v of result.variables) {
        warn(`  ${v.name}  ${SECRET[v.kind]} of "${safeText(v.hookName)}" (${safeText(v.ownerName)})`);
      }
    }
  });
}

export async function planCommand(flags: PlanFlags): Promise<void> {
  // The file is read and checked before any request.
  const file = await readNotifications(flags.file, process.env);
  await withApi(flags, async (api) => {
    const plans = await planFile(api, file, { prune: flags.prune === true });
    out(planLines(plans, { prune: flags.prune === true }).join('\n'));
    if (stepCount(plans) > 0) process.exitCode = 2;
  });
}

export async function applyCommand(flags: ApplyFlags): Promise<void> {
  const file = await readNotifications(flags.file, process.env);
  if (!flags.yes && !process.stdin.isTTY) {
    throw new UserError('apply needs a confirmation, and there is no terminal to ask: add --yes');
  }
  await withApi(flags, async (api) => {
    const prune = flags.prune === true;
    const plans = await planFile(api, file, { prune });
    out(planLines(plans, { prune }).join('\n'));
    const total = stepCount(plans);
    if (total === 0) return;
    const yes = await confirm(`Apply these ${total} change${total === 1 ? '' : 's'}?`, {
      yes: flags.yes === true,
      action: 'apply',
    });
    if (!yes) throw new UserError('apply cancelled: nothing was changed');
    await applyPlans(api, plans, (done) => out(doneText(done)));
    out(`Applied ${total} change${total === 1 ? '' : 's'}.`);
  });
}

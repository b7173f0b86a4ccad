// What the notify-email commands do, loaded only when one runs.
import type { CleverApi } from '../api/types.js';
import { UserError } from '../domain/errors.js';
import type { EmailHook } from '../domain/schemas.js';
import { type CommonFlags, type OutputFormat, orgOf } from './common-options.js';
import { emailHookJson, emailHooksTable, hooksCoveringApp } from './format/hooks.js';
import { paintFor, terminalWidth } from './format/style.js';
import { parseEvents, parseNotify, parseServices, withOptionalLists } from './hook-input.js';
import type { EmailListFlags, EmailWriteFlags } from './notify-email.js';
import { checkServices, hookOwner, listTarget } from './owner.js';
import { out, printJson, withApi } from './run.js';

export async function listEmailHooks(flags: EmailListFlags): Promise<void> {
  await withApi(flags, async (api) => {
    const org = orgOf(flags);
    const target = await listTarget(api, { ...(org ? { org } : {}), listAll: flags.listAll === true });
    const hooks = hooksCoveringApp(await api.listEmailHooks(target.ownerId), target.appId);
    if (flags.format === 'json') return printJson(hooks.map(emailHookJson));
    if (hooks.length === 0) {
      const about = target.appId ? ` covering ${target.appId}` : '';
      return out(`No e-mail hooks for ${target.ownerId}${about}.`);
    }
    out(emailHooksTable(hooks, paintFor(process.stdout), terminalWidth()));
  });
}

export async function addEmailHook(
  name: string,
  flags: EmailWriteFlags,
  output: OutputFormat,
): Promise<void> {
  const org = orgOf(flags);
  if (flags.service !== undefined && !org) throw new UserError('--service needs --org');
  const notified = parseNotify(flags.notify ?? '');
  const scopeFlag = flags.service !== undefined ? parseServices(flags.service) : undefined;
  await withApi(flags, async (api) => {
    const events =
      flags.event !== undefined ? await parseEvents(flags.event, () => api.eventCatalogue()) : null;
    const target = await listTarget(api, org ? { org } : {});
    const scope = scopeFlag !== undefined ? scopeFlag : target.appId ? [target.appId] : null;
    if (scope) await checkServices(api, target.ownerId, scope);
    const hook = await api.addEmailHook(target.ownerId, withOptionalLists({ name, notified, events, scope }));
    report(hook, output, 'Added');
  });
}

export async function editEmailHook(id: string, flags: EmailWriteFlags, output: OutputFormat): Promise<void> {
  const notified = flags.notify !== undefined ? parseNotify(flags.notify) : undefined;
  const scopeFlag = flags.service !== undefined ? parseServices(flags.service) : undefined;
  await withApi(flags, async (api) => {
    const ownerId = await hookOwner(api, orgOf(flags));
    const hook = await findEmailHook(api, ownerId, id);
    const events =
      flags.event !== undefined ? await parseEvents(flags.event, () => api.eventCatalogue()) : hook.events;
    if (scopeFlag) await checkServices(api, ownerId, scopeFlag);
    const input = withOptionalLists({
      name: flags.name ?? hook.name ?? '',
      events,
      scope: scopeFlag !== undefined ? scopeFlag : hook.scope,
      ...((notified ?? hook.notified) ? { notified: notified ?? hook.notified } : {}),
    });
    report(await api.editEmailHook(ownerId, hook.id, input), output, 'Edited');
  });
}

export async function removeEmailHook(id: string, flags: CommonFlags): Promise<void> {
  await withApi(flags, async (api) => {
    const ownerId = await hookOwner(api, orgOf(flags));
    await api.removeEmailHook(ownerId, id);
    out(`Removed e-mail hook ${id} of ${ownerId}.`);
  });
}

async function findEmailHook(api: CleverApi, ownerId: string, id: string): Promise<EmailHook> {
  const hook = (await api.listEmailHooks(ownerId)).find((h) => h.id === id);
  if (!hook) throw new UserError(`${ownerId} has no e-mail hook ${id} (another owner? add --org ID|NAME)`);
  return hook;
}

function report(hook: EmailHook, output: OutputFormat, verb: string): void {
  if (output === 'json') printJson(emailHookJson(hook));
  else out(`${verb} e-mail hook ${hook.id}${hook.name ? ` (${hook.name})` : ''} for ${hook.ownerId}.`);
}

// What the webhooks commands do, loaded only when one runs.
import type { CleverApi } from '../api/types.js';
import { UserError } from '../domain/errors.js';
import { DEAD_FORMATS, type Webhook, type WebhookInput, type WebhookUrl } from '../domain/schemas.js';
import { type CommonFlags, type OutputFormat, orgOf } from './common-options.js';
import { confirm } from './confirm.js';
import { hooksCoveringApp, testResultsTable, webhookJson, webhooksTable } from './format/hooks.js';
import { paintFor, terminalWidth } from './format/style.js';
import {
  parseEvents,
  parseFormat,
  parseServices,
  parseUrlArg,
  uniqueUrls,
  withOptionalLists,
} from './hook-input.js';
import { checkServices, hookOwner, listTarget } from './owner.js';
import { out, printJson, warn, withApi } from './run.js';
import type { WebhookEditFlags, WebhookListFlags, WebhookTestFlags, WebhookWriteFlags } from './webhooks.js';

export async function listWebhooks(flags: WebhookListFlags): Promise<void> {
  await withApi(flags, async (api) => {
    const org = orgOf(flags);
    const target = await listTarget(api, { ...(org ? { org } : {}), listAll: flags.listAll === true });
    const hooks = hooksCoveringApp(await api.listWebhooks(target.ownerId), target.appId);
    if (flags.format === 'json') return printJson(hooks.map(webhookJson));
    if (hooks.length === 0) {
      const about = target.appId ? ` covering ${target.appId}` : '';
      return out(`No webhooks for ${target.ownerId}${about}.`);
    }
    out(webhooksTable(hooks, paintFor(process.stdout), Date.now(), terminalWidth()));
  });
}

export async function addWebhook(
  name: string,
  urlArgs: string[],
  flags: WebhookWriteFlags,
  output: OutputFormat,
): Promise<void> {
  const org = orgOf(flags);
  if (flags.service !== undefined && !org) throw new UserError('--service needs --org');
  const format = parseFormat(flags.format ?? 'raw');
  const urls = uniqueUrls(urlArgs.map((arg) => parseUrlArg(arg, format)));
  const scopeFlag = flags.service !== undefined ? parseServices(flags.service) : undefined;
  await withApi(flags, async (api) => {
    const events =
      flags.event !== undefined ? await parseEvents(flags.event, () => api.eventCatalogue()) : null;
    const target = await listTarget(api, org ? { org } : {});
    // Like clever-tools: without --org the webhook is scoped to the linked app.
    const scope = scopeFlag !== undefined ? scopeFlag : target.appId ? [target.appId] : null;
    if (scope) await checkServices(api, target.ownerId, scope);
    warnDeadFormats(urls);
    const hook = await api.addWebhook(target.ownerId, withOptionalLists({ name, urls, events, scope }));
    report(hook, output, 'Added');
  });
}

export async function editWebhook(id: string, flags: WebhookEditFlags, output: OutputFormat): Promise<void> {
  if (flags.url && flags.addUrl)
    throw new UserError('use either --url (replace every URL) or --add-url, not both');
  const format = flags.format !== undefined ? parseFormat(flags.format) : undefined;
  const scopeFlag = flags.service !== undefined ? parseServices(flags.service) : undefined;
  await withApi(flags, async (api) => {
    const ownerId = await hookOwner(api, orgOf(flags));
    const hook = await findWebhook(api, ownerId, id);
    const events =
      flags.event !== undefined ? await parseEvents(flags.event, () => api.eventCatalogue()) : hook.events;
    const scope = scopeFlag !== undefined ? scopeFlag : hook.scope;
    if (scopeFlag) await checkServices(api, ownerId, scopeFlag);
    const urls = editedUrls(hook.urls, flags, format);
    if (urls.length === 0) throw new UserError('a webhook needs at least one URL');
    warnDeadFormats(urls.filter((u) => !hook.urls.some((h) => h.url === u.url && h.format === u.format)));
    const input: WebhookInput = withOptionalLists({
      name: flags.name ?? hook.name ?? '',
      urls,
      events,
      scope,
    });
    const edited = await api.editWebhook(ownerId, hook.id, input);
    report(edited, output, 'Edited');
  });
}

/** The URLs after --url / --add-url / --remove-url / --format, in that order of precedence. */
export function editedUrls(
  current: readonly WebhookUrl[],
  flags: Pick<WebhookEditFlags, 'url' | 'addUrl' | 'removeUrl'>,
  format: WebhookUrl['format'] | undefined,
): WebhookUrl[] {
  let urls: WebhookUrl[];
  if (flags.url) urls = flags.url.map((arg) => parseUrlArg(arg, format ?? 'raw'));
  else if (flags.addUrl) urls = [...current, ...flags.addUrl.map((arg) => parseUrlArg(arg, format ?? 'raw'))];
  else urls = format ? current.map((u) => ({ ...u, format })) : [...current];
  for (const removed of flags.removeUrl ?? []) {
    const before = urls.length;
    urls = urls.filter((u) => u.url !== removed);
    if (urls.length === before) throw new UserError(`the webhook has no URL ${removed}`);
  }
  return uniqueUrls(urls);
}

export async function removeWebhook(id: string, flags: CommonFlags): Promise<void> {
  await withApi(flags, async (api) => {
    const ownerId = await hookOwner(api, orgOf(flags));
    await api.removeWebhook(ownerId, id);
    out(`Removed webhook ${id} of ${ownerId}.`);
  });
}

export async function testWebhook(id: string, flags: WebhookTestFlags): Promise<void> {
  await withApi(flags, async (api) => {
    const ownerId = await hookOwner(api, orgOf(flags));
    const hook = await findWebhook(api, ownerId, id);
    if (api.target.kind !== 'sandbox') {
      const count = hook.urls.length === 1 ? 'its URL' : `its ${hook.urls.length} URLs`;
      const yes = await confirm(
        `Send a sample DEPLOYMENT_SUCCESS event from this machine to ${count} (${hook.urls.map((u) => u.url).join(', ')})?`,
        { yes: flags.yes === true, action: 'sending a test event from this machine' },
      );
      if (!yes) throw new UserError('test cancelled');
    }
    const results = await api.testWebhook(hook);
    if (flags.format === 'json') printJson(results);
    else out(testResultsTable(results, paintFor(process.stdout), terminalWidth()));
    const failed = results.filter((r) => !r.ok).length;
    if (failed > 0) {
      const which = results.length === 1 ? 'the URL' : `${failed} of ${results.length} URLs`;
      throw new UserError(`${which} did not accept the test event`);
    }
  });
}

async function findWebhook(api: CleverApi, ownerId: string, id: string): Promise<Webhook> {
  const hook = (await api.listWebhooks(ownerId)).find((h) => h.id === id);
  if (!hook) {
    throw new UserError(`${ownerId} has no webhook ${id} (another owner? add --org ID|NAME)`);
  }
  return hook;
}

function warnDeadFormats(urls: readonly WebhookUrl[]): void {
  const dead = [...new Set(urls.map((u) => u.format).filter((f) => DEAD_FORMATS.includes(f)))];
  for (const format of dead) {
    warn(
      `warning: ${format} no longer exists (${format === 'flowdock' ? 'Flowdock shut down in 2022' : 'Gitter moved to Matrix in 2023'}); the hook is saved anyway`,
    );
  }
}

function report(hook: Webhook, output: OutputFormat, verb: string): void {
  if (output === 'json') printJson(webhookJson(hook));
  else out(`${verb} webhook ${hook.id}${hook.name ? ` (${hook.name})` : ''} for ${hook.ownerId}.`);
}

// What the webhooks commands do, loaded only when one runs.
import { UserError } from '../domain/errors.js';
import { fullMaskedUrl } from '../domain/masking.js';
import { DEAD_FORMATS, type Webhook, type WebhookInput, type WebhookUrl } from '../domain/schemas.js';
import { safeText } from '../domain/terminal-text.js';
import type { CommonFlags, OutputFormat } from './common-options.js';
import { confirm } from './confirm.js';
import { webhookJson } from './format/hooks-json.js';
import { paintFor, terminalWidth } from './format/style.js';
import {
  editedCoverage,
  findHook,
  type HookKind,
  listHooks,
  newHookCoverage,
  removeHook,
  reportHook,
  scopeNames,
  serviceFlag,
} from './hook-actions.js';
import { parseFormat, parseUrlArg, uniqueUrls, withOptionalLists } from './hook-input.js';
import { out, printJson, warn, withApi } from './run.js';
import type { WebhookEditFlags, WebhookListFlags, WebhookTestFlags, WebhookWriteFlags } from './webhooks.js';

const WEBHOOK: HookKind<Webhook> = {
  noun: 'webhook',
  list: (api, ownerId) => api.listWebhooks(ownerId),
  remove: (api, ownerId, id) => api.removeWebhook(ownerId, id),
  json: webhookJson,
  table: async (hooks, { api, ownerId, all, width, showSecrets }) => {
    const [{ webhooksTable }, names] = await Promise.all([
      import('./format/hooks.js'),
      scopeNames(api, ownerId, hooks),
    ]);
    return webhooksTable(hooks, Date.now(), {
      paint: paintFor(process.stdout),
      width,
      showSecrets,
      names,
      ownerIds: all.map((h) => h.id),
    });
  },
};

export function listWebhooks(flags: WebhookListFlags): Promise<void> {
  return listHooks(WEBHOOK, flags);
}

export async function addWebhook(
  name: string,
  urlArgs: string[],
  flags: WebhookWriteFlags,
  output: OutputFormat,
): Promise<void> {
  const services = serviceFlag(flags, { needsOrg: true });
  const format = parseFormat(flags.format ?? 'raw');
  const urls = uniqueUrls(urlArgs.map((arg) => parseUrlArg(arg, format)));
  await withApi(flags, async (api) => {
    const { ownerId, events, scope } = await newHookCoverage(api, flags, services);
    warnDeadFormats(urls);
    const hook = await api.addWebhook(ownerId, withOptionalLists({ name, urls, events, scope }));
    reportHook(WEBHOOK, hook, output, 'Added');
  });
}

export async function editWebhook(id: string, flags: WebhookEditFlags, output: OutputFormat): Promise<void> {
  if (flags.url && flags.addUrl)
    throw new UserError('use either --url (replace every URL) or --add-url, not both');
  const format = flags.format !== undefined ? parseFormat(flags.format) : undefined;
  const services = serviceFlag(flags, { needsOrg: false });
  await withApi(flags, async (api) => {
    const hook = await findHook(WEBHOOK, api, flags, id);
    const { events, scope } = await editedCoverage(api, hook, flags, services);
    const urls = editedUrls(hook.urls, flags, format);
    if (urls.length === 0) throw new UserError('a webhook needs at least one URL');
    warnDeadFormats(urls.filter((u) => !hook.urls.some((h) => h.url === u.url && h.format === u.format)));
    const input: WebhookInput = withOptionalLists({
      name: flags.name ?? hook.name ?? '',
      urls,
      events,
      scope,
    });
    reportHook(WEBHOOK, await api.editWebhook(hook.ownerId, hook.id, input), output, 'Edited');
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
    if (urls.length === before) throw new UserError(`the webhook has no URL ${safeText(removed)}`);
  }
  return uniqueUrls(urls);
}

export function removeWebhook(id: string, flags: CommonFlags): Promise<void> {
  return removeHook(WEBHOOK, id, flags);
}

export async function testWebhook(id: string, flags: WebhookTestFlags): Promise<void> {
  await withApi(flags, async (api) => {
    const hook = await findHook(WEBHOOK, api, flags, id);
    if ((await api.identify()).kind !== 'sandbox') {
      const count = hook.urls.length === 1 ? 'its URL' : `its ${hook.urls.length} URLs`;
      const yes = await confirm(
        `Send a sample DEPLOYMENT_SUCCESS event from this machine to ${count} (${hook.urls.map((u) => safeText(fullMaskedUrl(u.url))).join(', ')})?`,
        { yes: flags.yes === true, action: 'sending a test event from this machine' },
      );
      if (!yes) throw new UserError('test cancelled');
    }
    const results = await api.testWebhook(hook);
    if (flags.format === 'json') printJson(results);
    else {
      const { testResultsTable } = await import('./format/hooks.js');
      out(testResultsTable(results, { paint: paintFor(process.stdout), width: terminalWidth() }));
    }
    const failed = results.filter((r) => !r.ok).length;
    if (failed > 0) {
      const which = results.length === 1 ? 'the URL' : `${failed} of ${results.length} URLs`;
      throw new UserError(`${which} did not accept the test event`);
    }
  });
}

function warnDeadFormats(urls: readonly WebhookUrl[]): void {
  const dead = [...new Set(urls.map((u) => u.format).filter((f) => DEAD_FORMATS.includes(f)))];
  for (const format of dead) {
    warn(
      `warning: ${format} no longer exists (${format === 'flowdock' ? 'Flowdock shut down in 2022' : 'Gitter moved to Matrix in 2023'}); the hook is saved anyway`,
    );
  }
}

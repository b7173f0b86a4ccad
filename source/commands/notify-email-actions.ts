// What the notify-email commands do, loaded only when one runs.
import type { CleverApi } from '../api/types.js';
import type { EmailHook } from '../domain/schemas.js';
import type { CommonFlags, OutputFormat } from './common-options.js';
import { emailHookJson } from './format/hooks-json.js';
import { paintFor } from './format/style.js';
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
import { parseNotify, withOptionalLists } from './hook-input.js';
import type { EmailListFlags, EmailWriteFlags } from './notify-email.js';
import { withApi } from './run.js';

const EMAIL_HOOK: HookKind<EmailHook> = {
  noun: 'e-mail hook',
  list: (api, ownerId) => api.listEmailHooks(ownerId),
  remove: (api, ownerId, id) => api.removeEmailHook(ownerId, id),
  json: emailHookJson,
  table: async (hooks, { api, ownerId, all, width }) => {
    const [{ emailHooksTable }, names, people] = await Promise.all([
      import('./format/hooks.js'),
      scopeNames(api, ownerId, hooks),
      memberNames(api, ownerId, hooks),
    ]);
    return emailHooksTable(
      hooks,
      { paint: paintFor(process.stdout), width, names, ownerIds: all.map((h) => h.id) },
      people,
    );
  },
};

/**
 * Names of the organisation's members that the hooks notify, by user id: one members request, made
 * only when a hook names a user. Without it (a personal space, or the request failed) ids are shown.
 */
async function memberNames(
  api: CleverApi,
  ownerId: string,
  hooks: EmailHook[],
): Promise<Map<string, string>> {
  const named = hooks.some((h) => h.notified?.some((n) => n.type === 'userid'));
  if (!named || ownerId.startsWith('user_')) return new Map();
  const members = await api.members(ownerId).catch(() => []);
  return new Map(
    members.flatMap(({ member }) => {
      const name = member.name ?? member.email;
      return name ? [[member.id, name] as const] : [];
    }),
  );
}

export function listEmailHooks(flags: EmailListFlags): Promise<void> {
  return listHooks(EMAIL_HOOK, flags);
}

export async function addEmailHook(
  name: string,
  flags: EmailWriteFlags,
  output: OutputFormat,
): Promise<void> {
  const services = serviceFlag(flags, { needsOrg: true });
  const notified = parseNotify(flags.notify ?? '');
  await withApi(flags, async (api) => {
    const { ownerId, events, scope } = await newHookCoverage(api, flags, services);
    const hook = await api.addEmailHook(ownerId, withOptionalLists({ name, notified, events, scope }));
    reportHook(EMAIL_HOOK, hook, output, 'Added');
  });
}

export async function editEmailHook(id: string, flags: EmailWriteFlags, output: OutputFormat): Promise<void> {
  const notified = flags.notify !== undefined ? parseNotify(flags.notify) : undefined;
  const services = serviceFlag(flags, { needsOrg: false });
  await withApi(flags, async (api) => {
    const hook = await findHook(EMAIL_HOOK, api, flags, id);
    const { events, scope } = await editedCoverage(api, hook, flags, services);
    const input = withOptionalLists({
      name: flags.name ?? hook.name ?? '',
      events,
      scope,
      ...((notified ?? hook.notified) ? { notified: notified ?? hook.notified } : {}),
    });
    reportHook(EMAIL_HOOK, await api.editEmailHook(hook.ownerId, hook.id, input), output, 'Edited');
  });
}

export function removeEmailHook(id: string, flags: CommonFlags): Promise<void> {
  return removeHook(EMAIL_HOOK, id, flags);
}

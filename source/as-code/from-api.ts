// An owner's hooks as the API gives them, written in the words of the file: app and add-on names,
// `me` and `organisation`, secrets as `${VAR}` references (unless inlined). Pure; the order is
// stable (hooks by name), so that the same set-up always exports to the same text.
import type { EmailHook, NotifiedTarget, Webhook } from '../domain/schemas.js';
import type { AccountOwner, Named } from './account.js';
import type { FileEmailHook, FileOwner, FileRecipient, FileWebhook } from './file-schema.js';
import { type SecretKind, splitSecretUrl } from './secret-url.js';
import { escapeReferences } from './substitute.js';

export interface SecretVariable {
  name: string;
  kind: SecretKind;
  ownerName: string;
  hookName: string;
}

export interface ExportOptions {
  /** Write secrets whole instead of as `${VAR}` references. */
  inlineSecrets?: boolean;
}

export interface OwnerExport {
  owner: FileOwner;
  variables: SecretVariable[];
  /** Hooks the file cannot hold because they have no name (the file matches hooks by name). */
  unnamed: { kind: 'webhook' | 'email'; id: string }[];
}

/** Upper snake case of the words of `parts`: `Acme Shop`, `Slack #deploys` → `ACME_SHOP_SLACK_DEPLOYS`. */
export function variableStem(...parts: string[]): string {
  const words = parts
    .join(' ')
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .toUpperCase()
    .split(' ')
    .filter(Boolean);
  const stem = words.join('_') || 'HOOK';
  return /^[0-9]/.test(stem) ? `_${stem}` : stem;
}

const SUFFIX: Record<SecretKind, string> = {
  slack: 'SLACK_TOKEN',
  discord: 'DISCORD_TOKEN',
  password: 'URL_PASSWORD',
};

/** Gives out variable names unique across one export. */
export class VariableNames {
  private readonly taken = new Set<string>();
  next(ownerName: string, hookName: string, kind: SecretKind): string {
    const base = `${variableStem(ownerName, hookName)}_${SUFFIX[kind]}`;
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}_${n}`;
    this.taken.add(name);
    return name;
  }
}

function byName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : a.id.localeCompare(b.id);
}

/** A scope id as the file writes it: the name when it names one resource only, else the id. */
function scopeNames(
  scope: readonly string[] | null | undefined,
  owner: AccountOwner,
): Pick<FileWebhook, 'apps' | 'addons'> {
  const apps: string[] = [];
  const addons: string[] = [];
  const nameIn = (items: readonly Named[], id: string) => {
    const item = items.find((i) => i.id === id);
    if (!item) return undefined;
    const clash =
      items.filter((i) => i.name === item.name).length > 1 || items.some((i) => i.id === item.name);
    return clash ? id : escapeReferences(item.name);
  };
  for (const id of scope ?? []) {
    const app = nameIn(owner.apps, id);
    const addon = app === undefined ? nameIn(owner.addons, id) : undefined;
    if (app !== undefined) apps.push(app);
    else if (addon !== undefined) addons.push(addon);
    else if (id.startsWith('addon_')) addons.push(id);
    else apps.push(id);
  }
  return { ...(apps.length > 0 ? { apps } : {}), ...(addons.length > 0 ? { addons } : {}) };
}

function events(list: readonly string[] | null | undefined): Pick<FileWebhook, 'events'> {
  return list && list.length > 0 ? { events: list.map(escapeReferences) } : {};
}

function recipient(target: NotifiedTarget, selfId: string): FileRecipient {
  const text = 'target' in target && typeof target.target === 'string' ? target.target : undefined;
  if (target.type === 'organisation') return 'organisation';
  // A userid without a target is the requesting user, in the contract.
  if (target.type === 'userid' && (text === undefined || text === selfId)) return 'me';
  if (target.type === 'userid' && text?.startsWith('user_')) return text;
  if (target.type === 'email' && text?.includes('@')) return escapeReferences(text);
  return text === undefined ? { type: target.type } : { type: target.type, target: escapeReferences(text) };
}

export function exportOwner(
  owner: AccountOwner,
  selfId: string,
  webhooks: readonly Webhook[],
  emailHooks: readonly EmailHook[],
  names: VariableNames,
  options: ExportOptions = {},
): OwnerExport {
  const variables: SecretVariable[] = [];
  const unnamed: OwnerExport['unnamed'] = [];
  const named = <H extends { id: string; name?: string | null | undefined }>(
    kind: 'webhook' | 'email',
    hooks: readonly H[],
  ) =>
    hooks
      .filter((h) => {
        if (h.name) return true;
        unnamed.push({ kind, id: h.id });
        return false;
      })
      .map((h) => ({ ...h, name: h.name! }))
      .sort(byName);

  const url = (raw: string, hookName: string): string => {
    const split = options.inlineSecrets ? undefined : splitSecretUrl(raw);
    if (!split) return escapeReferences(raw);
    const variable = names.next(owner.name, hookName, split.kind);
    variables.push({ name: variable, kind: split.kind, ownerName: owner.name, hookName });
    return `${escapeReferences(split.before)}\${${variable}}${escapeReferences(split.after)}`;
  };

  const fileWebhooks = named('webhook', webhooks).map(
    (hook): FileWebhook => ({
      name: escapeReferences(hook.name),
      urls: hook.urls.map((u) => ({ format: u.format, url: url(u.url, hook.name) })),
      ...events(hook.events),
      ...scopeNames(hook.scope, owner),
    }),
  );
  const fileEmailHooks = named('email', emailHooks).map((hook): FileEmailHook => {
    const notify = (hook.notified ?? []).map((t) => recipient(t, selfId));
    return {
      name: escapeReferences(hook.name),
      ...(notify.length > 0 ? { notify } : {}),
      ...events(hook.events),
      ...scopeNames(hook.scope, owner),
    };
  });
  return {
    owner: {
      name: escapeReferences(owner.name),
      id: owner.id,
      ...(owner.personal ? { personal: true as const } : {}),
      webhooks: fileWebhooks,
      emailHooks: fileEmailHooks,
    },
    variables,
    unnamed,
  };
}

// The file (its variables already substituted) turned into what the API takes: each owner matched,
// app and add-on names resolved to ids, recipients to targets. Pure; every problem of the file is
// found before any request that writes, and reported together with where it is.
import { UserError } from '../domain/errors.js';
import { BUILTIN_CATALOGUE, type EventCatalogue, isKnownEventName } from '../domain/events.js';
import { isId } from '../domain/ids.js';
import type { EmailHookInput, NotifiedTarget, WebhookInput } from '../domain/schemas.js';
import { safeText } from '../domain/terminal-text.js';
import { type Account, type AccountOwner, matchOwner, type Named } from './account.js';
import type {
  FileEmailHook,
  FileOwner,
  FileRecipient,
  FileWebhook,
  NotificationsFile,
} from './file-schema.js';

export type HookKind = 'webhook' | 'email';

export interface DesiredOwner {
  owner: AccountOwner;
  /** The name the file gives, when it matched by id an owner now named otherwise. */
  fileName?: string;
  /** Undefined: the file leaves this kind of hook of the owner alone. */
  webhooks?: WebhookInput[];
  emailHooks?: EmailHookInput[];
}

/** Two hooks of one kind and one owner with the same name: the file cannot say which is which. */
export function duplicateNames(file: NotificationsFile): string[] {
  const problems: string[] = [];
  file.owners.forEach((owner, o) => {
    for (const [key, hooks] of [
      ['webhooks', owner.webhooks],
      ['emailHooks', owner.emailHooks],
    ] as const) {
      const first = new Map<string, number>();
      (hooks ?? []).forEach((hook, h) => {
        const seen = first.get(hook.name);
        if (seen === undefined) first.set(hook.name, h);
        else
          problems.push(
            `owners[${o}].${key}[${h}]: "${hook.name}" is also the name of ${key}[${seen}] of "${owner.name}": names must be unique per owner`,
          );
      });
    }
  });
  return problems;
}

/** Event names of the file that the built-in catalogue does not know (the API's may). */
export function unknownEvents(
  file: NotificationsFile,
  catalogue: EventCatalogue = BUILTIN_CATALOGUE,
): string[] {
  const names = new Set<string>();
  for (const owner of file.owners)
    for (const hook of [...(owner.webhooks ?? []), ...(owner.emailHooks ?? [])])
      for (const event of hook.events ?? []) if (!isKnownEventName(event, catalogue)) names.add(event);
  return [...names];
}

/** By name, else by id; a name that two of them share must be given as an id. */
function resolveName(
  value: string,
  items: readonly Named[],
  what: 'app' | 'add-on',
  owner: AccountOwner,
  problems: string[],
  where: string,
): string | undefined {
  const byId = items.find((i) => i.id === value);
  if (byId) return byId.id;
  const named = items.filter((i) => i.name === value);
  if (named.length === 1) return named[0]!.id;
  if (named.length > 1) {
    problems.push(
      `${where}: ${named.length} ${what}s of "${owner.name}" are named "${value}": give the id (${named.map((i) => i.id).join(', ')})`,
    );
  } else if (isId(value, 'app_') || value.startsWith('addon_')) {
    problems.push(`${where}: ${value} is not an ${what} of "${owner.name}"`);
  } else {
    const known = items.map((i) => i.name).join(', ') || 'none';
    problems.push(`${where}: "${owner.name}" has no ${what} named "${value}" (its ${what}s: ${known})`);
  }
  return undefined;
}

function scopeOf(
  hook: FileWebhook | FileEmailHook,
  owner: AccountOwner,
  problems: string[],
  where: string,
): string[] | null {
  const ids = [
    ...(hook.apps ?? []).map((name, i) =>
      resolveName(name, owner.apps, 'app', owner, problems, `${where}.apps[${i}]`),
    ),
    ...(hook.addons ?? []).map((name, i) =>
      resolveName(name, owner.addons, 'add-on', owner, problems, `${where}.addons[${i}]`),
    ),
  ].filter((id): id is string => id !== undefined);
  return ids.length > 0 ? [...new Set(ids)] : null;
}

function eventsOf(
  hook: FileWebhook | FileEmailHook,
  catalogue: EventCatalogue,
  problems: string[],
  where: string,
) {
  const unknown = (hook.events ?? []).filter((e) => !isKnownEventName(e, catalogue));
  if (unknown.length > 0) {
    problems.push(`${where}.events: unknown event ${unknown.join(', ')} (see \`clever-notify events\`)`);
  }
  return hook.events && hook.events.length > 0 ? [...new Set(hook.events)] : null;
}

/** `me`, `organisation`, a `user_…` id, e-mail addresses, or a target the API gave as is. */
export function recipientTarget(recipient: FileRecipient, selfId: string): NotifiedTarget | string {
  if (typeof recipient !== 'string') {
    return recipient.target === undefined
      ? { type: recipient.type }
      : { type: recipient.type, target: recipient.target };
  }
  const value = recipient.trim();
  if (value === 'me') return { type: 'userid', target: selfId };
  if (['organisation', 'organization'].includes(value.toLowerCase())) return { type: 'organisation' };
  if (value.startsWith('user_')) {
    return isId(value, 'user_') ? { type: 'userid', target: value } : `"${value}" is not a user id`;
  }
  if (value.includes('@')) return { type: 'email', target: value };
  return `cannot tell who "${value}" is: give an e-mail address, a user_… id, me or organisation`;
}

function isHttpUrl(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function desiredOwner(
  entry: FileOwner,
  index: number,
  account: Account,
  catalogue: EventCatalogue,
  problems: string[],
): DesiredOwner | undefined {
  let owner: AccountOwner;
  try {
    owner = matchOwner(entry, account);
  } catch (error) {
    problems.push(`owners[${index}]: ${(error as Error).message}`);
    return undefined;
  }
  const desired: DesiredOwner = { owner };
  if (!entry.personal && owner.name !== entry.name) desired.fileName = entry.name;
  if (entry.webhooks) {
    desired.webhooks = entry.webhooks.map((hook, h) => {
      const where = `owners[${index}].webhooks[${h}]`;
      return {
        name: hook.name,
        urls: hook.urls.map((u, i) => {
          // Not repeated in the message: with its variables substituted, it may hold a secret.
          if (!isHttpUrl(u.url)) problems.push(`${where}.urls[${i}].url: not an http(s) URL`);
          return { format: u.format, url: u.url };
        }),
        events: eventsOf(hook, catalogue, problems, where),
        scope: scopeOf(hook, owner, problems, where),
      };
    });
  }
  if (entry.emailHooks) {
    desired.emailHooks = entry.emailHooks.map((hook, h) => {
      const where = `owners[${index}].emailHooks[${h}]`;
      const notified = (hook.notify ?? []).flatMap((r, i) => {
        const target = recipientTarget(r, account.selfId);
        if (typeof target !== 'string') return [target];
        problems.push(`${where}.notify[${i}]: ${target}`);
        return [];
      });
      return {
        name: hook.name,
        notified: notified.length > 0 ? notified : null,
        events: eventsOf(hook, catalogue, problems, where),
        scope: scopeOf(hook, owner, problems, where),
      };
    });
  }
  return desired;
}

/**
 * What the file asks for, in the API's terms; a UserError lists every problem of the file. Duplicate
 * names are the file reader's to refuse (`duplicateNames`), as they need no request.
 */
export function desiredState(
  file: NotificationsFile,
  account: Account,
  catalogue: EventCatalogue = BUILTIN_CATALOGUE,
): DesiredOwner[] {
  const problems: string[] = [];
  const owners = file.owners.map((entry, i) => desiredOwner(entry, i, account, catalogue, problems));
  const seen = new Map<string, number>();
  owners.forEach((desired, i) => {
    if (!desired) return;
    const first = seen.get(desired.owner.id);
    if (first === undefined) seen.set(desired.owner.id, i);
    else
      problems.push(
        `owners[${i}]: "${desired.owner.name}" is already owners[${first}]: give each owner once`,
      );
  });
  if (problems.length > 0) throw fileProblems(problems);
  return owners.filter((o): o is DesiredOwner => o !== undefined);
}

/** The problems of a file as one error; names and values in them come from outside: made terminal-safe. */
export function fileProblems(found: readonly string[]): UserError {
  const problems = found.map((p) => safeText(p));
  return new UserError(
    problems.length === 1
      ? `the file is refused: ${problems[0]}`
      : `the file is refused (${problems.length} problems):\n  ${problems.join('\n  ')}`,
  );
}

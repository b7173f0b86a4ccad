// The flags of the hook commands turned into API bodies, with errors that say what is wrong.
// Pure, except that an event name unknown to the built-in catalogue is checked against the API's.
import * as z from 'zod/mini';
import { unknownEvents, unknownValue } from '../domain/did-you-mean.js';
import { UserError } from '../domain/errors.js';
import { BUILTIN_CATALOGUE, type EventCatalogue, isKnownEventName } from '../domain/events.js';
import { isId } from '../domain/ids.js';
import {
  type NotifiedTarget,
  WEBHOOK_FORMATS,
  type WebhookFormat,
  type WebhookUrl,
} from '../domain/schemas.js';

/** `a,b, c` → [a, b, c]; empty items dropped. */
export function splitList(value: string): string[] {
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** `ALL` (what the JSON output shows for "every event") means no restriction: null. */
function isAll(items: string[]): boolean {
  return items.length === 1 && items[0]!.toUpperCase() === 'ALL';
}

export function parseFormat(value: string): WebhookFormat {
  const format = value.toLowerCase();
  if ((WEBHOOK_FORMATS as readonly string[]).includes(format)) return format as WebhookFormat;
  throw new UserError(
    unknownValue('webhook format', value, WEBHOOK_FORMATS, `use one of ${WEBHOOK_FORMATS.join(', ')}`),
  );
}

/** `URL` (in the default format) or `FORMAT=URL`, e.g. `slack=https://hooks.slack.com/…`. */
export function parseUrlArg(arg: string, defaultFormat: WebhookFormat): WebhookUrl {
  const prefixed = /^([a-z]+)=(.*)$/i.exec(arg);
  const isFormatPrefix =
    prefixed !== null && (WEBHOOK_FORMATS as readonly string[]).includes(prefixed[1]!.toLowerCase());
  const format = isFormatPrefix ? parseFormat(prefixed[1]!) : defaultFormat;
  const url = isFormatPrefix ? prefixed[2]! : arg;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UserError(`"${url}" is not a URL: give http(s)://… or FORMAT=http(s)://…`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new UserError(`"${url}" is not an http or https URL`);
  }
  return { format, url };
}

/** The same URL twice in the same format would get every event twice. */
export function uniqueUrls(urls: readonly WebhookUrl[]): WebhookUrl[] {
  const seen = new Set<string>();
  return urls.filter((u) => {
    const key = `${u.format} ${u.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Event names (plain or META), or null for "all". Unknown names are checked against the API's catalogue. */
export async function parseEvents(
  value: string,
  apiCatalogue: () => Promise<EventCatalogue>,
): Promise<string[] | null> {
  const items = splitList(value).map((e) => e.toUpperCase());
  if (items.length === 0) throw new UserError('--event needs at least one event name');
  if (isAll(items)) return null;
  let unknown = items.filter((e) => !isKnownEventName(e, BUILTIN_CATALOGUE));
  let catalogue = BUILTIN_CATALOGUE;
  if (unknown.length > 0) {
    catalogue = await apiCatalogue();
    unknown = unknown.filter((e) => !isKnownEventName(e, catalogue));
  }
  if (unknown.length > 0) throw new UserError(unknownEvents(unknown, catalogue));
  return [...new Set(items)];
}

/** App and add-on ids, or null for "all". */
export function parseServices(value: string): string[] | null {
  const items = splitList(value);
  if (items.length === 0) throw new UserError('--service needs at least one app or add-on id');
  if (isAll(items)) return null;
  const bad = items.filter((id) => !isId(id, 'app_') && !/^addon_[0-9a-z-]+$/i.test(id));
  if (bad.length > 0) {
    throw new UserError(
      `${bad.join(', ')}: --service takes app_… and addon_… ids (run \`clever-notify apps --org …\` to see them)`,
    );
  }
  return [...new Set(items)];
}

const Email = z.email();

/** `--notify EMAIL|user_ID|organisation[,…]`, as clever-tools reads it, but refusing what it cannot read. */
export function parseNotify(value: string): NotifiedTarget[] {
  const items = splitList(value);
  if (items.length === 0)
    throw new UserError('--notify needs an e-mail address, a user_… id or organisation');
  return items.map((item): NotifiedTarget => {
    if (item.includes('@')) {
      if (!Email.safeParse(item).success) throw new UserError(`"${item}" is not a valid e-mail address`);
      return { type: 'email', target: item };
    }
    if (item.startsWith('user_')) {
      if (!isId(item, 'user_')) throw new UserError(`"${item}" is not a user id (user_ followed by a UUID)`);
      return { type: 'userid', target: item };
    }
    if (['organisation', 'organization'].includes(item.toLowerCase())) return { type: 'organisation' };
    throw new UserError(`cannot tell who "${item}" is: give an e-mail address, a user_… id or organisation`);
  });
}

/** The body fields that are absent mean "all": never send `[]` for them. */
export function withOptionalLists<T extends { events?: string[] | null; scope?: string[] | null }>(
  body: T,
): T {
  const out = { ...body };
  if (!out.events || out.events.length === 0) delete out.events;
  if (!out.scope || out.scope.length === 0) delete out.scope;
  return out;
}

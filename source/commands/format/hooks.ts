// What the hook commands print: the JSON of clever-tools (plus createdAt, state and failures), and
// human tables. Pure: the caller passes the clock and the paint.
import type { WebhookTestResult } from '../../api/types.js';
import { chosenEntries, meansRequestingUser } from '../../domain/hook-lists.js';
import { hookCoversResource } from '../../domain/matching.js';
import type { DeliveryFailure, EmailHook, NotifiedTarget, Timestamp, Webhook } from '../../domain/schemas.js';
import { timestampToDate } from '../../domain/schemas.js';
import type { Paint } from './style.js';
import { type CellInput, renderTable } from './table.js';

export interface WebhookJson {
  id: string;
  name: string | null | undefined;
  ownerId: string;
  services: string[];
  events: string[];
  urls: { format: string; url: string }[];
  createdAt: string;
  state: string;
  failures: (Omit<DeliveryFailure, 'createdAt'> & { createdAt?: string | undefined })[];
}

export interface EmailHookJson {
  id: string;
  name: string | null | undefined;
  ownerId: string;
  services: string[];
  events: string[];
  notified: string[];
  createdAt: string;
}

/** ISO 8601 in UTC; the API answers with ISO strings or epoch ms. Unparseable values stay as given. */
export function isoDate(value: Timestamp): string {
  const date = timestampToDate(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
}

/**
 * The fields of clever-tools' JSON: no scope means every service of the owner, no events every
 * event (and an empty list means the same, ../../domain/hook-lists.ts).
 */
function commonJson(hook: Webhook | EmailHook) {
  return {
    id: hook.id,
    name: hook.name,
    ownerId: hook.ownerId,
    services: [...(chosenEntries(hook.scope) ?? [hook.ownerId])],
    events: [...(chosenEntries(hook.events) ?? ['ALL'])],
  };
}

export function webhookJson(hook: Webhook): WebhookJson {
  return {
    ...commonJson(hook),
    urls: hook.urls,
    createdAt: isoDate(hook.createdAt),
    state: hook.state,
    failures: hook.failures.map(({ createdAt, ...rest }) => ({
      ...rest,
      ...(createdAt !== undefined ? { createdAt: isoDate(createdAt) } : {}),
    })),
  };
}

export function emailHookJson(hook: EmailHook): EmailHookJson {
  return {
    ...commonJson(hook),
    notified: chosenEntries(hook.notified)?.map((n) => targetOf(n) ?? 'whole team') ?? ['whole team'],
    createdAt: isoDate(hook.createdAt),
  };
}

/** clever-tools keeps the hooks whose scope is empty or holds the linked app. */
export function hooksCoveringApp<H extends { scope?: readonly string[] | null }>(
  hooks: H[],
  appId: string | undefined,
): H[] {
  return hooks.filter((h) => !appId || hookCoversResource(h, appId));
}

export function relativeTime(value: Timestamp, now: number): string {
  const then = timestampToDate(value).getTime();
  if (Number.isNaN(then)) return String(value);
  const seconds = Math.round((now - then) / 1000);
  if (seconds < 0) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}

function day(value: Timestamp): string {
  return isoDate(value).slice(0, 10);
}

function listOrAll(values: readonly string[] | null | undefined, all: string): string {
  return chosenEntries(values)?.join('\n') ?? all;
}

/** The newest failure: its status or network error and when; with the count when there are several. */
export function lastFailure(failures: readonly DeliveryFailure[], now: number): string {
  if (failures.length === 0) return '';
  const newest = failures.reduce((a, b) =>
    b.createdAt !== undefined &&
    (a.createdAt === undefined || timestampToDate(b.createdAt) > timestampToDate(a.createdAt))
      ? b
      : a,
  );
  const what = newest.status !== undefined ? `HTTP ${newest.status}` : (newest.networkFailure ?? 'failed');
  const when = newest.createdAt !== undefined ? `, ${relativeTime(newest.createdAt, now)}` : '';
  const count = failures.length > 1 ? ` (${failures.length} failures)` : '';
  return `${what}${when}${count}\n${newest.url}`;
}

export function webhooksTable(hooks: Webhook[], paint: Paint, now: number, maxWidth?: number): string {
  const rows: CellInput[][] = hooks.map((hook) => [
    hook.id,
    hook.name ?? '',
    { text: hook.state, tone: hook.state === 'ENABLED' ? 'good' : 'bad' },
    listOrAll(hook.events, 'all events'),
    listOrAll(hook.scope, 'all apps and add-ons'),
    formatUrls(hook.urls),
    day(hook.createdAt),
    { text: lastFailure(hook.failures, now), tone: 'bad' },
  ]);
  return renderTable(['ID', 'NAME', 'STATE', 'EVENTS', 'SERVICES', 'URLS', 'CREATED', 'LAST FAILURE'], rows, {
    paint,
    maxWidth,
    dropFirst: ['CREATED', 'SERVICES', 'EVENTS', 'NAME'],
  });
}

function targetOf(n: NotifiedTarget): string | undefined {
  return 'target' in n && typeof n.target === 'string' ? n.target : undefined;
}

/** `names`: user id → a member's name, shown for a userid target instead of the id. */
export function notifiedText(
  notified: readonly NotifiedTarget[] | null | undefined,
  names?: ReadonlyMap<string, string>,
): string {
  const targets = chosenEntries(notified);
  if (!targets) return 'whole team';
  return targets
    .map((n) => {
      if (n.type === 'organisation') return 'whole team';
      if (meansRequestingUser(n)) return 'you';
      if (n.type === 'userid') {
        const id = targetOf(n) ?? '';
        return names?.get(id) ?? id;
      }
      if (n.type === 'email') return targetOf(n) ?? '';
      const target = targetOf(n);
      return target !== undefined ? `${n.type}:${target}` : n.type;
    })
    .join('\n');
}

export function emailHooksTable(
  hooks: EmailHook[],
  paint: Paint,
  maxWidth?: number,
  names?: ReadonlyMap<string, string>,
): string {
  const rows: CellInput[][] = hooks.map((hook) => [
    hook.id,
    hook.name ?? '',
    notifiedText(hook.notified, names),
    listOrAll(hook.events, 'all events'),
    listOrAll(hook.scope, 'all apps and add-ons'),
    day(hook.createdAt),
  ]);
  return renderTable(['ID', 'NAME', 'NOTIFIED', 'EVENTS', 'SERVICES', 'CREATED'], rows, {
    paint,
    maxWidth,
    dropFirst: ['CREATED', 'SERVICES', 'EVENTS'],
  });
}

export function testResultsTable(results: WebhookTestResult[], paint: Paint, maxWidth?: number): string {
  const rows: CellInput[][] = results.map((r) => [
    r.format,
    r.url,
    {
      text: r.ok
        ? `ok ${r.status ?? ''}`.trim()
        : r.status !== undefined
          ? `HTTP ${r.status}`
          : (r.networkFailure ?? 'failed'),
      tone: r.ok ? 'good' : 'bad',
    },
    `${Math.round(r.durationMs)} ms`,
    (r.responseExcerpt ?? '').replace(/\s+/g, ' ').slice(0, 60),
  ]);
  return renderTable(['FORMAT', 'URL', 'RESULT', 'TIME', 'RESPONSE'], rows, {
    paint,
    maxWidth,
    dropFirst: ['RESPONSE', 'FORMAT'],
  });
}

function formatUrls(urls: readonly { format: string; url: string }[]): string {
  const width = Math.max(0, ...urls.map((u) => u.format.length));
  return urls.map((u) => `${u.format.padEnd(width)} ${u.url}`).join('\n');
}

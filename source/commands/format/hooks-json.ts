// The JSON the hook commands print: clever-tools' shape for the same command (plus createdAt, state and
// failures), exact: no masking, no cutting (scripts need the real URLs). Kept apart from the human
// tables so that `-F json` loads no table layout (nor string-width and its Unicode data).
import { chosenEntries } from '../../domain/hook-lists.js';
import { hookCoversResource } from '../../domain/matching.js';
import type { DeliveryFailure, EmailHook, NotifiedTarget, Timestamp, Webhook } from '../../domain/schemas.js';
import { timestampToDate } from '../../domain/schemas.js';

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

function targetOf(n: NotifiedTarget): string | undefined {
  return 'target' in n && typeof n.target === 'string' ? n.target : undefined;
}

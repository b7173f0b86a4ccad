// What the sandbox checks in a hook before storing it, with a 400 whose message names the field and
// says what is wrong: the shape (zod schemas of the domain, refined here), the limits of
// docs/sandbox.md ("Limits"), control characters in any stored text, URLs, formats, events, and that
// every scope entry is an application or add-on of the hook's owner. Clever Cloud publishes no limits:
// these are the sandbox's own, large enough for any real hook and small enough that no single request
// can swamp it.
import * as z from 'zod/mini';
import { isKnownEventName } from '../domain/events.js';
import {
  EmailHookInput,
  NotifiedTarget,
  WEBHOOK_FORMATS,
  WebhookFormat,
  WebhookInput,
} from '../domain/schemas.js';
import { HttpError } from './http/respond.js';
import type { SandboxStore } from './store/store.js';

export const MAX_URLS_PER_WEBHOOK = 100;
export const MAX_NAME_LENGTH = 256;
export const MAX_URL_LENGTH = 2048;
/** Distinct events (a name given twice counts once, and is stored once). */
export const MAX_EVENTS = 200;
/** Distinct applications and add-ons. */
export const MAX_SCOPE = 200;
export const MAX_RECIPIENTS = 100;
/** An e-mail address is at most 254 characters; an id is shorter. */
export const MAX_TARGET_LENGTH = 320;
const MAX_ID_LENGTH = 256;

/** C0 (NUL, CR, LF, ESC…), DEL and C1. */
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F-\u009F]/;

function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text that is stored and shown again: bounded, and no control characters. */
function storedText(max: number, what = 'characters') {
  return z.string().check(
    z.superRefine((value, ctx) => {
      if (value.length > max) {
        ctx.addIssue({ code: 'custom', message: `at most ${max} ${what} (got ${value.length})` });
        return;
      }
      const control = CONTROL_CHARACTER.exec(value);
      if (control) {
        ctx.addIssue({
          code: 'custom',
          message: `control characters are not allowed (found ${codePoint(control[0])} at position ${control.index + 1})`,
        });
      }
    }),
  );
}

const Name = storedText(MAX_NAME_LENGTH).check(
  z.refine((name) => name.trim() !== '', { message: 'the name must not be empty' }),
);

/**
 * An http: or https: URL with a valid host, as typed (no spaces, no control characters). A
 * `user:password@` is kept: receivers commonly ask for Basic authentication, and every human view
 * masks the password (docs/sandbox.md, "URLs").
 */
export const HookUrl = storedText(MAX_URL_LENGTH).check(
  z.superRefine((url, ctx) => {
    const fail = (message: string) => ctx.addIssue({ code: 'custom', message });
    if (url.length > MAX_URL_LENGTH || CONTROL_CHARACTER.test(url)) return;
    if (/\s/u.test(url)) return fail(`"${url}" is not a valid URL: it contains a space`);
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return fail(`"${url}" is not a valid URL`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
      return fail(`"${url}" is not an http(s) URL`);
    }
    if (!/^https?:\/\//i.test(url))
      return fail(`"${url}" is not a valid URL: it must start with http:// or https://`);
    if (!isValidHost(parsed.hostname)) return fail(`"${url}" is not a valid URL: no valid host`);
  }),
);

/** A DNS name (letters, digits, hyphens, underscores; no empty label) or an IP literal. */
function isValidHost(hostname: string): boolean {
  if (/^\[[0-9a-f:.]+\]$/i.test(hostname)) return true;
  const labels = hostname.split('.');
  if (labels.at(-1) === '') labels.pop();
  return (
    labels.length > 0 &&
    hostname.length <= 253 &&
    labels.every((l) => /^[a-z0-9_](?:[a-z0-9_-]{0,62})$/i.test(l))
  );
}

/** Duplicates folded (first kept) before the count is checked. */
function distinctList(max: number, what: string, item: z.ZodMiniType<string>) {
  return z
    .pipe(
      z.nullish(z.array(item)),
      z.transform((list: string[] | null | undefined) => (list ? [...new Set(list)] : list)),
    )
    .check(z.refine((list) => !list || list.length <= max, { message: `at most ${max} distinct ${what}` }));
}

const Events = distinctList(MAX_EVENTS, 'events', storedText(MAX_ID_LENGTH));
const Scope = distinctList(MAX_SCOPE, 'applications and add-ons', storedText(MAX_ID_LENGTH));

const SandboxWebhookInput = z.object({
  ...WebhookInput.shape,
  name: Name,
  urls: z
    .array(z.object({ format: WebhookFormat, url: HookUrl }))
    .check(
      z.minLength(1, { message: 'a webhook needs at least one URL' }),
      z.maxLength(MAX_URLS_PER_WEBHOOK, { message: `at most ${MAX_URLS_PER_WEBHOOK} URLs per webhook` }),
    ),
  events: Events,
  scope: Scope,
});

const Target = NotifiedTarget.check(
  z.superRefine((target, ctx) => {
    const text = 'target' in target ? target.target : undefined;
    if (typeof text !== 'string') return;
    const result = storedText(MAX_TARGET_LENGTH).safeParse(text);
    if (!result.success) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: result.error.issues[0]!.message });
    }
  }),
);

const SandboxEmailHookInput = z.object({
  ...EmailHookInput.shape,
  name: Name,
  notified: z.nullish(
    z.array(Target).check(z.maxLength(MAX_RECIPIENTS, { message: `at most ${MAX_RECIPIENTS} recipients` })),
  ),
  events: Events,
  scope: Scope,
});

export function parseWebhookInput(body: unknown, ownerId: string, store: SandboxStore): WebhookInput {
  requireObject(body);
  checkFormats(body);
  const input = parseWith(SandboxWebhookInput, body);
  checkEvents(input.events);
  checkScope(input.scope, ownerId, store);
  return input;
}

export function parseEmailHookInput(body: unknown, ownerId: string, store: SandboxStore): EmailHookInput {
  requireObject(body);
  const input = parseWith(SandboxEmailHookInput, body);
  const notified = input.notified?.map((target, i) => checkTarget(target, i, store));
  checkEvents(input.events);
  checkScope(input.scope, ownerId, store);
  return notified ? { ...input, notified } : input;
}

/**
 * Only the three target types of the contract exist. `{"type": "userid"}` without a target means the
 * requesting user (the newer official client sends exactly that): it is stored with that user's id,
 * so that every later reader sees who it is.
 */
function checkTarget(target: NotifiedTarget, index: number, store: SandboxStore): NotifiedTarget {
  const where = `notified.${index}`;
  switch (target.type) {
    case 'organisation':
      return { type: 'organisation' };
    case 'userid':
      if (target.target === undefined) return { type: 'userid', target: store.self().id };
      if (!target.target.trim())
        throw new HttpError(400, `${where}.target: a userid target must not be empty`);
      return target;
    case 'email':
      if (!target.target?.trim())
        throw new HttpError(400, `${where}.target: an email target needs an address`);
      return target;
    default:
      throw new HttpError(
        400,
        `${where}.type: unknown target type "${target.type}"; expected email, userid or organisation`,
      );
  }
}

function requireObject(body: unknown): asserts body is Record<string, unknown> {
  if (body === undefined) throw new HttpError(400, 'the request needs a JSON body');
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new HttpError(400, 'the body must be a JSON object');
  }
}

function parseWith<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? issue.path.join('.') : 'body';
  throw new HttpError(400, `${where}: ${issue.message}`);
}

// Before the schema, so that an unknown format is named rather than reported as a failed enum.
function checkFormats(body: Record<string, unknown>): void {
  if (!Array.isArray(body.urls)) return;
  for (const [i, entry] of body.urls.entries()) {
    const format = (entry as { format?: unknown } | null)?.format;
    if (typeof format === 'string' && !(WEBHOOK_FORMATS as readonly string[]).includes(format)) {
      const shown =
        CONTROL_CHARACTER.test(format) || format.length > 40
          ? JSON.stringify(format.slice(0, 40))
          : `"${format}"`;
      throw new HttpError(
        400,
        `urls.${i}.format: unknown format ${shown}; expected one of ${WEBHOOK_FORMATS.join(', ')}`,
      );
    }
  }
}

function checkEvents(events: readonly string[] | null | undefined): void {
  for (const event of events ?? []) {
    if (!isKnownEventName(event)) throw new HttpError(400, `events: unknown event "${event}"`);
  }
}

function checkScope(scope: readonly string[] | null | undefined, ownerId: string, store: SandboxStore): void {
  for (const id of scope ?? []) {
    const found = store.findResource(id);
    if (!found) throw new HttpError(400, `scope: "${id}" is not an application or add-on`);
    if (found.ownerId !== ownerId) {
      throw new HttpError(400, `scope: ${found.kind} "${id}" is not owned by ${ownerId}`);
    }
  }
}

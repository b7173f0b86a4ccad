// What the sandbox checks in a hook before storing it, as the real API does, with a message that
// says what is wrong: the shape (zod schemas of the domain), formats, events, URLs, the name, and
// that every scope entry is an application or add-on of the hook's owner.
import type { z } from 'zod';
import { isKnownEventName } from '../domain/events.js';
import { EmailHookInput, type NotifiedTarget, WEBHOOK_FORMATS, WebhookInput } from '../domain/schemas.js';
import { HttpError } from './http/respond.js';
import type { SandboxStore } from './store/store.js';

export function parseWebhookInput(body: unknown, ownerId: string, store: SandboxStore): WebhookInput {
  requireObject(body);
  checkFormats(body);
  const input = parseWith(WebhookInput, body);
  checkName(input.name);
  if (input.urls.length === 0) throw new HttpError(400, 'urls: a webhook needs at least one URL');
  for (const { url } of input.urls) checkUrl(url);
  checkEvents(input.events);
  checkScope(input.scope, ownerId, store);
  return input;
}

export function parseEmailHookInput(body: unknown, ownerId: string, store: SandboxStore): EmailHookInput {
  requireObject(body);
  const input = parseWith(EmailHookInput, body);
  checkName(input.name);
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

function parseWith<T>(schema: z.ZodType<T>, body: unknown): T {
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
      throw new HttpError(
        400,
        `urls.${i}.format: unknown format "${format}"; expected one of ${WEBHOOK_FORMATS.join(', ')}`,
      );
    }
  }
}

function checkName(name: string): void {
  if (name.trim() === '') throw new HttpError(400, 'name: the name must not be empty');
}

function checkUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new HttpError(400, `urls: "${url}" is not a valid URL`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new HttpError(400, `urls: "${url}" is not an http(s) URL`);
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

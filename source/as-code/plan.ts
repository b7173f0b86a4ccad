// What `apply` would do: the hooks of the file against those of the API, matched by name, per owner
// and per kind. A hook whose fields differ is edited in place (PUT: it keeps its id and history);
// one the file lacks is removed only with --prune. Pure: the same inputs give the same plan.
import type { EmailHook, EmailHookInput, NotifiedTarget, Webhook, WebhookInput } from '../domain/schemas.js';
import type { AccountOwner } from './account.js';
import type { DesiredOwner, HookKind } from './to-api.js';
import { fileProblems } from './to-api.js';

export type HookField = 'urls' | 'notified' | 'events' | 'scope';

/** A field's value before and after, as sorted lists of comparable strings; null is "all" (or "whole team"). */
export interface FieldChange {
  field: HookField;
  before: string[] | null;
  after: string[] | null;
}

export type Step =
  | { action: 'add'; kind: 'webhook'; name: string; input: WebhookInput }
  | { action: 'add'; kind: 'email'; name: string; input: EmailHookInput }
  | {
      action: 'change';
      kind: 'webhook';
      name: string;
      hookId: string;
      input: WebhookInput;
      changes: FieldChange[];
    }
  | {
      action: 'change';
      kind: 'email';
      name: string;
      hookId: string;
      input: EmailHookInput;
      changes: FieldChange[];
    }
  | { action: 'remove'; kind: HookKind; name: string; hookId: string };

export interface OwnerPlan {
  owner: AccountOwner;
  fileName?: string;
  steps: Step[];
  unchanged: number;
  /** Hooks the file does not name, left alone because --prune was not given. */
  kept: number;
}

/** The hooks of an owner as listed by the API; a kind the file leaves alone is not listed. */
export interface CurrentOwner {
  webhooks?: readonly Webhook[];
  emailHooks?: readonly EmailHook[];
}

type ListValue = readonly string[] | null | undefined;

function list(values: ListValue): string[] | null {
  return values && values.length > 0 ? [...new Set(values)].sort() : null;
}

export function urlKey(u: { format: string; url: string }): string {
  return `${u.format} ${u.url}`;
}

export function targetKey(t: NotifiedTarget): string {
  return 'target' in t && typeof t.target === 'string' ? `${t.type}:${t.target}` : t.type;
}

/**
 * In the contract, a `userid` target without a user is the requesting user: the same recipient as
 * the file's `me`, so that such a hook (made by the newer official client) is not seen as changed.
 */
export function withRequesterNamed(hooks: readonly EmailHook[], selfId: string): EmailHook[] {
  return hooks.map((hook) =>
    hook.notified?.some((t) => t.type === 'userid' && !('target' in t && t.target))
      ? {
          ...hook,
          notified: hook.notified.map((t) =>
            t.type === 'userid' && !('target' in t && t.target)
              ? { type: 'userid' as const, target: selfId }
              : t,
          ),
        }
      : hook,
  );
}

function fieldsOf(kind: HookKind, hook: Webhook | EmailHook | WebhookInput | EmailHookInput) {
  const fields: [HookField, string[] | null][] = [];
  if (kind === 'webhook') fields.push(['urls', list((hook as WebhookInput).urls.map(urlKey))]);
  else fields.push(['notified', list(((hook as EmailHookInput).notified ?? []).map(targetKey))]);
  fields.push(['events', list(hook.events)], ['scope', list(hook.scope)]);
  return fields;
}

function same(a: string[] | null, b: string[] | null): boolean {
  return a === null || b === null ? a === b : a.length === b.length && a.every((v, i) => v === b[i]);
}

/** The fields of `current` that `desired` changes (order within a list does not matter). */
export function fieldChanges(
  kind: HookKind,
  current: Webhook | EmailHook,
  desired: WebhookInput | EmailHookInput,
): FieldChange[] {
  const after = new Map(fieldsOf(kind, desired));
  return fieldsOf(kind, current).flatMap(([field, before]) => {
    const next = after.get(field)!;
    return same(before, next) ? [] : [{ field, before, after: next }];
  });
}

interface KindPlan {
  steps: Step[];
  unchanged: number;
  kept: number;
}

function planKind(
  kind: HookKind,
  owner: AccountOwner,
  desired: readonly (WebhookInput | EmailHookInput)[],
  current: readonly (Webhook | EmailHook)[],
  prune: boolean,
  refusals: string[],
): KindPlan {
  const noun = kind === 'webhook' ? 'webhooks' : 'e-mail hooks';
  const byName = new Map<string, (Webhook | EmailHook)[]>();
  for (const hook of current) {
    const name = hook.name ?? '';
    byName.set(name, [...(byName.get(name) ?? []), hook]);
  }
  const plan: KindPlan = { steps: [], unchanged: 0, kept: 0 };
  const named = new Set<string>();
  for (const input of desired) {
    named.add(input.name);
    const matches = byName.get(input.name) ?? [];
    if (matches.length > 1) {
      refusals.push(
        `"${owner.name}" has ${matches.length} ${noun} named "${input.name}" (${matches.map((h) => h.id).join(', ')}): rename or remove all but one first`,
      );
      continue;
    }
    const hook = matches[0];
    if (!hook) {
      plan.steps.push({ action: 'add', kind, name: input.name, input } as Step);
      continue;
    }
    const changes = fieldChanges(kind, hook, input);
    if (changes.length === 0) plan.unchanged++;
    else
      plan.steps.push({ action: 'change', kind, name: input.name, hookId: hook.id, input, changes } as Step);
  }
  for (const hook of current) {
    if (hook.name && named.has(hook.name)) continue;
    if (prune) plan.steps.push({ action: 'remove', kind, name: hook.name ?? '', hookId: hook.id });
    else plan.kept++;
  }
  return plan;
}

const ORDER: Record<Step['action'], number> = { add: 0, change: 1, remove: 2 };

/**
 * The plan of every owner of the file. A name that matches two hooks of the API is refused (a
 * UserError naming each), for every owner at once, before anything is written.
 */
export function planChanges(
  desired: readonly DesiredOwner[],
  current: ReadonlyMap<string, CurrentOwner>,
  { prune }: { prune: boolean },
): OwnerPlan[] {
  const refusals: string[] = [];
  const plans = desired.map((d): OwnerPlan => {
    const now = current.get(d.owner.id) ?? {};
    const kinds: KindPlan[] = [];
    if (d.webhooks) kinds.push(planKind('webhook', d.owner, d.webhooks, now.webhooks ?? [], prune, refusals));
    if (d.emailHooks)
      kinds.push(planKind('email', d.owner, d.emailHooks, now.emailHooks ?? [], prune, refusals));
    return {
      owner: d.owner,
      ...(d.fileName ? { fileName: d.fileName } : {}),
      steps: kinds.flatMap((k) => k.steps).sort((a, b) => ORDER[a.action] - ORDER[b.action]),
      unchanged: kinds.reduce((n, k) => n + k.unchanged, 0),
      kept: kinds.reduce((n, k) => n + k.kept, 0),
    };
  });
  if (refusals.length > 0) throw fileProblems(refusals);
  return plans;
}

export function stepCount(plans: readonly OwnerPlan[]): number {
  return plans.reduce((n, p) => n + p.steps.length, 0);
}

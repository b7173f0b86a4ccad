// The hook lists of the live model (docs/live-model.md): merged by id so that a refresh or a live
// change updates rows in place, a hook that did not change keeps its object, and what a refresh reveals
// (a hook turned DISABLED, new failures) is said once. Pure.
import { type DeliveryFailure, timestampToDate, type Webhook } from './schemas.js';

interface Identified {
  readonly id: string;
}

/** Deep equality of two JSON values (hooks as parsed from the API). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((value, i) => sameJson(value, other[i]));
  }
  const ak = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const bk = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ak.length === bk.length &&
    ak.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/**
 * A new answer for a whole list, in the answer's order; every item equal to the one it replaces keeps
 * the old object. Returns `previous` itself when nothing changed at all.
 */
export function mergeById<T extends Identified>(
  previous: readonly T[] | undefined,
  next: readonly T[],
): readonly T[] {
  if (!previous) return next;
  const old = new Map(previous.map((item) => [item.id, item]));
  let changed = previous.length !== next.length;
  const merged = next.map((item, i) => {
    const before = old.get(item.id);
    const kept = before && sameJson(before, item) ? before : item;
    if (kept !== previous[i]) changed = true;
    return kept;
  });
  return changed ? merged : previous;
}

/** One hook added or changed: in place when its id is known, else last. */
export function upsertById<T extends Identified>(list: readonly T[] | undefined, item: T): readonly T[] {
  const current = list ?? [];
  const index = current.findIndex((h) => h.id === item.id);
  if (index < 0) return [...current, item];
  if (sameJson(current[index], item)) return current;
  const out = [...current];
  out[index] = item;
  return out;
}

export function removeById<T extends Identified>(list: readonly T[] | undefined, id: string): readonly T[] {
  const current = list ?? [];
  return current.some((h) => h.id === id) ? current.filter((h) => h.id !== id) : current;
}

function failureKey(f: DeliveryFailure): string {
  return `${f.createdAt ?? ''}|${f.url}|${f.status ?? ''}|${f.networkFailure ?? ''}`;
}

/**
 * Entries of `next.failures` that `previous` did not have. The list keeps the latest 20, oldest first,
 * so the new ones are those not found in the old list.
 */
export function newFailures(previous: Webhook | undefined, next: Webhook): DeliveryFailure[] {
  if (!previous) return [];
  const seen = new Set(previous.failures.map(failureKey));
  return next.failures.filter((f) => !seen.has(failureKey(f)));
}

/** Epoch ms of a failure entry, or `fallback` when it has no date the client can read. */
export function failureTime(failure: DeliveryFailure, fallback: number): number {
  if (failure.createdAt === undefined) return fallback;
  const time = timestampToDate(failure.createdAt).getTime();
  return Number.isNaN(time) ? fallback : time;
}

/** Why a webhook turned DISABLED, in words, or undefined when it did not just turn DISABLED. */
export function disabledReason(previous: Webhook | undefined, next: Webhook): string | undefined {
  if (next.state !== 'DISABLED' || (previous && previous.state === 'DISABLED')) return undefined;
  if (!previous) return undefined;
  const last = next.failures[next.failures.length - 1];
  if (last?.status === 410) return 'disabled: its receiver answered 410 Gone';
  if (last?.status === 404) return 'disabled: its receiver says the hook is gone (404)';
  const failed = next.failures.length;
  return failed > 0
    ? `disabled after ${failed === 1 ? '1 failed delivery' : `${Math.min(failed, 5)} failed deliveries`}`
    : 'disabled';
}

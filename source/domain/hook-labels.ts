// How hooks read in tables and details, in the TUI and the CLI alike. Pure: the same input always
// gives the same text. URLs are masked by ./masking.ts; making text terminal-safe is the caller's
// last step (the table engine does it for every cell).
import { chosenEntries, meansRequestingUser } from './hook-lists.js';
import {
  type DeliveryFailure,
  type EmailHook,
  type NotifiedTarget,
  type Timestamp,
  timestampToDate,
} from './schemas.js';

export function eventsLabel(events: readonly string[] | null | undefined): string {
  return chosenEntries(events)?.join(', ') ?? 'all';
}

export function scopeLabel(
  scope: readonly string[] | null | undefined,
  names: ReadonlyMap<string, string>,
): string {
  return (
    chosenEntries(scope)
      ?.map((id) => names.get(id) ?? id)
      .join(', ') ?? 'all apps'
  );
}

/** `withIds`: a named person keeps their user id beside the name (the details show both). */
export function recipientsLabel(
  notified: readonly NotifiedTarget[] | null | undefined,
  names: ReadonlyMap<string, string> = new Map(),
  withIds = false,
): string {
  return (
    chosenEntries(notified)
      ?.map((t) => targetLabel(t, names, withIds))
      .join(', ') ?? 'whole team'
  );
}

function targetLabel(target: NotifiedTarget, names: ReadonlyMap<string, string>, withIds: boolean): string {
  if (target.type === 'organisation') return 'whole team';
  if (meansRequestingUser(target)) return 'you';
  if (target.type === 'email' && 'target' in target && target.target) return target.target;
  if (target.type === 'userid' && 'target' in target && target.target) {
    const name = names.get(target.target);
    if (!name) return target.target;
    return withIds ? `${name} (${target.target})` : name;
  }
  return `${target.type}${'target' in target && target.target ? `:${target.target}` : ''}`;
}

export function emailHookRecipients(hook: EmailHook, names?: ReadonlyMap<string, string>): string {
  return recipientsLabel(hook.notified, names);
}

export function formatTime(value: Timestamp | undefined): string {
  if (value === undefined) return '—';
  const date = timestampToDate(value);
  return Number.isNaN(date.getTime()) ? String(value) : date.toISOString().replace('T', ' ').slice(0, 19);
}

/** "3 min ago"-style age, for the narrow last-failure column. */
export function age(value: Timestamp | undefined, now: number): string {
  if (value === undefined) return '';
  const ms = now - timestampToDate(value).getTime();
  if (Number.isNaN(ms)) return '';
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.round(s / 60)}m ago`;
  if (s < 86_400) return `${Math.round(s / 3600)}h ago`;
  return `${Math.round(s / 86_400)}d ago`;
}

export function failureCause(failure: DeliveryFailure): string {
  if (failure.networkFailure) return failure.networkFailure;
  if (failure.status !== undefined) return `HTTP ${failure.status}`;
  return 'failed';
}

export function lastFailureLabel(failures: readonly DeliveryFailure[], now: number): string {
  const last = latestFailure(failures);
  if (!last) return '';
  const when = age(last.createdAt, now);
  return when ? `${failureCause(last)}, ${when}` : failureCause(last);
}

export function latestFailure(failures: readonly DeliveryFailure[]): DeliveryFailure | undefined {
  let latest: DeliveryFailure | undefined;
  for (const f of failures) {
    if (!latest) latest = f;
    else if (f.createdAt !== undefined && latest.createdAt !== undefined) {
      if (timestampToDate(f.createdAt) > timestampToDate(latest.createdAt)) latest = f;
    } else if (f.createdAt !== undefined) latest = f;
  }
  return latest;
}

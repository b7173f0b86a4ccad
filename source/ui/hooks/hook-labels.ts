// How hooks read in tables and details. Pure: the same input always gives the same text.
import { chosenEntries, meansRequestingUser } from '../../domain/hook-lists.js';
import {
  type DeliveryFailure,
  type EmailHook,
  type NotifiedTarget,
  type Timestamp,
  timestampToDate,
} from '../../domain/schemas.js';

const MASK = '••••';

/** The path of a Slack or Discord hook URL with its secret masked; undefined for any other URL. */
function maskedPath(url: URL): string | undefined {
  const parts = url.pathname.split('/').filter(Boolean);
  if (isSlackHost(url.host) && parts[0] === 'services' && parts.length >= 4) {
    return `/services/${parts[1]}/${parts[2]}/${MASK}`;
  }
  if (isSlackHost(url.host) && parts[0] === 'triggers' && parts.length >= 2) {
    return `/triggers/${parts[1]}/${MASK}`;
  }
  if (isDiscordHost(url.host) && parts[0] === 'api' && parts[1] === 'webhooks' && parts.length >= 4) {
    const rest = parts.slice(4).join('/');
    return `/api/webhooks/${parts[2]}/${MASK}${rest ? `/${rest}` : ''}`;
  }
  return undefined;
}

/** Slack and Discord put the secret in the path: keep what identifies the hook, mask the rest. */
export function maskSecretUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  const masked = maskedPath(url);
  if (masked) return `${url.host}${masked}`;
  return `${url.host}${url.pathname === '/' ? '' : url.pathname}${url.search ? '?…' : ''}`;
}

/** The whole URL as typed, with only the secret of a Slack or Discord URL masked (for the details). */
export function fullMaskedUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return raw;
  }
  const masked = maskedPath(url);
  return masked ? `${url.protocol}//${url.host}${masked}` : raw;
}

// The sandbox's Slack stand-in lives on a reserved name (RFC 2606) and is masked like the real one.
function isSlackHost(host: string): boolean {
  return host === 'hooks.slack.com' || host === 'hooks.slack.example';
}

function isDiscordHost(host: string): boolean {
  return ['discord.com', 'discordapp.com', 'ptb.discord.com', 'canary.discord.com'].includes(host);
}

/** Host and a shortened path: the middle of a long path gives way first. */
export function shortTarget(raw: string, max = 48): string {
  const masked = maskSecretUrl(raw);
  if ([...masked].length <= max) return masked;
  const slash = masked.indexOf('/');
  if (slash < 0) return masked;
  const host = masked.slice(0, slash);
  const segments = masked.slice(slash + 1).split('/');
  const last = segments[segments.length - 1] ?? '';
  // One segment has no middle to give way: the cell cuts its end instead.
  if (segments.length < 2) return masked;
  const short = `${host}/…/${last}`;
  return [...short].length <= max ? short : `${host}/…`;
}

export function isSlackLikeUrl(raw: string): 'slack' | 'discord' | undefined {
  try {
    const url = new URL(raw);
    if (isSlackHost(url.host)) return 'slack';
    if (isDiscordHost(url.host) && url.pathname.startsWith('/api/webhooks/')) return 'discord';
  } catch {
    return undefined;
  }
  return undefined;
}

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

// The clever-tools command lines that would make the same hook, so that what the user built here can
// go into a script. clever-tools takes one URL per webhook: a hook with several URLs gives one line each.
import type { EmailHookInput, NotifiedTarget, WebhookInput } from '../../domain/schemas.js';

/** POSIX shell quoting: bare when safe, else single quotes. */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

function commonFlags(
  ownerId: string,
  events?: readonly string[] | null,
  scope?: readonly string[] | null,
): string[] {
  const flags: string[] = [];
  if (events && events.length > 0) flags.push('--event', shellQuote(events.join(',')));
  if (scope && scope.length > 0) flags.push('--service', shellQuote(scope.join(',')));
  // Without --org clever-tools uses the owner of the app linked in the current folder.
  flags.push('--org', shellQuote(ownerId));
  return flags;
}

export function webhookCommand(ownerId: string, input: WebhookInput): string[] {
  const urls = input.urls.length > 0 ? input.urls : [{ url: 'URL', format: 'raw' as const }];
  return urls.map((u) =>
    [
      'clever webhooks add',
      shellQuote(input.name),
      shellQuote(u.url),
      ...(u.format === 'raw' ? [] : ['--format', u.format]),
      ...commonFlags(ownerId, input.events, input.scope),
    ].join(' '),
  );
}

function notifyValue(target: NotifiedTarget): string {
  if (target.type === 'organisation') return 'organisation';
  return 'target' in target && target.target ? target.target : target.type;
}

export function emailHookCommand(ownerId: string, input: EmailHookInput): string {
  const notify =
    input.notified && input.notified.length > 0 ? input.notified.map(notifyValue) : ['organisation'];
  return [
    'clever notify-email add',
    shellQuote(input.name),
    '--notify',
    shellQuote(notify.join(',')),
    ...commonFlags(ownerId, input.events, input.scope),
  ].join(' ');
}

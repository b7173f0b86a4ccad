// The clever-tools command lines that would make the same hook, so that what the user built here can
// go into a script. clever-tools takes one URL per webhook: a hook with several URLs gives one line each.
import type { EmailHookInput, NotifiedTarget, WebhookInput } from '../../domain/schemas.js';

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const NAMED_ESCAPES: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u001b': '\\e',
};

/**
 * POSIX shell quoting: bare when safe, else single quotes. A value with control characters (a name
 * someone gave on purpose) is quoted as $'…' with visible escapes (bash, zsh, ksh): the line stays
 * harmless on screen and still gives the same value when run.
 */
export function shellQuote(value: string): string {
  if (value !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(value)) return value;
  if (CONTROL.test(value)) {
    const escaped = [...value]
      .map((ch) => {
        if (ch === '\\' || ch === "'") return `\\${ch}`;
        if (!CONTROL.test(ch)) return ch;
        const code = ch.codePointAt(0)!;
        return (
          NAMED_ESCAPES[ch] ??
          (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`)
        );
      })
      .join('');
    return `$'${escaped}'`;
  }
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

/**
 * The clever-notify command that makes an existing webhook what `input` says (clever-tools has no
 * edit: an `add` would make a second hook). Every field is given, so the line stands on its own.
 */
export function webhookEditCommand(ownerId: string, hookId: string, input: WebhookInput): string {
  return [
    'clever-notify webhooks edit',
    hookId,
    '--name',
    shellQuote(input.name),
    ...input.urls.flatMap((u) => ['--url', shellQuote(`${u.format}=${u.url}`)]),
    ...editCoverageFlags(ownerId, input.events, input.scope),
  ].join(' ');
}

export function emailHookEditCommand(ownerId: string, hookId: string, input: EmailHookInput): string {
  const notify =
    input.notified && input.notified.length > 0 ? input.notified.map(notifyValue) : ['organisation'];
  return [
    'clever-notify notify-email edit',
    hookId,
    '--name',
    shellQuote(input.name),
    '--notify',
    shellQuote(notify.join(',')),
    ...editCoverageFlags(ownerId, input.events, input.scope),
  ].join(' ');
}

/** On edit, what is not given is kept: "every event" and "every app" are said with ALL. */
function editCoverageFlags(
  ownerId: string,
  events?: readonly string[] | null,
  scope?: readonly string[] | null,
): string[] {
  return [
    '--event',
    events && events.length > 0 ? shellQuote(events.join(',')) : 'ALL',
    '--service',
    scope && scope.length > 0 ? shellQuote(scope.join(',')) : 'ALL',
    '--org',
    shellQuote(ownerId),
  ];
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

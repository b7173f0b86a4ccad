// Every field of a hook as lines of text, for the details view (pure).
import { type EventCatalogue, expandEvents } from '../../domain/events.js';
import { failureCause, formatTime, recipientsLabel, scopeLabel } from '../../domain/hook-labels.js';
import { fullMaskedUrl } from '../../domain/masking.js';
import type { EmailHook, Webhook } from '../../domain/schemas.js';
import type { CellTone } from '../../domain/table.js';
import { safeText } from '../../domain/terminal-text.js';
import { emailHookCommand, webhookCommand } from './clever-command.js';

export interface DetailLine {
  text: string;
  tone?: CellTone | 'heading' | 'secondary';
  /** Where its continuation lines start when it is folded (a field's value column); else its indent + 2. */
  hang?: number;
}

/**
 * Folds each line to `width`: at a space, comma or slash when one is in the second half of the
 * room (a URL breaks between its segments), else anywhere; continuation lines hang under the value.
 */
export function foldLines(lines: readonly DetailLine[], width: number): DetailLine[] {
  const room = Math.max(10, width);
  return lines.flatMap((line) => {
    let rest = [...line.text];
    if (rest.length <= room) return [line];
    const hang = Math.min(Math.floor(room / 2), line.hang ?? (line.text.match(/^ */)?.[0].length ?? 0) + 2);
    const parts: DetailLine[] = [];
    let lead = '';
    while (lead.length + rest.length > room) {
      const take = room - lead.length;
      let cut = take;
      for (let i = take; i > take / 2; i--) {
        if (/[ ,/]/.test(rest[i - 1]!)) {
          cut = i;
          break;
        }
      }
      parts.push({ ...line, text: lead + rest.slice(0, cut).join('').trimEnd() });
      rest = rest.slice(cut);
      while (rest[0] === ' ') rest.shift();
      lead = ' '.repeat(hang);
    }
    if (rest.length > 0) parts.push({ ...line, text: lead + rest.join('') });
    return parts;
  });
}

/** A webhook's URLs as the details show them: the secrets masked unless the user asked to see them. */
export function hookUrls(hook: Webhook | EmailHook, { showSecrets = false } = {}): string[] {
  return 'urls' in hook ? hook.urls.map((u) => (showSecrets ? u.url : fullMaskedUrl(u.url))) : [];
}

/** The clever-tools lines that make the same hook, as the details show them (and the copy key copies). */
export function hookCommandLines(hook: Webhook | EmailHook, { showSecrets = false } = {}): string[] {
  const ownerId = hook.ownerId;
  if (!('urls' in hook))
    return [
      emailHookCommand(ownerId, {
        name: hook.name ?? '',
        notified: hook.notified,
        events: hook.events,
        scope: hook.scope,
      }),
    ];
  return webhookCommand(ownerId, {
    name: hook.name ?? '',
    // The screen may be shared: the secret stays masked unless the user asks to see it.
    urls: hook.urls.map((u) => ({ ...u, url: showSecrets ? u.url : fullMaskedUrl(u.url) })),
    events: hook.events,
    scope: hook.scope,
  });
}

export function hookDetailLines(
  hook: Webhook | EmailHook,
  names: ReadonlyMap<string, string>,
  catalogue: EventCatalogue,
  people: ReadonlyMap<string, string> = new Map(),
  { showSecrets = false }: { showSecrets?: boolean } = {},
): DetailLine[] {
  const lines: DetailLine[] = [];
  const url = (raw: string) => (showSecrets ? raw : fullMaskedUrl(raw));
  const field = (label: string, value: string, tone?: DetailLine['tone']) =>
    lines.push({ text: `${label.padEnd(11)} ${value}`, hang: 12, ...(tone ? { tone } : {}) });
  field('Name', hook.name || '(none)');
  field('Id', hook.id);
  field('Owner', `${names.get(hook.ownerId) ?? ''} ${hook.ownerId}`.trim());
  field('Created', formatTime(hook.createdAt));
  if ('urls' in hook) {
    field('State', hook.state, hook.state === 'DISABLED' ? 'error' : 'ok');
    hook.urls.forEach((u, i) => {
      const dead = u.format === 'gitter' || u.format === 'flowdock' ? '  (dead target)' : '';
      field(i === 0 ? 'URLs' : '', `${url(u.url)}  [${u.format}]${dead}`, dead ? 'warning' : undefined);
    });
  } else {
    field('Recipients', recipientsLabel(hook.notified, new Map([...names, ...people]), true));
  }
  if (!hook.events || hook.events.length === 0) field('Events', 'all events');
  else {
    field('Events', hook.events.join(', '));
    const expanded = expandEvents(hook.events, catalogue);
    if (expanded.length !== hook.events.length || hook.events.some((e) => !expanded.includes(e))) {
      field('', `= ${expanded.join(', ')}`, 'secondary');
    }
  }
  field('Scope', scopeLabel(hook.scope, names));
  if (hook.scope && hook.scope.length > 0) field('', hook.scope.join(', '), 'secondary');
  if ('urls' in hook) {
    lines.push({ text: '' });
    lines.push({ text: `Failures (${hook.failures.length})`, tone: 'heading' });
    if (hook.failures.length === 0) lines.push({ text: '  none recorded', tone: 'secondary' });
    for (const f of hook.failures) {
      lines.push({
        text: `  ${formatTime(f.createdAt)}  ${failureCause(f)}  ${fullMaskedUrl(f.url)}`,
        tone: 'error',
      });
      if (f.partialBody)
        lines.push({ text: `    ${f.partialBody.replace(/\s+/g, ' ').slice(0, 200)}`, tone: 'secondary' });
    }
  }
  lines.push({ text: '' });
  lines.push({ text: 'The same with clever-tools', tone: 'heading' });
  for (const c of hookCommandLines(hook, { showSecrets })) lines.push({ text: `  ${c}` });
  if (!showSecrets && 'urls' in hook && hook.urls.some((u) => fullMaskedUrl(u.url) !== u.url)) {
    lines.push({ text: '  (secrets masked: s shows them, to copy the line)', tone: 'secondary' });
  }
  // Names, URLs and answers come from outside: nothing in them may drive the terminal.
  return lines.map((line) => ({ ...line, text: safeText(line.text) }));
}

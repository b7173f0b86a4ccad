// Every field of a hook as lines of text, for the details view (pure).
import { type EventCatalogue, expandEvents } from '../../domain/events.js';
import type { EmailHook, Webhook } from '../../domain/schemas.js';
import type { Tone } from '../table/table.js';
import { emailHookCommand, webhookCommand } from './clever-command.js';
import { failureCause, formatTime, fullMaskedUrl, recipientsLabel, scopeLabel } from './hook-labels.js';

export interface DetailLine {
  text: string;
  tone?: Tone | 'heading' | 'secondary';
}

export function hookDetailLines(
  hook: Webhook | EmailHook,
  names: ReadonlyMap<string, string>,
  catalogue: EventCatalogue,
): DetailLine[] {
  const lines: DetailLine[] = [];
  const field = (label: string, value: string, tone?: DetailLine['tone']) =>
    lines.push({ text: `${label.padEnd(11)} ${value}`, ...(tone ? { tone } : {}) });
  field('Name', hook.name || '(none)');
  field('Id', hook.id);
  field('Owner', `${names.get(hook.ownerId) ?? ''} ${hook.ownerId}`.trim());
  field('Created', formatTime(hook.createdAt));
  if ('urls' in hook) {
    field('State', hook.state, hook.state === 'DISABLED' ? 'error' : 'ok');
    hook.urls.forEach((u, i) => {
      const dead = u.format === 'gitter' || u.format === 'flowdock' ? '  (dead target)' : '';
      field(
        i === 0 ? 'URLs' : '',
        `${fullMaskedUrl(u.url)}  [${u.format}]${dead}`,
        dead ? 'warning' : undefined,
      );
    });
  } else {
    field('Recipients', recipientsLabel(hook.notified, names));
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
  const ownerId = hook.ownerId;
  const commands =
    'urls' in hook
      ? webhookCommand(ownerId, {
          name: hook.name ?? '',
          // The screen may be shared: the secret stays masked here too (the user has it).
          urls: hook.urls.map((u) => ({ ...u, url: fullMaskedUrl(u.url) })),
          events: hook.events,
          scope: hook.scope,
        })
      : [
          emailHookCommand(ownerId, {
            name: hook.name ?? '',
            notified: hook.notified,
            events: hook.events,
            scope: hook.scope,
          }),
        ];
  for (const c of commands) lines.push({ text: `  ${c}` });
  return lines;
}

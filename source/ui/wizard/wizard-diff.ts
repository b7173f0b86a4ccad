// What an edit changes, field by field: the hook as it was when the wizard opened against what the
// review will send. Every value is made safe for the terminal here, URLs with their secrets masked.
import { fullMaskedUrl } from '../../domain/masking.js';
import type { NotifiedTarget, WebhookUrl } from '../../domain/schemas.js';
import { safeText } from '../../domain/terminal-text.js';
import { personName } from './recipients.js';
import { emailHookInputOf, webhookInputOf } from './wizard-input.js';
import { addressList, type WizardState } from './wizard-state.js';

/** One line of a changed field: `-` the value now, `+` the value once saved, ` ` a URL kept. */
export interface DiffLine {
  mark: '-' | '+' | ' ';
  text: string;
}

export interface FieldDiff {
  field: string;
  changed: boolean;
  lines: DiffLine[];
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  const right = new Set(b);
  return left.size === right.size && [...left].every((x) => right.has(x));
}

/** A field shown as one value, before and after; a list compares as a set (the API keeps no order). */
function valueDiff(
  field: string,
  before: readonly string[],
  after: readonly string[],
  all: string,
): FieldDiff {
  const text = (list: readonly string[]) => (list.length === 0 ? all : list.join(', '));
  if (sameSet(before, after)) return { field, changed: false, lines: [] };
  return {
    field,
    changed: true,
    lines: [
      { mark: '-', text: text(before) },
      { mark: '+', text: text(after) },
    ],
  };
}

function urlText(url: WebhookUrl): string {
  return `${url.format} ${safeText(fullMaskedUrl(url.url))}`;
}

/**
 * The URLs removed (`-`, in their old order), then the URLs added (`+`), then those kept. An edited
 * URL reads as its old value removed and its new one added.
 */
export function urlsDiff(before: readonly WebhookUrl[], after: readonly WebhookUrl[]): FieldDiff {
  const key = (u: WebhookUrl) => `${u.format} ${u.url}`;
  const was = new Set(before.map(key));
  const will = new Set(after.map(key));
  const removed = before.filter((u) => !will.has(key(u)));
  const added = after.filter((u) => !was.has(key(u)));
  const kept = after.filter((u) => was.has(key(u)));
  // Masked, a Slack or Discord URL whose secret changed reads the same before and after.
  const hidden = new Set(removed.map(urlText));
  const lines: DiffLine[] = [
    ...removed.map((u) => ({ mark: '-' as const, text: urlText(u) })),
    ...added.map((u) => ({
      mark: '+' as const,
      text: `${urlText(u)}${hidden.has(urlText(u)) ? ' (secret changed)' : ''}`,
    })),
  ];
  const changed = lines.length > 0;
  // A long list keeps the changes in sight: the URLs that stay are counted on one line.
  if (kept.length > 2) lines.push({ mark: ' ', text: `and ${kept.length} more URLs, unchanged` });
  else lines.push(...kept.map((u) => ({ mark: ' ' as const, text: urlText(u) })));
  return { field: 'URLs', changed, lines };
}

function recipientNames(
  state: WizardState,
  notified: readonly NotifiedTarget[] | null | undefined,
): string[] {
  const view = { ...state.context, members: state.members };
  if (!notified || notified.length === 0) return ['the whole team'];
  return notified.flatMap((t) => {
    if (t.type === 'organisation') return ['the whole team'];
    const target = 'target' in t && t.target ? t.target : undefined;
    if (t.type === 'email' && target) return addressList(target).map((a) => safeText(a));
    if (t.type === 'userid' && target) return [safeText(personName(view, target))];
    return [safeText(target ?? t.type)];
  });
}

/** Each field of the edited hook, changed or not; undefined when adding. */
export function fieldDiffs(state: WizardState): FieldDiff[] | undefined {
  const hook = state.original;
  if (!hook) return undefined;
  const names = new Map(state.context.resources.map((r) => [r.id, safeText(r.name)]));
  const scope = (ids: readonly string[] | null | undefined) =>
    (ids ?? []).map((id) => names.get(id) ?? safeText(id));
  const events = (list: readonly string[] | null | undefined) => (list ?? []).map((e) => safeText(e));
  const input = 'urls' in hook ? webhookInputOf(state) : emailHookInputOf(state);
  const fields: FieldDiff[] = [
    valueDiff('name', [safeText(hook.name ?? '')], [safeText(input.name)], '(no name)'),
  ];
  if ('urls' in hook && 'urls' in input) fields.push(urlsDiff(hook.urls, input.urls));
  if (!('urls' in hook) && 'notified' in input) {
    const before = recipientNames(state, hook.notified);
    fields.push(valueDiff('recipients', before, recipientNames(state, input.notified), 'the whole team'));
  }
  fields.push(valueDiff('events', events(hook.events), events(input.events), 'all events'));
  fields.push(valueDiff('scope', scope(hook.scope), scope(input.scope), 'all apps and add-ons'));
  return fields;
}

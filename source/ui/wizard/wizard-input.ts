import { foldEvents } from '../../domain/events.js';
import type { EmailHookInput, NotifiedTarget, WebhookInput, WebhookUrl } from '../../domain/schemas.js';
import { FORMAT_CHOICES } from './wizard-model.js';
import { addressList, type WizardState } from './wizard-state.js';

function eventsOf(state: WizardState): string[] | undefined {
  if (state.allEvents || state.events.length === 0) return undefined;
  return foldEvents(state.events, state.context.catalogue);
}

function scopeOf(state: WizardState): string[] | undefined {
  if (state.scopeMode === 'app' && state.context.selectedApp) return [state.context.selectedApp.id];
  if (state.scopeMode === 'chosen' && state.scope.length > 0) return [...state.scope];
  return undefined;
}

/** Every URL the webhook will have: the list of a hook with several, or the one URL typed. */
export function urlsOf(state: WizardState): WebhookUrl[] {
  if (state.steps.includes('urls')) return [...state.urls];
  return [{ url: state.url.trim(), format: state.format }];
}

/** The body of POST/PUT; "all" is sent as no key at all, as the contract asks. */
export function webhookInputOf(state: WizardState): WebhookInput {
  const input: WebhookInput = {
    name: state.name.trim(),
    urls: urlsOf(state),
  };
  const events = eventsOf(state);
  const scope = scopeOf(state);
  if (events) input.events = events;
  if (scope) input.scope = scope;
  return input;
}

export function emailHookInputOf(state: WizardState): EmailHookInput {
  const notified: NotifiedTarget[] = [];
  if (state.wholeTeam) notified.push({ type: 'organisation' });
  for (const id of state.userIds) notified.push({ type: 'userid', target: id });
  for (const address of addressList(state.addresses)) notified.push({ type: 'email', target: address });
  notified.push(...state.otherTargets);
  const input: EmailHookInput = { name: state.name.trim(), notified };
  const events = eventsOf(state);
  const scope = scopeOf(state);
  if (events) input.events = events;
  if (scope) input.scope = scope;
  return input;
}

/** The dead formats among the webhook's URLs (nothing receives them any more). */
export function deadFormats(state: WizardState): string[] {
  const formats = new Set(urlsOf(state).map((u) => u.format));
  return FORMAT_CHOICES.filter((c) => c.dead && formats.has(c.format)).map((c) => c.format);
}

// Which hooks an event reaches. One rule, shared by the sandbox's dispatcher and by the views that
// show "hooks that cover this app".
import { BUILTIN_CATALOGUE, type EventCatalogue, expandEvents } from './events.js';
import { chosenEntries } from './hook-lists.js';
import type { HookState } from './schemas.js';

export interface HookRule {
  ownerId: string;
  events?: readonly string[] | null;
  scope?: readonly string[] | null;
  /** E-mail hooks have no state; webhooks do. */
  state?: HookState;
}

export interface EventTarget {
  type: string;
  ownerId: string;
  /** The app or add-on the event is about, if any. */
  resourceId?: string | undefined;
}

/** A hook with no scope (absent, null or empty: see ./hook-lists.ts) covers every app and add-on of its owner. */
export function hookCoversResource(hook: Pick<HookRule, 'scope'>, resourceId: string): boolean {
  const scope = chosenEntries(hook.scope);
  return !scope || scope.includes(resourceId);
}

/** A hook with no events (absent, null or empty: see ./hook-lists.ts) listens to every event. */
export function hookListensTo(
  hook: Pick<HookRule, 'events'>,
  type: string,
  catalogue: EventCatalogue = BUILTIN_CATALOGUE,
): boolean {
  const events = chosenEntries(hook.events);
  return !events || expandEvents(events, catalogue).includes(type);
}

export function hookMatchesEvent(
  hook: HookRule,
  event: EventTarget,
  catalogue: EventCatalogue = BUILTIN_CATALOGUE,
): boolean {
  if (hook.state === 'DISABLED') return false;
  if (hook.ownerId !== event.ownerId) return false;
  if (!hookListensTo(hook, event.type, catalogue)) return false;
  // An event about the owner itself (credits, members…) reaches scoped hooks too: the scope names
  // apps and add-ons, and such an event is about none of them.
  if (event.resourceId === undefined) return true;
  return hookCoversResource(hook, event.resourceId);
}

// The two kinds of hook as one type: a webhook or an e-mail hook, told apart by `kind`, so that code
// handling "a hook" narrows with a switch instead of casting between the API's two shapes.
import type { EmailHook, Webhook } from './schemas.js';

export type HookKind = 'webhook' | 'email';

export type Hook = ({ kind: 'webhook' } & Webhook) | ({ kind: 'email' } & EmailHook);

// `kind` first: V8 (Node 20) gives an object copied by a leading spread and then given a new
// property a hidden class of its own, so 2,000 hooks made 2,000 of them; with the property first,
// the hooks of one shape share one (docs/performance.md).
export function webhookEntry(hook: Webhook): Hook {
  return { kind: 'webhook', ...hook };
}

export function emailHookEntry(hook: EmailHook): Hook {
  return { kind: 'email', ...hook };
}

/** How a kind is named in a sentence ("Removed the webhook …"). */
export function hookKindLabel(kind: HookKind): string {
  return kind === 'webhook' ? 'webhook' : 'e-mail hook';
}

/** A hook's name for people: its name, else its id. */
export function hookTitle(hook: { name?: string | null | undefined; id: string }): string {
  return hook.name || hook.id;
}

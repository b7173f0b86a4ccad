// The two kinds of hook as one type: a webhook or an e-mail hook, told apart by `kind`, so that code
// handling "a hook" narrows with a switch instead of casting between the API's two shapes.
import type { EmailHook, Webhook } from './schemas.js';

export type HookKind = 'webhook' | 'email';

export type Hook = ({ kind: 'webhook' } & Webhook) | ({ kind: 'email' } & EmailHook);

export function webhookEntry(hook: Webhook): Hook {
  return { ...hook, kind: 'webhook' };
}

export function emailHookEntry(hook: EmailHook): Hook {
  return { ...hook, kind: 'email' };
}

/** How a kind is named in a sentence ("Removed the webhook …"). */
export function hookKindLabel(kind: HookKind): string {
  return kind === 'webhook' ? 'webhook' : 'e-mail hook';
}

/** A hook's name for people: its name, else its id. */
export function hookTitle(hook: { name?: string | null | undefined; id: string }): string {
  return hook.name || hook.id;
}

// The sandbox's change stream of hooks (GET /sandbox/v1/hooks/stream, docs/live-model.md): one message
// per hook added, edited or removed by anyone, or whose state or failures a delivery changed. Each
// carries the whole hook, so a client applies it without asking again.
import * as z from 'zod/mini';
import { EmailHook, Webhook } from './schemas.js';

const base = {
  /** Opaque: the stream resumes after it (SSE `id`, `Last-Event-ID`). */
  cursor: z.string(),
  /** Epoch ms of the change. */
  at: z.number(),
  ownerId: z.string(),
};

export const HookChange = z.discriminatedUnion('type', [
  z.object({ ...base, type: z.literal('webhook.put'), hook: Webhook }),
  z.object({ ...base, type: z.literal('webhook.removed'), hookId: z.string() }),
  z.object({ ...base, type: z.literal('emailhook.put'), hook: EmailHook }),
  z.object({ ...base, type: z.literal('emailhook.removed'), hookId: z.string() }),
]);
export type HookChange = z.infer<typeof HookChange>;

/**
 * Sent first when the stream cannot resume where the client asked (the sandbox restarted, or the change
 * is older than what it keeps): the client must list the hooks again.
 */
export const HookStreamReset = z.object({ type: z.literal('reset'), cursor: z.string() });
export type HookStreamReset = z.infer<typeof HookStreamReset>;

export const HookStreamMessage = z.union([HookChange, HookStreamReset]);
export type HookStreamMessage = z.infer<typeof HookStreamMessage>;

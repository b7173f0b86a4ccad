// The answer of the sandbox's `POST /sandbox/v1/webhooks/:ownerId/:hookId/test` (sandbox-ext.md),
// parsed like every other answer.
import { z } from 'zod';

export const WebhookTestResultSchema = z.object({
  url: z.string(),
  format: z.string(),
  ok: z.boolean(),
  status: z.number().optional(),
  networkFailure: z.string().optional(),
  durationMs: z.number(),
  responseExcerpt: z.string().optional(),
});

export const WebhookTestResults = z.array(WebhookTestResultSchema);

// `webhooks test` against the real API, which has no test endpoint: one sample event is POSTed from
// this machine to each URL of the hook, in the body of its format. No Clever Cloud credential is
// ever sent to these third-party URLs.

import { type PayloadContext, sampleEvent, webhookRequest } from '../domain/payloads.js';
import type { Webhook } from '../domain/schemas.js';
import { HttpAgent, httpRequest, RequestTimeoutError } from './http-request.js';
import { monotonicMs } from './monotonic-clock.js';
import type { WebhookTestResult } from './types.js';

const EXCERPT_CHARS = 200;

export interface DirectTestOptions {
  timeoutMs?: number;
  appId?: string;
  context?: PayloadContext;
}

export async function sendTestEvent(
  hook: Webhook,
  options: DirectTestOptions = {},
): Promise<WebhookTestResult[]> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const agent = new HttpAgent({ timeoutMs });
  const appId = options.appId ?? hook.scope?.find((id) => id.startsWith('app_'));
  const event = sampleEvent(hook.ownerId, appId);
  try {
    return await Promise.all(
      hook.urls.map(async ({ url, format }): Promise<WebhookTestResult> => {
        const started = monotonicMs();
        const durationMs = () => Math.round(monotonicMs() - started);
        try {
          const { headers, body } = webhookRequest(format, event, options.context ?? {});
          const response = await httpRequest(url, { method: 'POST', agent, headers, body });
          const text = response.text;
          const ok = response.statusCode >= 200 && response.statusCode < 300;
          return {
            url,
            format,
            ok,
            status: response.statusCode,
            durationMs: durationMs(),
            ...(text ? { responseExcerpt: text.slice(0, EXCERPT_CHARS) } : {}),
          };
        } catch (error) {
          return { url, format, ok: false, networkFailure: describe(error), durationMs: durationMs() };
        }
      }),
    );
  } finally {
    agent.close();
  }
}

function describe(error: unknown): string {
  if (error instanceof RequestTimeoutError) return 'timeout';
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

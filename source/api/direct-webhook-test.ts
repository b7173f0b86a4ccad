// `webhooks test` against the real API, which has no test endpoint: one sample event is POSTed from
// this machine to each URL of the hook, in the body of its format. No Clever Cloud credential is
// ever sent to these third-party URLs.

import { type PayloadContext, sampleEvent, webhookRequest } from '../domain/payloads.js';
import type { Webhook } from '../domain/schemas.js';
import type { WebhookTestResult } from './types.js';
import { Agent, request } from './undici-core.js';

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
  const agent = new Agent({
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  const appId = options.appId ?? hook.scope?.find((id) => id.startsWith('app_'));
  const event = sampleEvent(hook.ownerId, appId);
  try {
    return await Promise.all(
      hook.urls.map(async ({ url, format }): Promise<WebhookTestResult> => {
        const started = performance.now();
        const durationMs = () => Math.round(performance.now() - started);
        try {
          const { headers, body } = webhookRequest(format, event, options.context ?? {});
          const response = await request(url, { method: 'POST', dispatcher: agent, headers, body });
          const text = await response.body.text();
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
    await agent.close();
  }
}

function describe(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const causeCode = (error as { cause?: { code?: unknown } }).cause?.code;
  if (typeof causeCode === 'string') return causeCode;
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') return 'timeout';
  if (typeof code === 'string') return code;
  return error instanceof Error ? error.message : String(error);
}

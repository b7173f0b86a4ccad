// Follows the sandbox's change stream of hooks (GET /sandbox/v1/hooks/stream, docs/live-model.md):
// every hook added, edited or removed by anyone, and every state or failure a delivery changed.
import { type HookStreamMessage, HookStreamMessage as MessageSchema } from '../../domain/hook-changes.js';
import type { HttpAgent } from '../http-request.js';
import { SseStream, type SseStreamStatus } from './sse-stream.js';

export interface HookStreamOptions {
  apiHost: string;
  authorization: () => string;
  onMessage: (message: HookStreamMessage) => void;
  onStatus?: (status: SseStreamStatus) => void;
  retryDelayMs?: number;
  agent: HttpAgent;
}

/** From now on (no cursor at first): the lists loaded by REST hold what came before. */
export function hookStream(options: HookStreamOptions): SseStream<HookStreamMessage> {
  return new SseStream<HookStreamMessage>({
    apiHost: options.apiHost,
    path: '/sandbox/v1/hooks/stream',
    label: 'the hook stream',
    authorization: options.authorization,
    parse: (json) => {
      const parsed = MessageSchema.safeParse(json);
      return parsed.success ? parsed.data : undefined;
    },
    cursorOf: (message) => message.cursor,
    onMessage: options.onMessage,
    ...(options.onStatus ? { onStatus: options.onStatus } : {}),
    ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
    agent: options.agent,
  });
}

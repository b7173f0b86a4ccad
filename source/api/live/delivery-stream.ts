// Follows the sandbox's delivery log (GET /sandbox/v1/deliveries/stream), from a cursor, or from the
// newest record at start (only what happens from then on).
import { type Delivery, DeliveryPage, Delivery as DeliverySchema } from '../../domain/deliveries.js';
import { USER_AGENT } from '../../domain/version.js';
import { type HttpAgent, httpRequest } from '../http-request.js';
import { SseStream, type SseStreamStatus } from './sse-stream.js';

export type DeliveryStreamStatus = SseStreamStatus;

export interface DeliveryStreamOptions {
  apiHost: string;
  authorization: () => string;
  /** Start after this cursor; absent: after the newest record at start (only what happens from now). */
  since?: string | undefined;
  onDelivery: (delivery: Delivery) => void;
  onStatus?: (status: DeliveryStreamStatus) => void;
  retryDelayMs?: number;
  /** The live sources' connections (source/api/live/sources.ts). */
  agent: HttpAgent;
}

export function deliveryStream(options: DeliveryStreamOptions): SseStream<Delivery> {
  return new SseStream<Delivery>({
    apiHost: options.apiHost,
    path: '/sandbox/v1/deliveries/stream',
    label: 'the delivery stream',
    authorization: options.authorization,
    since: options.since,
    initialCursor: (signal, agent) => newestDeliveryCursor({ ...options, agent }, signal),
    parse: (json) => {
      const parsed = DeliverySchema.safeParse(json);
      return parsed.success ? parsed.data : undefined;
    },
    cursorOf: (delivery) => delivery.cursor,
    onMessage: options.onDelivery,
    ...(options.onStatus ? { onStatus: options.onStatus } : {}),
    ...(options.retryDelayMs !== undefined ? { retryDelayMs: options.retryDelayMs } : {}),
    agent: options.agent,
  });
}

/** Where the delivery log ends now: a page of no records still says so. */
export async function newestDeliveryCursor(
  options: { apiHost: string; authorization: () => string; agent: HttpAgent },
  signal?: AbortSignal,
): Promise<string> {
  const url = new URL('/sandbox/v1/deliveries?limit=0', options.apiHost);
  const response = await httpRequest(url, {
    method: 'GET',
    headers: { accept: 'application/json', authorization: options.authorization(), 'user-agent': USER_AGENT },
    agent: options.agent,
    signal,
  });
  if (response.statusCode !== 200) throw new Error(`the delivery log answered ${response.statusCode}`);
  return DeliveryPage.parse(JSON.parse(response.text)).next;
}

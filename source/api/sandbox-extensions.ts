// A typed client for the sandbox's extension API (/sandbox/v1, docs/contract.md, "The sandbox
// extension API"): trigger deployments and events, read the delivery log, redeliver, test a
// webhook. Following the log live is ./live/delivery-stream.ts. It takes the sandbox's CA itself
// (`ca`), so that a command pointed at a TLS sandbox by its data folder works without
// NODE_EXTRA_CA_CERTS in the environment.
import type { ZodMiniType } from 'zod/mini';
import {
  type Delivery,
  type DeliveryPage,
  DeliveryPage as DeliveryPageSchema,
  type TriggerDeploymentInput,
  type TriggerEventInput,
  type TriggeredDeployment,
  TriggeredDeployment as TriggeredDeploymentSchema,
  type TriggeredEvent,
  TriggeredEvent as TriggeredEventSchema,
  WebhookTestResults,
} from '../domain/deliveries.js';
import { Summary } from '../domain/schemas.js';
import { USER_AGENT } from '../domain/version.js';
import { ApiError, errorBodyText, statusError } from './errors.js';
import { type Answer, HttpAgent, httpRequest } from './http-request.js';
import type { WebhookTestResult } from './types.js';

export interface SandboxExtensionsOptions {
  apiHost: string;
  authorization: () => string;
  credentialsKind?: 'oauth' | 'api-token';
  /** A CA certificate (PEM) to trust besides the usual ones: the sandbox's own. */
  ca?: string;
  timeoutMs?: number;
}

const enc = encodeURIComponent;
/** The most records the log answers in one page. */
const MAX_PAGE = 500;

export class SandboxExtensionsClient {
  private readonly agent: HttpAgent;
  private readonly apiHost: string;

  constructor(private readonly options: SandboxExtensionsOptions) {
    this.apiHost = options.apiHost.replace(/\/+$/, '');
    const timeout = options.timeoutMs ?? 15_000;
    this.agent = new HttpAgent({
      timeoutMs: timeout,
      ...(options.ca ? { extraCa: options.ca } : {}),
    });
  }

  private async send<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: ZodMiniType<T>,
    body?: unknown,
  ): Promise<T> {
    let response: Answer;
    try {
      response = await httpRequest(`${this.apiHost}${path}`, {
        method,
        agent: this.agent,
        headers: {
          accept: 'application/json',
          authorization: this.options.authorization(),
          'user-agent': USER_AGENT,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      throw new ApiError(
        `cannot reach the sandbox at ${this.apiHost} (${typeof code === 'string' ? code : String(error)}): ` +
          'is it running? start it with `clever-notify sandbox`',
      );
    }
    const { text, statusCode: status } = response;
    if (status === 401 || status >= 500) {
      throw statusError(status, text, {
        method,
        path,
        host: new URL(this.apiHost).host,
        credentialsKind: this.options.credentialsKind ?? 'oauth',
      });
    }
    if (status < 200 || status >= 300)
      throw new ApiError(`the sandbox refused: ${errorBodyText(text)}`, status);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ApiError(`the sandbox answered ${method} ${path} with something that is not JSON`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ApiError(
        `the sandbox answered ${method} ${path} with an unexpected shape: ${parsed.error.issues[0]?.message}`,
      );
    }
    return parsed.data;
  }

  /** Starts a deployment; it is WIP when this resolves and ends after `durationMs`. */
  /** The user's owners and their apps, so that a trigger can take an app by name. */
  async summary(): Promise<Summary> {
    return this.send('GET', '/v2/summary', Summary);
  }

  async triggerDeployment(input: TriggerDeploymentInput): Promise<TriggeredDeployment> {
    return this.send('POST', '/sandbox/v1/deployments', TriggeredDeploymentSchema, input);
  }

  async triggerEvent(input: TriggerEventInput): Promise<TriggeredEvent> {
    return this.send('POST', '/sandbox/v1/events', TriggeredEventSchema, input);
  }

  /** Records after `since`, oldest first; `next` is the cursor to pass next time. */
  async deliveries(query: { hookId?: string; since?: string; limit?: number } = {}): Promise<DeliveryPage> {
    const params = new URLSearchParams();
    if (query.hookId) params.set('hook', query.hookId);
    if (query.since) params.set('since', query.since);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const search = params.size > 0 ? `?${params}` : '';
    return this.send('GET', `/sandbox/v1/deliveries${search}`, DeliveryPageSchema);
  }

  /** Every record after `since` (or all), oldest first, following the pages. */
  async allDeliveries(query: { hookId?: string; since?: string } = {}): Promise<Delivery[]> {
    const items: Delivery[] = [];
    let since = query.since;
    for (;;) {
      const page = await this.deliveries({ ...query, ...(since ? { since } : {}), limit: MAX_PAGE });
      items.push(...page.items);
      if (page.items.length < MAX_PAGE || page.next === since) return items;
      since = page.next;
    }
  }

  async redeliver(deliveryId: string): Promise<TriggeredEvent> {
    return this.send('POST', `/sandbox/v1/deliveries/${enc(deliveryId)}/redeliver`, TriggeredEventSchema);
  }

  async testWebhook(ownerId: string, hookId: string): Promise<WebhookTestResult[]> {
    return this.send('POST', `/sandbox/v1/webhooks/${enc(ownerId)}/${enc(hookId)}/test`, WebhookTestResults);
  }

  async close(): Promise<void> {
    this.agent.close();
  }
}

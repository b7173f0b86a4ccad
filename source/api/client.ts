// The one client for Clever Cloud and the sandbox: each method is one request of the contract
// (docs/contract.md), its answer parsed by the domain's schemas.
import * as z from 'zod/mini';
import { SandboxInfo, WebhookTestResults } from '../domain/deliveries.js';
import { BUILTIN_CATALOGUE, type EventCatalogue } from '../domain/events.js';
import {
  Addon,
  Application,
  Deployment,
  EmailHook,
  type EmailHookInput,
  EventCatalogueResponse,
  Organisation,
  OrganisationMember,
  Self,
  Summary,
  Webhook,
  WebhookFormats,
  type WebhookInput,
} from '../domain/schemas.js';
import type { Credentials } from './credentials.js';
import { type DirectTestOptions, sendTestEvent } from './direct-webhook-test.js';
import { ApiError } from './errors.js';
import { hookPath } from './hook-paths.js';
import { HttpTransport, type TransportOptions } from './http.js';
import type { ApiTarget, CleverApi, WebhookTestResult } from './types.js';

export interface ClientOptions
  extends Pick<TransportOptions, 'timeoutMs' | 'retries' | 'backoffMs' | 'debug'> {
  kind?: ApiTarget['kind'];
  embedded?: boolean;
}

const enc = encodeURIComponent;

export class HttpCleverApi implements CleverApi {
  target: ApiTarget;
  private readonly http: HttpTransport;
  private identified: Promise<ApiTarget & { sandboxVersion?: string }> | undefined;

  constructor(credentials: Credentials, options: ClientOptions = {}) {
    this.http = new HttpTransport({
      apiHost: credentials.apiHost,
      authorization: credentials.authorization,
      credentialsKind: credentials.kind,
      ...(credentials.ca ? { ca: credentials.ca } : {}),
      ...pick(options, ['timeoutMs', 'retries', 'backoffMs', 'debug']),
    });
    this.target = {
      kind: options.kind ?? 'clever-cloud',
      apiHost: this.http.apiHost,
      embedded: options.embedded ?? false,
    };
  }

  close(): Promise<void> {
    return this.http.close();
  }

  identify(): Promise<ApiTarget & { sandboxVersion?: string }> {
    // What the caller knew for sure (a sandbox it found or started) stands; an API reached through
    // credentials is Clever Cloud unless it answers the sandbox's own endpoint.
    this.identified ??= this.http
      .send({ method: 'GET', path: '/sandbox/v1/info', schema: SandboxInfo, retries: 0 })
      .then(
        (info) => info?.version,
        () => undefined,
      )
      .then((version) => {
        if (version === undefined) return this.target;
        this.target = { ...this.target, kind: 'sandbox' };
        return { ...this.target, sandboxVersion: version };
      });
    return this.identified;
  }

  self(): Promise<Self> {
    return this.get('/v2/self', Self);
  }

  summary(): Promise<Summary> {
    return this.get('/v2/summary', Summary);
  }

  async organisations(): Promise<Organisation[]> {
    const all = await this.get('/v2/organisations', z.array(Organisation));
    return all.filter((o) => o.id.startsWith('orga_'));
  }

  async members(orgId: string): Promise<OrganisationMember[]> {
    const members = await this.http.send({
      method: 'GET',
      path: `/v2/organisations/${enc(orgId)}/members`,
      schema: z.array(OrganisationMember),
      subject: `the members of ${owner(orgId)}`,
      // Only organisations have members: a personal space's 404 is an empty list, an organisation's is news.
      ...(orgId.startsWith('user_') ? { emptyOn: [404] } : {}),
    });
    return members ?? [];
  }

  applications(ownerId: string): Promise<Application[]> {
    return this.get(`/v2/organisations/${enc(ownerId)}/applications`, z.array(Application), owner(ownerId));
  }

  addons(ownerId: string): Promise<Addon[]> {
    return this.get(`/v2/organisations/${enc(ownerId)}/addons`, z.array(Addon), owner(ownerId));
  }

  deployments(
    ownerId: string,
    appId: string,
    page: { limit?: number; offset?: number } = {},
  ): Promise<Deployment[]> {
    const query = new URLSearchParams();
    if (page.limit !== undefined) query.set('limit', String(page.limit));
    if (page.offset !== undefined) query.set('offset', String(page.offset));
    const qs = query.size > 0 ? `?${query}` : '';
    return this.get(
      `/v2/organisations/${enc(ownerId)}/applications/${enc(appId)}/deployments${qs}`,
      z.array(Deployment),
      `application ${appId} of ${owner(ownerId)}`,
    );
  }

  async listWebhooks(ownerId: string): Promise<Webhook[]> {
    const hooks = await this.http.send({
      method: 'GET',
      path: hookPath('webhooks', ownerId),
      schema: z.array(Webhook),
      subject: `the webhooks of ${owner(ownerId)}`,
      emptyOn: [404],
    });
    return hooks ?? [];
  }

  addWebhook(ownerId: string, input: WebhookInput): Promise<Webhook> {
    return this.write('POST', hookPath('webhooks', ownerId), input, Webhook, owner(ownerId));
  }

  editWebhook(ownerId: string, hookId: string, input: WebhookInput): Promise<Webhook> {
    return this.write(
      'PUT',
      hookPath('webhooks', ownerId, hookId),
      input,
      Webhook,
      `webhook ${hookId} of ${owner(ownerId)}`,
    );
  }

  async removeWebhook(ownerId: string, hookId: string): Promise<void> {
    await this.http.send({
      method: 'DELETE',
      path: hookPath('webhooks', ownerId, hookId),
      schema: undefined,
      subject: `webhook ${hookId} of ${owner(ownerId)}`,
    });
  }

  async testWebhook(hook: Webhook): Promise<WebhookTestResult[]> {
    if ((await this.identify()).kind !== 'sandbox')
      return sendTestEvent(hook, await this.sampleContext(hook));
    const results = await this.http.send({
      method: 'POST',
      path: `/sandbox/v1/webhooks/${enc(hook.ownerId)}/${enc(hook.id)}/test`,
      schema: WebhookTestResults,
      subject: `webhook ${hook.id} of ${owner(hook.ownerId)}`,
    });
    if (!results) throw new ApiError(`the sandbox answered the test of webhook ${hook.id} with no results`);
    return results;
  }

  /** A real app of the hook's owner (in its scope, if scoped) for the sample event, with the names. */
  private async sampleContext(hook: Webhook): Promise<DirectTestOptions> {
    const summary = await this.summary().catch(() => undefined);
    const owner =
      summary?.user.id === hook.ownerId
        ? summary.user
        : summary?.organisations.find((o) => o.id === hook.ownerId);
    if (!owner) return {};
    const app = owner.applications.find((a) => hook.scope?.includes(a.id)) ?? owner.applications[0];
    return {
      ...(app ? { appId: app.id } : {}),
      context: { ...(owner.name ? { ownerName: owner.name } : {}), ...(app ? { appName: app.name } : {}) },
    };
  }

  async listEmailHooks(ownerId: string): Promise<EmailHook[]> {
    const hooks = await this.http.send({
      method: 'GET',
      path: hookPath('emailhooks', ownerId),
      schema: z.array(EmailHook),
      subject: `the e-mail hooks of ${owner(ownerId)}`,
      emptyOn: [404],
    });
    return hooks ?? [];
  }

  addEmailHook(ownerId: string, input: EmailHookInput): Promise<EmailHook> {
    return this.write('POST', hookPath('emailhooks', ownerId), input, EmailHook, owner(ownerId));
  }

  editEmailHook(ownerId: string, hookId: string, input: EmailHookInput): Promise<EmailHook> {
    return this.write(
      'PUT',
      hookPath('emailhooks', ownerId, hookId),
      input,
      EmailHook,
      `e-mail hook ${hookId} of ${owner(ownerId)}`,
    );
  }

  async removeEmailHook(ownerId: string, hookId: string): Promise<void> {
    await this.http.send({
      method: 'DELETE',
      path: hookPath('emailhooks', ownerId, hookId),
      schema: undefined,
      subject: `e-mail hook ${hookId} of ${owner(ownerId)}`,
    });
  }

  async eventCatalogue(): Promise<EventCatalogue> {
    try {
      const answer = await this.http.send({
        method: 'GET',
        path: '/v2/notifications/info/events',
        schema: EventCatalogueResponse,
      });
      return answer && answer.events.length > 0 ? answer : BUILTIN_CATALOGUE;
    } catch (error) {
      // Only a missing or odd catalogue falls back; bad credentials and an API out of reach must
      // still be reported (`events --offline` prints the built-in catalogue on purpose).
      if (error instanceof ApiError && (error.status === 401 || error.unreachable)) throw error;
      return BUILTIN_CATALOGUE;
    }
  }

  webhookFormats(): Promise<string[]> {
    return this.get('/v2/notifications/info/webhookformats', WebhookFormats);
  }

  private async get<T>(path: string, schema: z.ZodMiniType<T>, subject?: string): Promise<T> {
    const answer = await this.http.send({ method: 'GET', path, schema, ...(subject ? { subject } : {}) });
    if (answer === undefined)
      throw new ApiError(`${this.target.apiHost} answered GET ${path} with an empty body`);
    return answer;
  }

  private async write<T>(
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
    schema: z.ZodMiniType<T>,
    subject: string,
  ): Promise<T> {
    const answer = await this.http.send({ method, path, body, schema, subject });
    if (answer === undefined) {
      throw new ApiError(`${this.target.apiHost} answered ${method} ${path} with an empty body`);
    }
    return answer;
  }
}

function owner(ownerId: string): string {
  return ownerId.startsWith('user_') ? `personal space ${ownerId}` : `organisation ${ownerId}`;
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) out[key] = source[key];
  return out;
}

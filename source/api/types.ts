// What the rest of the program may ask of Clever Cloud (real or sandbox). The UI and the commands
// depend on this interface only; `client.ts` implements it over HTTP.
import type { WebhookTestResult } from '../domain/deliveries.js';
import type { EventCatalogue } from '../domain/events.js';
import type {
  Addon,
  Application,
  Deployment,
  EmailHook,
  EmailHookInput,
  Organisation,
  OrganisationMember,
  Self,
  Summary,
  Webhook,
  WebhookInput,
} from '../domain/schemas.js';

/**
 * Where the client talks to, for headers, badges and messages. `kind` is learned from the API itself
 * (`identify()`): before it answered, it is what the caller knew (a sandbox this process found or
 * started), else 'clever-cloud'.
 */
export interface ApiTarget {
  kind: 'clever-cloud' | 'sandbox';
  /** e.g. https://api.clever-cloud.com or http://127.0.0.1:8080 */
  apiHost: string;
  /** True when this process started the sandbox itself because no credentials were found. */
  embedded: boolean;
}

export type { WebhookTestResult };

export interface CleverApi {
  readonly target: ApiTarget;
  /**
   * Asks the API what it is (one request to the sandbox-only `GET /sandbox/v1/info`, made once) and
   * updates `target`: an API that answers it is a sandbox, whatever its host; one reached with
   * credentials that does not is Clever Cloud, even on 127.0.0.1 (an SSH tunnel, a proxy).
   */
  identify(): Promise<ApiTarget & { sandboxVersion?: string }>;

  self(): Promise<Self>;
  summary(): Promise<Summary>;
  organisations(): Promise<Organisation[]>;
  /** The members of an organisation; a personal space has none ([]). */
  members(orgId: string): Promise<OrganisationMember[]>;
  applications(ownerId: string): Promise<Application[]>;
  addons(ownerId: string): Promise<Addon[]>;
  deployments(
    ownerId: string,
    appId: string,
    page?: { limit?: number; offset?: number },
  ): Promise<Deployment[]>;

  listWebhooks(ownerId: string): Promise<Webhook[]>;
  addWebhook(ownerId: string, input: WebhookInput): Promise<Webhook>;
  editWebhook(ownerId: string, hookId: string, input: WebhookInput): Promise<Webhook>;
  removeWebhook(ownerId: string, hookId: string): Promise<void>;
  /** Sandbox: through its dispatcher. Real API: straight from this machine to each URL, in its format. */
  testWebhook(hook: Webhook): Promise<WebhookTestResult[]>;

  listEmailHooks(ownerId: string): Promise<EmailHook[]>;
  addEmailHook(ownerId: string, input: EmailHookInput): Promise<EmailHook>;
  editEmailHook(ownerId: string, hookId: string, input: EmailHookInput): Promise<EmailHook>;
  removeEmailHook(ownerId: string, hookId: string): Promise<void>;

  /** The API's catalogue, or the built-in one when the API does not answer with one. */
  eventCatalogue(): Promise<EventCatalogue>;
  webhookFormats(): Promise<string[]>;
}

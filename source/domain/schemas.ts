// Every byte that comes from outside is parsed by one of these schemas. Names and shapes are the
// contract's (docs/contract.md). Objects tolerate extra fields (zod strips them) so that a
// newer API does not break us; a missing required field is an error that names it.
//
// They are written with zod's functional API (`zod/mini`): the same parsing, core and messages as the
// classic API, without the classic API's 190 KB and the methods it attaches to every schema, which
// every command that talks to the API would load and run at start (docs/performance.md). Code that
// wants the classic API (the sandbox) composes these schemas as they are.
//
// A schema that is only parsed with is `z.lazy`: built at its first parse, so that a command builds
// the few it uses, not all of them at every start (docs/performance.md). Those that other schemas
// extend (`.shape`, `.check`: the sandbox's inputs and its world) and their parts are built here.
import * as z from 'zod/mini';

// The classic API sets English messages by itself; the functional one leaves it to us.
z.config(z.locales.en());

export const WEBHOOK_FORMATS = ['raw', 'slack', 'gitter', 'flowdock'] as const;
export const WebhookFormat = z.enum(WEBHOOK_FORMATS);
export type WebhookFormat = z.infer<typeof WebhookFormat>;

/** Formats whose services are gone (Flowdock shut down in 2022, Gitter moved to Matrix in 2023). */
export const DEAD_FORMATS: readonly WebhookFormat[] = ['gitter', 'flowdock'];

export const HookState = z.enum(['ENABLED', 'DISABLED']);
export type HookState = z.infer<typeof HookState>;

/** ISO date (with an offset) or epoch milliseconds: the API answers with both. */
export const Timestamp = z.union([z.string(), z.number()]);
export type Timestamp = z.infer<typeof Timestamp>;

export function timestampToDate(value: Timestamp): Date {
  return new Date(typeof value === 'number' ? value : Number.isNaN(Number(value)) ? value : Number(value));
}

export const WebhookUrl = z.object({ format: WebhookFormat, url: z.string() });
export type WebhookUrl = z.infer<typeof WebhookUrl>;

export const DeliveryFailure = z.object({
  url: z.string(),
  networkFailure: z.optional(z.string()),
  status: z.optional(z.number()),
  partialBody: z.optional(z.string()),
  createdAt: z.optional(Timestamp),
});
export type DeliveryFailure = z.infer<typeof DeliveryFailure>;

const eventList = z.nullish(z.array(z.string()));
const scopeList = z.nullish(z.array(z.string()));

export const Webhook = z.lazy(() =>
  z.object({
    id: z.string(),
    ownerId: z.string(),
    name: z.nullish(z.string()),
    urls: z.array(WebhookUrl),
    events: eventList,
    scope: scopeList,
    createdAt: Timestamp,
    failures: z._default(z.array(DeliveryFailure), []),
    state: z._default(HookState, 'ENABLED'),
  }),
);
export type Webhook = z.infer<typeof Webhook>;

export const EmailTarget = z.object({ type: z.literal('email'), target: z.string() });
export const UserTarget = z.object({ type: z.literal('userid'), target: z.string() });
export const OrganisationTarget = z.object({ type: z.literal('organisation') });
/** A target type this client does not know: kept and shown raw. */
export const UnknownTarget = z.looseObject({ type: z.string(), target: z.optional(z.string()) });
export const NotifiedTarget = z.union([EmailTarget, UserTarget, OrganisationTarget, UnknownTarget]);
export type NotifiedTarget = z.infer<typeof NotifiedTarget>;

export const EmailHook = z.lazy(() =>
  z.object({
    id: z.string(),
    ownerId: z.string(),
    name: z.nullish(z.string()),
    events: eventList,
    scope: scopeList,
    createdAt: Timestamp,
    notified: z.nullish(z.array(NotifiedTarget)),
  }),
);
export type EmailHook = z.infer<typeof EmailHook>;

/** Body of POST and PUT for a webhook. Absent or null `events`/`scope` mean "all". */
export const WebhookInput = z.object({
  name: z.string(),
  urls: z.array(WebhookUrl),
  events: eventList,
  scope: scopeList,
});
export type WebhookInput = z.infer<typeof WebhookInput>;

/** Body of POST and PUT for an e-mail hook. */
export const EmailHookInput = z.object({
  name: z.string(),
  notified: z.nullish(z.array(NotifiedTarget)),
  events: eventList,
  scope: scopeList,
});
export type EmailHookInput = z.infer<typeof EmailHookInput>;

/** `meta_events` comes as `{META_X: [...]}` or as `[{key, events}]`; both become the object form. */
export const EventCatalogueResponse = z.lazy(() =>
  z.pipe(
    z.object({
      events: z.array(z.string()),
      meta_events: z.union([
        z.record(z.string(), z.array(z.string())),
        z.array(z.object({ key: z.string(), events: z.array(z.string()) })),
      ]),
    }),
    z.transform(({ events, meta_events }) => {
      const metaEvents: Record<string, string[]> = Array.isArray(meta_events)
        ? Object.fromEntries(meta_events.map((m) => [m.key, m.events]))
        : meta_events;
      return { events: events.filter((e) => !Object.hasOwn(metaEvents, e)), metaEvents };
    }),
  ),
);

export const WebhookFormats = z.lazy(() => z.array(z.string()));

export const AppState = z.enum([
  'SHOULD_BE_UP',
  'SHOULD_BE_DOWN',
  'WANTS_TO_BE_UP',
  'MODERATED',
  'DEFAULT_OF_PAYMENT',
]);
export type AppState = z.infer<typeof AppState>;

export const Self = z.lazy(() =>
  z.object({ id: z.string(), name: z.nullish(z.string()), email: z.nullish(z.string()) }),
);
export type Self = z.infer<typeof Self>;

export const Organisation = z.lazy(() => z.object({ id: z.string(), name: z.string() }));
export type Organisation = z.infer<typeof Organisation>;

/**
 * One entry of `GET /v2/organisations/{id}/members` (in @clevercloud/client 12, not in the contract
 * table). Roles are ADMIN, MANAGER, DEVELOPER or ACCOUNTING; kept as a string so that a new role
 * does not break the list. Only the id is sure to be there.
 */
export const OrganisationMember = z.lazy(() =>
  z.object({
    member: z.object({
      id: z.string(),
      name: z.nullish(z.string()),
      email: z.nullish(z.string()),
      avatar: z.nullish(z.string()),
      preferredMFA: z.nullish(z.string()),
    }),
    role: z.nullish(z.string()),
    job: z.nullish(z.string()),
  }),
);
export type OrganisationMember = z.infer<typeof OrganisationMember>;

export const SummaryApp = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    variantSlug: z.nullish(z.string()),
    state: z.nullish(z.string()),
    commit: z.nullish(z.string()),
  }),
);
export const SummaryAddon = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.nullish(z.string()),
    realId: z.nullish(z.string()),
    providerId: z.nullish(z.string()),
  }),
);
const summaryLists = () => ({
  applications: z.array(SummaryApp),
  addons: z.array(SummaryAddon),
  consumers: z.array(z.unknown()),
  providers: z.array(z.unknown()),
});
export const Summary = z.lazy(() =>
  z.object({
    user: z.object({ id: z.string(), name: z.nullish(z.string()), ...summaryLists() }),
    organisations: z.array(
      z.object({ id: z.string(), name: z.string(), role: z.nullish(z.string()), ...summaryLists() }),
    ),
  }),
);
export type Summary = z.infer<typeof Summary>;

export const Application = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    zone: z.nullish(z.string()),
    instance: z.nullish(
      z.partial(z.object({ variant: z.nullish(z.partial(z.object({ slug: z.string() }))) })),
    ),
    state: z.string(),
    deployment: z.nullish(z.partial(z.object({ httpUrl: z.nullish(z.string()) }))),
    creationDate: z.nullish(Timestamp),
  }),
);
export type Application = z.infer<typeof Application>;

export const Addon = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.nullish(z.string()),
    realId: z.nullish(z.string()),
    region: z.nullish(z.string()),
    provider: z.nullish(z.object({ id: z.string(), name: z.nullish(z.string()) })),
    plan: z.nullish(z.object({ name: z.nullish(z.string()), slug: z.nullish(z.string()) })),
  }),
);
export type Addon = z.infer<typeof Addon>;

export const DEPLOYMENT_STATES = ['WIP', 'OK', 'FAIL', 'CANCELLED', 'TASK_RUNNING'] as const;
export const DeploymentState = z.enum(DEPLOYMENT_STATES);
export type DeploymentState = z.infer<typeof DeploymentState>;

export const Deployment = z.object({
  uuid: z.string(),
  date: z.number(),
  state: DeploymentState,
  action: z.nullish(z.string()),
  commit: z.nullish(z.string()),
  cause: z.nullish(z.string()),
  author: z.nullish(z.object({ id: z.nullish(z.string()), name: z.nullish(z.string()) })),
});
export type Deployment = z.infer<typeof Deployment>;

/** An error body: `{id, message, type}`, `{message}`, `{error}`, or plain text. */
export const ApiErrorBody = z.lazy(() =>
  z.union([z.looseObject({ message: z.string() }), z.looseObject({ error: z.string() })]),
);

/** A frame of the event socket that carries an event. `data` is a JSON string (an object is accepted). */
export const EventEnvelope = z.lazy(() =>
  z.object({
    event: z.string(),
    date: z.number(),
    data: z.union([z.string(), z.record(z.string(), z.unknown())]),
  }),
);
export type EventEnvelope = z.infer<typeof EventEnvelope>;

/** What the event data holds for the fields we use; every field is optional across event types. */
export const EventData = z.lazy(() =>
  z.looseObject({
    id: z.optional(z.string()),
    appId: z.optional(z.string()),
    ownerId: z.optional(z.string()),
    uuid: z.optional(z.string()),
    state: z.optional(z.string()),
    action: z.optional(z.string()),
    commit: z.optional(z.string()),
    cause: z.optional(z.string()),
  }),
);
export type EventData = z.infer<typeof EventData>;

export function eventData(envelope: EventEnvelope): EventData {
  const raw = typeof envelope.data === 'string' ? safeJson(envelope.data) : envelope.data;
  const parsed = EventData.safeParse(raw);
  return parsed.success ? parsed.data : {};
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

/** Frames of the event socket other than events. */
export const SocketControl = z.lazy(() =>
  z.union([
    z.object({ message_type: z.literal('socket_ready') }),
    z.object({
      type: z.literal('heartbeat'),
      heartbeat_msg: z.string(),
      heartbeat_delay_ms: z.optional(z.number()),
    }),
    z.looseObject({ type: z.literal('error'), id: z.number() }),
  ]),
);

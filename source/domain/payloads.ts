// The body each webhook format receives for one event (docs/contract.md, "Payloads"). `raw` is the
// event exactly as the event socket sends it (documented by Clever Cloud); the slack, gitter and
// flowdock bodies are not published by Clever Cloud, so these are the sandbox's model of them,
// following what each service's incoming webhooks accept. Pure: the dispatcher of the sandbox and
// `webhooks test` against the real API both build their bodies here.
import { type EventEnvelope, eventData, type WebhookFormat } from './schemas.js';
import { USER_AGENT } from './version.js';

export interface PayloadContext {
  ownerName?: string;
  appName?: string;
  /** The app's public URL, e.g. https://app-….cleverapps.io */
  appUrl?: string;
  /** Where a reader can see the app or deployment in the console. */
  consoleUrl?: string;
}

type Tone = 'good' | 'warning' | 'danger' | 'neutral';

/** Failures are red, results and pushes green, work in progress amber; the rest plain. */
export function eventTone(event: EventEnvelope): Tone {
  const data = eventData(event);
  switch (event.event) {
    case 'DEPLOYMENT_FAIL':
      return 'danger';
    case 'DEPLOYMENT_SUCCESS':
      return 'good';
    case 'DEPLOYMENT_ACTION_BEGIN':
      return 'warning';
    case 'DEPLOYMENT_ACTION_END':
      return data.state === 'FAIL' ? 'danger' : data.state === 'OK' ? 'good' : 'warning';
    case 'APPLICATION_STOP':
    case 'APPLICATION_DELETION':
    case 'ADDON_DELETION':
    case 'ACCOUNT_DELETION':
    case 'ORGANISATION_DELETION':
      return 'danger';
    default:
      return 'neutral';
  }
}

const SLACK_COLOURS: Record<Tone, string> = {
  good: 'good',
  warning: 'warning',
  danger: 'danger',
  neutral: '#5c6bc0',
};

const EVENT_PHRASES: Record<string, string> = {
  ACCOUNT_CREATION: 'account created',
  ACCOUNT_DELETION: 'account deleted',
  ACCOUNT_EDITION: 'account edited',
  ADDON_CREATION: 'add-on created',
  ADDON_DELETION: 'add-on deleted',
  APPLICATION_CREATION: 'application created',
  APPLICATION_DELETION: 'application deleted',
  APPLICATION_EDITION: 'application edited',
  APPLICATION_REDEPLOY: 'redeploy requested',
  APPLICATION_STOP: 'application stopped',
  DEPLOYMENT_ACTION_BEGIN: 'deployment started',
  DEPLOYMENT_ACTION_END: 'deployment ended',
  DEPLOYMENT_FAIL: 'deployment failed',
  DEPLOYMENT_SUCCESS: 'deployment succeeded',
  GIT_PUSH: 'git push received',
  ORGANISATION_CREATION: 'organisation created',
  ORGANISATION_DELETION: 'organisation deleted',
  ORGANISATION_EDITION: 'organisation edited',
  ORGANISATION_USER_ADDITION: 'member added to the organisation',
  CLEVER_TOOLS_REQUEST: 'clever-tools request',
  CREDITS_ADDED: 'credits added',
};

/** One line a person reads: "my-app: deployment failed (FAIL, commit 1a2b3c4)". */
export function eventSummary(event: EventEnvelope, context: PayloadContext = {}): string {
  const data = eventData(event);
  const aboutOwner = !data.appId && (data.id === undefined || data.id === data.ownerId);
  const subject = aboutOwner
    ? (context.ownerName ?? data.ownerId ?? data.id)
    : (context.appName ?? data.appId ?? data.id);
  const phrase = EVENT_PHRASES[event.event] ?? event.event;
  const details = [data.state, data.commit ? `commit ${shortCommit(data.commit)}` : undefined].filter(
    (d): d is string => Boolean(d),
  );
  const tail = details.length > 0 ? ` (${details.join(', ')})` : '';
  return `${subject ? `${subject}: ` : ''}${phrase}${tail}`;
}

function shortCommit(commit: string): string {
  return commit.slice(0, 7);
}

function linkOf(context: PayloadContext): string | undefined {
  return context.consoleUrl ?? context.appUrl;
}

function slackPayload(event: EventEnvelope, context: PayloadContext): unknown {
  const data = eventData(event);
  const text = eventSummary(event, context);
  const link = linkOf(context);
  const fields = [
    { title: 'App', value: context.appName ?? data.appId ?? data.id, short: true },
    { title: 'Event', value: event.event, short: true },
    { title: 'Commit', value: data.commit ? shortCommit(data.commit) : undefined, short: true },
    { title: 'Deployment', value: data.state, short: true },
    { title: 'Owner', value: context.ownerName ?? data.ownerId, short: true },
  ].filter((f): f is { title: string; value: string; short: boolean } => Boolean(f.value));
  return {
    text,
    attachments: [
      {
        fallback: text,
        color: SLACK_COLOURS[eventTone(event)],
        title: link ? `Open ${context.appName ?? 'in the console'}` : undefined,
        title_link: link,
        fields,
        footer: 'Clever Cloud',
        ts: Math.floor(event.date / 1000),
      },
    ],
  };
}

/** Gitter's custom-integration webhooks took `message` (Markdown) and `level` (info or error). */
function gitterPayload(event: EventEnvelope, context: PayloadContext): unknown {
  const link = linkOf(context);
  const summary = eventSummary(event, context);
  return {
    message: link ? `[${summary}](${link})` : summary,
    level: eventTone(event) === 'danger' ? 'error' : 'info',
  };
}

/** Flowdock's REST "activity" messages: an author, a title, and a thread keyed by the app. */
function flowdockPayload(event: EventEnvelope, context: PayloadContext): unknown {
  const data = eventData(event);
  const tone = eventTone(event);
  const subject = context.appName ?? data.appId ?? data.id ?? data.ownerId ?? 'clever-cloud';
  return {
    event: 'activity',
    author: { name: 'Clever Cloud' },
    title: eventSummary(event, context),
    external_thread_id: `clever-cloud:${data.appId ?? data.id ?? data.ownerId ?? 'account'}`,
    thread: {
      title: subject,
      external_url: linkOf(context),
      status: {
        value: data.state ?? event.event,
        color: tone === 'good' ? 'green' : tone === 'danger' ? 'red' : tone === 'warning' ? 'yellow' : 'grey',
      },
    },
  };
}

/** The JSON body POSTed to a URL of the given format for this event. */
export function formatPayload(format: WebhookFormat, event: EventEnvelope, context: PayloadContext): unknown {
  switch (format) {
    case 'raw':
      return rawPayload(event);
    case 'slack':
      return slackPayload(event, context);
    case 'gitter':
      return gitterPayload(event, context);
    case 'flowdock':
      return flowdockPayload(event, context);
  }
}

/**
 * The event exactly as the event socket sends it, which is what Clever Cloud documents a `raw`
 * webhook to receive: `{event, date, data}` in that order, `data` a JSON string. The sandbox's socket
 * serialises this same object, so a raw delivery and the socket frame are the same bytes.
 */
export function rawPayload(event: EventEnvelope): EventEnvelope {
  return {
    event: event.event,
    date: event.date,
    data: typeof event.data === 'string' ? event.data : JSON.stringify(event.data),
  };
}

/**
 * Where a format's body comes from, for the views that show one: only `raw` is documented by Clever
 * Cloud; the others (and every delivery header and retry) are the sandbox's model.
 */
export function payloadOrigin(format: string): string {
  return format === 'raw'
    ? 'the event as the socket sends it, as Clever Cloud documents'
    : 'as modelled by the sandbox: Clever Cloud publishes no such body';
}

/** A placeholder app for a sample event sent to an owner that has none in view. */
export const SAMPLE_APP_ID = 'app_00000000-0000-4000-8000-000000000000';

/** A realistic DEPLOYMENT_SUCCESS, as the event socket would send it, for tests and "test this hook". */
export function sampleEvent(
  ownerId: string,
  appId: string = SAMPLE_APP_ID,
  at: number = Date.now(),
): EventEnvelope {
  const data = {
    id: appId,
    appId,
    ownerId,
    uuid: globalThis.crypto.randomUUID(),
    state: 'OK',
    action: 'DEPLOY',
    commit: '4b825dc642cb6eb9a060e54bf8d69288fbee4904',
    cause: 'Git',
  };
  return { event: 'DEPLOYMENT_SUCCESS', date: at, data: JSON.stringify(data) };
}

/** The headers every webhook request carries, from the sandbox's dispatcher and from `listen` alike. */
export const WEBHOOK_REQUEST_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json',
  'user-agent': USER_AGENT,
};

/** What one URL of a webhook receives for one event: its headers and its exact body. */
export interface WebhookRequest {
  headers: Readonly<Record<string, string>>;
  body: string;
}

/**
 * The request for one event in one format: the sandbox's dispatcher sends it, and `listen` forwards it
 * to a local receiver, so that the receiver gets byte for byte what the hook would.
 */
export function webhookRequest(
  format: WebhookFormat,
  event: EventEnvelope,
  context: PayloadContext,
): WebhookRequest {
  return { headers: WEBHOOK_REQUEST_HEADERS, body: JSON.stringify(formatPayload(format, event, context)) };
}

/** The context of an event's bodies: its owner's name and, for an app, its name, console link and host. */
export function payloadContext(about: {
  ownerName?: string | undefined;
  app?: { id: string; name: string } | undefined;
  /** The app's first domain (e.g. app-….cleverapps.io), when known. */
  appHost?: string | undefined;
}): PayloadContext {
  const { ownerName, app, appHost } = about;
  return {
    ...(ownerName ? { ownerName } : {}),
    ...(app ? { appName: app.name, consoleUrl: `https://console.clever-cloud.com/goto/${app.id}` } : {}),
    ...(appHost ? { appUrl: `https://${appHost}` } : {}),
  };
}

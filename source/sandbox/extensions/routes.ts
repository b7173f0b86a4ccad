// The sandbox extension API (/sandbox/v1, docs/contract.md, "The sandbox extension API"): say that this is a sandbox, trigger
// deployments and events, read and follow the delivery log, follow the changes of hooks
// (docs/live-model.md), redeliver, and test a webhook. Same authentication as /v2.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ZodMiniType } from 'zod/mini';
import { TriggerDeploymentInput, TriggerEventInput } from '../../domain/deliveries.js';
import { categoryOf, EVENT_TYPES, isEventType } from '../../domain/events.js';
import type { HookStreamMessage } from '../../domain/hook-changes.js';
import { VERSION } from '../../domain/version.js';
import type { DeliveryJournal } from '../delivery/delivery-journal.js';
import type { Dispatcher } from '../delivery/dispatcher.js';
import type { DeploymentSimulator } from '../events/deployments.js';
import { buildEvent, type EventBus, type EventSubject } from '../events/event-bus.js';
import { HttpError, readJsonBody, sendJson } from '../http/respond.js';
import type { Router } from '../http/router.js';
import type { SandboxStore } from '../store/store.js';
import { eventDefaults } from './event-defaults.js';
import type { HookChangeLog } from './hook-change-log.js';

export const SSE_PING_MS = 15_000;
/** A stream reader this far behind (bytes queued) is cut off; it resumes from its last id. */
const SSE_MAX_BUFFERED = 8 * 1024 * 1024;

export interface ExtensionDeps {
  store: Pick<SandboxStore, 'findResource' | 'owner' | 'webhook'>;
  bus: EventBus;
  deployments: DeploymentSimulator;
  dispatcher: Dispatcher;
  journal: DeliveryJournal;
  hookLog: HookChangeLog;
}

function parse<T>(schema: ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const where = issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  throw new HttpError(400, `invalid body: ${where}${issue.message}`);
}

/** Which app, add-on or owner an event is about, checked against the sandbox's world. */
function subjectOf(
  deps: ExtensionDeps,
  type: string,
  input: { appId?: string; ownerId?: string },
): EventSubject {
  const category = categoryOf(type)?.id;
  if (input.appId) {
    const found = deps.store.findResource(input.appId);
    if (!found) throw new HttpError(404, `no application or add-on ${input.appId} in the sandbox`);
    if (input.ownerId && input.ownerId !== found.ownerId) {
      throw new HttpError(400, `${input.appId} belongs to ${found.ownerId}, not to ${input.ownerId}`);
    }
    if (category === 'addons') {
      if (found.kind !== 'addon')
        throw new HttpError(400, `${type} is about an add-on: ${input.appId} is an application`);
      return { ownerId: found.ownerId, addonId: found.resource.id };
    }
    if (category === 'applications' || category === 'deployments') {
      if (found.kind !== 'application') {
        throw new HttpError(400, `${type} is about an application: ${input.appId} is an add-on`);
      }
      return { ownerId: found.ownerId, appId: found.resource.id };
    }
    return { ownerId: found.ownerId };
  }
  if (!input.ownerId) throw new HttpError(400, 'give appId (an application or add-on) or ownerId');
  if (!deps.store.owner(input.ownerId)) throw new HttpError(404, `no owner ${input.ownerId} in the sandbox`);
  if (category === 'applications' || category === 'deployments') {
    throw new HttpError(400, `${type} is about an application: give appId`);
  }
  if (category === 'addons') throw new HttpError(400, `${type} is about an add-on: give its id as appId`);
  return { ownerId: input.ownerId };
}

/** Opens a server-sent event stream; `send` writes one message with its cursor as id. */
function openStream(res: ServerResponse): {
  send: (message: { cursor: string }) => void;
  onClose: (cleanup: () => void) => void;
} {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  const write = (text: string) => {
    if (res.writableLength > SSE_MAX_BUFFERED) res.destroy();
    else res.write(text);
  };
  res.write(': connected\n\n');
  const ping = setInterval(() => write(': ping\n\n'), SSE_PING_MS);
  return {
    send: (m) => write(`id: ${m.cursor}\ndata: ${JSON.stringify(m)}\n\n`),
    onClose: (cleanup) =>
      res.on('close', () => {
        clearInterval(ping);
        cleanup();
      }),
  };
}

function streamDeliveries(deps: ExtensionDeps, res: ServerResponse, since: string | undefined): void {
  const stream = openStream(res);
  // The backlog and the subscription are taken in the same tick: nothing falls between them.
  for (const delivery of deps.journal.after(since)) stream.send(delivery);
  stream.onClose(deps.journal.subscribe(stream.send));
}

/** From `since` (or from now): its changes, else a `reset` first when they cannot be told. */
function streamHooks(deps: ExtensionDeps, res: ServerResponse, since: string | undefined): void {
  const stream = openStream(res);
  const backlog = since === undefined ? [] : deps.hookLog.after(since);
  if (backlog === undefined) {
    const reset: HookStreamMessage = { type: 'reset', cursor: deps.hookLog.head };
    stream.send(reset);
  } else for (const change of backlog) stream.send(change);
  stream.onClose(deps.hookLog.subscribe(stream.send));
}

function lastEventId(req: IncomingMessage, query: URLSearchParams): string | undefined {
  const header = req.headers['last-event-id'];
  return (Array.isArray(header) ? header[0] : header) ?? query.get('since') ?? undefined;
}

export function addExtensionRoutes(router: Router, deps: ExtensionDeps): void {
  // Only a sandbox answers this: how clients tell one from Clever Cloud, whatever its host.
  router.get('/sandbox/v1/info', ({ res }) => {
    sendJson(res, 200, { sandbox: true, version: VERSION });
  });

  router.post('/sandbox/v1/deployments', async ({ req, res }) => {
    const input = parse(TriggerDeploymentInput, await readJsonBody(req));
    const found = deps.store.findResource(input.appId);
    if (found?.kind !== 'application') {
      throw new HttpError(404, `no application ${input.appId} in the sandbox`);
    }
    const started = await deps.deployments.start({
      appId: input.appId,
      ...(input.fail !== undefined ? { fail: input.fail } : {}),
      ...(input.durationMs !== undefined ? { durationMs: input.durationMs } : {}),
    });
    if (!started) throw new HttpError(404, `no application ${input.appId} in the sandbox`);
    sendJson(res, 202, started);
  });

  router.post('/sandbox/v1/events', async ({ req, res }) => {
    const input = parse(TriggerEventInput, await readJsonBody(req));
    if (!isEventType(input.event)) {
      throw new HttpError(400, `unknown event ${input.event}: expected one of ${EVENT_TYPES.join(', ')}`);
    }
    const subject = subjectOf(deps, input.event, input);
    const event = buildEvent(input.event, subject, { ...eventDefaults(input.event), ...input.data });
    deps.bus.emit(event);
    sendJson(res, 202, { eventId: event.id });
  });

  router.get('/sandbox/v1/deliveries', ({ res, query }) => {
    const limit = query.get('limit');
    if (limit !== null && !/^\d+$/.test(limit)) throw new HttpError(400, 'limit must be a whole number');
    const hook = query.get('hook');
    const since = query.get('since');
    // `limit=0`: no record, only where the log ends now (a stream from there shows only what follows).
    if (limit !== null && Number(limit) === 0) {
      sendJson(res, 200, {
        items: [],
        next: deps.journal.after(since ?? undefined).at(-1)?.cursor ?? since ?? '0',
      });
      return;
    }
    sendJson(
      res,
      200,
      deps.journal.list({
        ...(hook ? { hookId: hook } : {}),
        ...(since ? { since } : {}),
        ...(limit ? { limit: Number(limit) } : {}),
      }),
    );
  });

  router.get('/sandbox/v1/deliveries/stream', ({ req, res, query }) => {
    streamDeliveries(deps, res, lastEventId(req, query));
  });

  router.get('/sandbox/v1/hooks/stream', ({ req, res, query }) => {
    streamHooks(deps, res, lastEventId(req, query));
  });

  router.post('/sandbox/v1/deliveries/:deliveryId/redeliver', ({ res, params }) => {
    const redelivered = deps.dispatcher.redeliver(params.deliveryId!);
    if (!redelivered) {
      throw new HttpError(
        404,
        `no delivery ${params.deliveryId} in the log (it may be past retention), or its webhook was removed`,
      );
    }
    sendJson(res, 202, redelivered);
  });

  router.post('/sandbox/v1/webhooks/:ownerId/:hookId/test', async ({ res, params }) => {
    const results = await deps.dispatcher.test(params.ownerId!, params.hookId!);
    if (!results) throw new HttpError(404, `no webhook ${params.hookId} for ${params.ownerId}`);
    sendJson(res, 200, results);
  });
}

// The Notifications table of the contract: webhooks, e-mail hooks and the two info endpoints.
import { EVENT_TYPES, META_EVENTS } from '../../domain/events.js';
import { WEBHOOK_FORMATS } from '../../domain/schemas.js';
import { HttpError, readJsonBody, sendEmpty, sendJson } from '../http/respond.js';
import type { RouteContext, Router } from '../http/router.js';
import type { SandboxStore } from '../store/store.js';
import { parseEmailHookInput, parseWebhookInput } from '../validation.js';

const BASE = '/v2/notifications';

export function addNotificationRoutes(router: Router, store: SandboxStore): void {
  const ownerOf = ({ params }: RouteContext): string => {
    const ownerId = params.ownerId!;
    if (!store.owner(ownerId)) throw new HttpError(404, `owner ${ownerId} not found`);
    return ownerId;
  };

  router.get(`${BASE}/info/events`, ({ res }) => {
    sendJson(res, 200, { events: EVENT_TYPES, meta_events: META_EVENTS });
  });
  router.get(`${BASE}/info/webhookformats`, ({ res }) => {
    sendJson(res, 200, WEBHOOK_FORMATS);
  });

  // An owner without hooks answers [] (not 404): clever-tools turns a 404 here into an error.
  router.get(`${BASE}/webhooks/:ownerId`, (context) => {
    sendJson(context.res, 200, store.webhooks(ownerOf(context)));
  });
  router.post(`${BASE}/webhooks/:ownerId`, async (context) => {
    const ownerId = ownerOf(context);
    const input = parseWebhookInput(await readJsonBody(context.req), ownerId, store);
    sendJson(context.res, 200, await store.createWebhook(ownerId, input));
  });
  router.put(`${BASE}/webhooks/:ownerId/:id`, async (context) => {
    const ownerId = ownerOf(context);
    const id = context.params.id!;
    if (!store.webhook(ownerId, id)) throw hookNotFound('webhook', id, ownerId);
    const input = parseWebhookInput(await readJsonBody(context.req), ownerId, store);
    const hook = await store.updateWebhook(ownerId, id, input);
    if (!hook) throw hookNotFound('webhook', id, ownerId);
    sendJson(context.res, 200, hook);
  });
  router.delete(`${BASE}/webhooks/:ownerId/:id`, async (context) => {
    const ownerId = ownerOf(context);
    const id = context.params.id!;
    if (!(await store.removeWebhook(ownerId, id))) throw hookNotFound('webhook', id, ownerId);
    sendEmpty(context.res);
  });

  router.get(`${BASE}/emailhooks/:ownerId`, (context) => {
    sendJson(context.res, 200, store.emailHooks(ownerOf(context)));
  });
  router.post(`${BASE}/emailhooks/:ownerId`, async (context) => {
    const ownerId = ownerOf(context);
    const input = parseEmailHookInput(await readJsonBody(context.req), ownerId, store);
    sendJson(context.res, 200, await store.createEmailHook(ownerId, input));
  });
  router.put(`${BASE}/emailhooks/:ownerId/:id`, async (context) => {
    const ownerId = ownerOf(context);
    const id = context.params.id!;
    if (!store.emailHook(ownerId, id)) throw hookNotFound('e-mail hook', id, ownerId);
    const input = parseEmailHookInput(await readJsonBody(context.req), ownerId, store);
    const hook = await store.updateEmailHook(ownerId, id, input);
    if (!hook) throw hookNotFound('e-mail hook', id, ownerId);
    sendJson(context.res, 200, hook);
  });
  router.delete(`${BASE}/emailhooks/:ownerId/:id`, async (context) => {
    const ownerId = ownerOf(context);
    const id = context.params.id!;
    if (!(await store.removeEmailHook(ownerId, id))) throw hookNotFound('e-mail hook', id, ownerId);
    sendEmpty(context.res);
  });
}

function hookNotFound(kind: string, id: string, ownerId: string): HttpError {
  return new HttpError(404, `${kind} ${id} not found for owner ${ownerId}`);
}

// What a live view shows before it goes live: the deployments in progress (always), and with a
// `since` time (`tail --since`) the deployments and, on the sandbox, the webhook deliveries since then,
// marked as replayed. Events other than deployments have no history in the API: they are not replayed.
import { type Delivery, DeliveryPage } from '../../domain/deliveries.js';
import type { ActivityAction } from '../../domain/live-activity.js';
import type { CompiledLiveFilter } from '../../domain/live-filter.js';
import type { Deployment } from '../../domain/schemas.js';
import { USER_AGENT } from '../../domain/version.js';
import { type HttpAgent, httpRequest } from '../http-request.js';
import type { CleverApi } from '../types.js';
import type { LiveOwner } from './live-model.js';

export interface ReplayOptions {
  api: CleverApi;
  owners: readonly LiveOwner[];
  filter?: CompiledLiveFilter | undefined;
  watchedApps?: readonly string[] | undefined;
  /** Set on the sandbox: where to read the delivery log. */
  sandbox?: { apiHost: string; authorization: () => string; agent: HttpAgent } | undefined;
  /** Epoch ms: replay from then; absent: only the deployments in progress. */
  since?: number | undefined;
  /** When the view started: what is older is history. */
  now: number;
}

export interface Replay {
  actions: ActivityAction[];
  /** Where the delivery stream goes on from (the end of what was replayed). */
  deliveryCursor?: string | undefined;
}

/** Apps asked at start: an account with more shows what the socket says, not older news. */
const MAX_APPS = 40;
const CONCURRENCY = 8;
const DEPLOYMENT_EVENTS = [
  'DEPLOYMENT_ACTION_BEGIN',
  'DEPLOYMENT_ACTION_END',
  'DEPLOYMENT_SUCCESS',
  'DEPLOYMENT_FAIL',
];
const PAGE = 500;

export async function replayHistory(options: ReplayOptions): Promise<Replay> {
  const [deployments, deliveries] = await Promise.all([
    deploymentActions(options),
    options.sandbox && options.since !== undefined
      ? deliveriesSince(options.sandbox, options.since, options.filter)
      : undefined,
  ]);
  return {
    actions: [...deployments, ...(deliveries?.actions ?? [])],
    ...(deliveries ? { deliveryCursor: deliveries.cursor } : {}),
  };
}

async function deploymentActions(options: ReplayOptions): Promise<ActivityAction[]> {
  const { filter } = options;
  const apps: { ownerId: string; appId: string }[] = [];
  for (const owner of options.owners) {
    for (const app of owner.apps) {
      if (options.watchedApps && options.watchedApps.length > 0 && !options.watchedApps.includes(app.id))
        continue;
      const shown =
        !filter ||
        DEPLOYMENT_EVENTS.some((type) => filter.matches({ type, ownerId: owner.id, appId: app.id }));
      if (shown) apps.push({ ownerId: owner.id, appId: app.id });
    }
  }
  const replaying = options.since !== undefined;
  const actions: ActivityAction[] = [];
  await eachLimited(apps.slice(0, MAX_APPS), CONCURRENCY, async ({ ownerId, appId }) => {
    let list: Deployment[];
    try {
      list = await options.api.deployments(ownerId, appId, { limit: replaying ? 10 : 1 });
    } catch {
      return;
    }
    const inProgress = list.filter((d) => d.state === 'WIP' || d.state === 'TASK_RUNNING');
    if (inProgress.length > 0) {
      actions.push({ type: 'deployments', ownerId, appId, deployments: inProgress, since: 0 });
    }
    if (!replaying) return;
    const past = list.filter(
      (d) => !inProgress.includes(d) && d.date >= options.since! && d.date < options.now,
    );
    if (past.length > 0) {
      actions.push({ type: 'deployments', ownerId, appId, deployments: past, since: 0, replay: true });
    }
  });
  return actions;
}

/** The delivery log from `since` (time), read page by page from its start, and where it ends. */
async function deliveriesSince(
  sandbox: NonNullable<ReplayOptions['sandbox']>,
  since: number,
  filter: CompiledLiveFilter | undefined,
): Promise<{ actions: ActivityAction[]; cursor: string }> {
  const actions: ActivityAction[] = [];
  let cursor: string | undefined;
  for (;;) {
    const url = new URL('/sandbox/v1/deliveries', sandbox.apiHost);
    url.searchParams.set('limit', String(PAGE));
    if (cursor !== undefined) url.searchParams.set('since', cursor);
    const response = await httpRequest(url, {
      method: 'GET',
      headers: {
        accept: 'application/json',
        authorization: sandbox.authorization(),
        'user-agent': USER_AGENT,
      },
      agent: sandbox.agent,
    });
    if (response.statusCode !== 200) throw new Error(`the delivery log answered ${response.statusCode}`);
    const page = DeliveryPage.parse(JSON.parse(response.text));
    for (const delivery of page.items)
      if (shown(delivery, since, filter)) actions.push({ type: 'delivery', delivery, replay: true });
    if (page.items.length < PAGE || page.next === cursor) return { actions, cursor: page.next };
    cursor = page.next;
  }
}

function shown(delivery: Delivery, since: number, filter: CompiledLiveFilter | undefined): boolean {
  if (delivery.at < since) return false;
  return !filter || filter.matchesIgnoringApp({ type: delivery.eventType, ownerId: delivery.ownerId });
}

async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  run: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

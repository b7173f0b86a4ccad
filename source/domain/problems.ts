// What is wrong, across owners (the TUI's Problems view and the owners' problem counts): a webhook that
// is DISABLED or whose delivery failed in the last 24 hours, and an app whose last deployment failed.
// Newest first. Pure: the time is given.
import { failureCause, latestFailure } from './hook-labels.js';
import { timestampToDate, type Webhook } from './schemas.js';

/** A failed delivery older than this is history, not a problem (a DISABLED hook stays one). */
export const PROBLEM_WINDOW_MS = 24 * 60 * 60 * 1000;

/** The newest deployment of an app that the client knows of. */
export interface LastDeployment {
  readonly uuid: string;
  /** WIP, OK, FAIL, CANCELLED… */
  readonly state: string;
  /** Epoch ms of the latest news of it (its END when seen, else its start). */
  readonly at: number;
}

export type Problem =
  | {
      readonly kind: 'hook';
      /** `hook:ID`: unique across owners. */
      readonly key: string;
      readonly ownerId: string;
      readonly hookId: string;
      readonly name: string;
      readonly disabled: boolean;
      /** Epoch ms of its latest failure; for a DISABLED hook with none, of its creation. */
      readonly at: number;
      readonly what: string;
    }
  | {
      readonly kind: 'app';
      readonly key: string;
      readonly ownerId: string;
      readonly appId: string;
      readonly name: string;
      readonly at: number;
      readonly what: string;
    };

function time(value: Webhook['createdAt'] | undefined): number | undefined {
  if (value === undefined) return undefined;
  const ms = timestampToDate(value).getTime();
  return Number.isNaN(ms) ? undefined : ms;
}

/** The webhook's problem, if it has one now. */
export function webhookProblem(hook: Webhook, now: number): Problem | undefined {
  const last = latestFailure(hook.failures);
  const failedAt = last ? time(last.createdAt) : undefined;
  const disabled = hook.state === 'DISABLED';
  const recent = failedAt !== undefined && now - failedAt <= PROBLEM_WINDOW_MS;
  if (!disabled && !recent) return undefined;
  const cause = last ? failureCause(last) : undefined;
  const what = disabled ? (cause ? `disabled after ${cause}` : 'disabled') : `delivery failed: ${cause}`;
  return {
    kind: 'hook',
    key: `hook:${hook.id}`,
    ownerId: hook.ownerId,
    hookId: hook.id,
    name: hook.name || hook.id,
    disabled,
    at: failedAt ?? time(hook.createdAt) ?? 0,
    what,
  };
}

/** The app's problem: its last deployment failed (a newer one in progress or done clears it). */
export function deploymentProblem(
  ownerId: string,
  app: { id: string; name: string },
  last: LastDeployment | null | undefined,
): Problem | undefined {
  if (last?.state !== 'FAIL') return undefined;
  return {
    kind: 'app',
    key: `app:${app.id}`,
    ownerId,
    appId: app.id,
    name: app.name,
    at: last.at,
    what: 'deployment failed',
  };
}

/** Newest first; equal times by name, so that the order does not move between two renders. */
export function byRecency(a: Problem, b: Problem): number {
  return b.at - a.at || a.name.localeCompare(b.name) || a.key.localeCompare(b.key);
}

/**
 * What one deployment's news does to the app's last deployment: news of the same deployment updates
 * it (a result never goes back to WIP), a newer deployment replaces it, an older one changes nothing.
 */
export function nextLastDeployment(
  current: LastDeployment | null | undefined,
  news: LastDeployment,
): LastDeployment {
  if (!current) return news;
  if (current.uuid === news.uuid) {
    const settled = current.state !== 'WIP' && news.state === 'WIP';
    const state = settled ? current.state : news.state;
    const at = Math.max(current.at, news.at);
    return state === current.state && at === current.at ? current : { uuid: current.uuid, state, at };
  }
  return news.at >= current.at ? news : current;
}

/** Problems per owner id, for the owners list. */
export function problemCounts(problems: readonly Problem[]): ReadonlyMap<string, number> {
  const counts = new Map<string, number>();
  for (const p of problems) counts.set(p.ownerId, (counts.get(p.ownerId) ?? 0) + 1);
  return counts;
}

/** The state a deployment event tells (the END carries it; the others imply it), or undefined. */
export function deploymentStateOfEvent(event: string, state: string | undefined): string | undefined {
  if (event === 'DEPLOYMENT_ACTION_BEGIN') return state ?? 'WIP';
  if (event === 'DEPLOYMENT_SUCCESS') return 'OK';
  if (event === 'DEPLOYMENT_FAIL') return 'FAIL';
  if (event === 'DEPLOYMENT_ACTION_END') return state;
  return undefined;
}

// Plan and apply through the API client: one /v2/summary (owners, app and add-on names), the hook
// lists of the kinds the file manages, then one write per step, in order, stopping at the first
// refusal with what was already done.

import { LIST_CONCURRENCY, mapLimit } from '../api/map-limit.js';
import type { CleverApi } from '../api/types.js';
import { UserError } from '../domain/errors.js';
import type { EventCatalogue } from '../domain/events.js';
import { safeText } from '../domain/terminal-text.js';
import { accountOf } from './account.js';
import type { NotificationsFile } from './file-schema.js';
import {
  type CurrentOwner,
  type OwnerPlan,
  planChanges,
  type Step,
  stepCount,
  withRequesterNamed,
} from './plan.js';
import { ownerTitle, stepTitle } from './plan-text.js';
import { desiredState, unknownEvents } from './to-api.js';

export async function planFile(
  api: CleverApi,
  file: NotificationsFile,
  { prune }: { prune: boolean },
): Promise<OwnerPlan[]> {
  const account = accountOf(await api.summary());
  // The catalogue is asked for only when the built-in one does not know an event of the file.
  const catalogue: EventCatalogue | undefined =
    unknownEvents(file).length > 0 ? await api.eventCatalogue() : undefined;
  const desired = desiredState(file, account, catalogue);
  const lists = await mapLimit(desired, LIST_CONCURRENCY, async (d): Promise<CurrentOwner> => {
    const [webhooks, emailHooks] = await Promise.all([
      d.webhooks ? api.listWebhooks(d.owner.id) : undefined,
      d.emailHooks ? api.listEmailHooks(d.owner.id) : undefined,
    ]);
    return {
      ...(webhooks ? { webhooks } : {}),
      ...(emailHooks ? { emailHooks: withRequesterNamed(emailHooks, account.selfId) } : {}),
    };
  });
  return planChanges(desired, new Map(desired.map((d, i) => [d.owner.id, lists[i]!])), { prune });
}

export interface StepDone {
  index: number;
  total: number;
  plan: OwnerPlan;
  step: Step;
  /** The hook's id: the new one for an add. */
  hookId: string;
}

async function run(api: CleverApi, ownerId: string, step: Step): Promise<string> {
  switch (step.action) {
    case 'add':
      return step.kind === 'webhook'
        ? (await api.addWebhook(ownerId, step.input)).id
        : (await api.addEmailHook(ownerId, step.input)).id;
    case 'change':
      return step.kind === 'webhook'
        ? (await api.editWebhook(ownerId, step.hookId, step.input)).id
        : (await api.editEmailHook(ownerId, step.hookId, step.input)).id;
    case 'remove':
      if (step.kind === 'webhook') await api.removeWebhook(ownerId, step.hookId);
      else await api.removeEmailHook(ownerId, step.hookId);
      return step.hookId;
  }
}

/** What a finished step did, as its progress line says it. */
export function doneText(done: StepDone): string {
  const verb = { add: 'added', change: 'changed', remove: 'removed' }[done.step.action];
  const title = stepTitle(done.step);
  const id = done.step.action === 'add' ? ` (${safeText(done.hookId)})` : '';
  // The owner by name only: the plan above gave its id, and a progress line should fit a terminal.
  return `[${done.index}/${done.total}] ${safeText(done.plan.owner.name)}: ${verb} ${title}${id}`;
}

const ORDER: Record<Step['action'], number> = { add: 0, change: 1, remove: 2 };

/**
 * The steps of every plan, one request each, in order: every add, then every change, then every
 * removal (a stop halfway leaves more hooks rather than fewer); `onStep` hears of each one done.
 */
export async function applyPlans(
  api: CleverApi,
  plans: readonly OwnerPlan[],
  onStep: (done: StepDone) => void,
): Promise<StepDone[]> {
  const total = stepCount(plans);
  const queue = plans
    .flatMap((plan) => plan.steps.map((step) => ({ plan, step })))
    .sort((x, y) => ORDER[x.step.action] - ORDER[y.step.action]);
  const done: StepDone[] = [];
  for (const { plan, step } of queue) {
    let hookId: string;
    try {
      hookId = await run(api, plan.owner.id, step);
    } catch (error) {
      throw new ApplyStopped(done, total, plan, step, error);
    }
    const finished: StepDone = { index: done.length + 1, total, plan, step, hookId };
    done.push(finished);
    onStep(finished);
  }
  return done;
}

/** The first refused request: nothing after it was sent; `done` says what was. */
export class ApplyStopped extends UserError {
  constructor(
    readonly done: readonly StepDone[],
    total: number,
    plan: OwnerPlan,
    step: Step,
    cause: unknown,
  ) {
    const reason = safeText(cause instanceof Error ? cause.message : String(cause));
    const already =
      done.length === 0
        ? 'nothing was changed'
        : `${done.length} of ${total} steps already done (listed above)`;
    super(
      `stopped at step ${done.length + 1} of ${total}, ${step.action} ${stepTitle(step)} of ${ownerTitle(plan)}: ${reason}; ${already}, and nothing after it was sent`,
    );
  }
}

// The problems across owners (source/domain/problems.ts), derived once from the remote slice: each
// owner's list is looked at again only when it changed (or the clock moved), and the whole list is
// sorted again only when one of them did.
import {
  byRecency,
  deploymentProblem,
  type Problem,
  problemCounts,
  webhookProblem,
} from '../../domain/problems.js';
import { clampCursor } from '../table/window.js';
import type { AppState, OwnerEntry, OwnerHooks } from './model.js';

type Hooks = OwnerHooks['webhooks']['data'];

const hookProblemsCache = new WeakMap<object, { now: number; problems: Problem[] }>();

function hookProblems(hooks: Hooks, now: number): Problem[] {
  if (!hooks) return [];
  const cached = hookProblemsCache.get(hooks);
  if (cached?.now === now) return cached.problems;
  const problems: Problem[] = [];
  for (const hook of hooks) {
    if (hook.kind !== 'webhook') continue;
    const problem = webhookProblem(hook, now);
    if (problem) problems.push(problem);
  }
  hookProblemsCache.set(hooks, { now, problems });
  return problems;
}

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  return a.every((p, i) => {
    const q = b[i]!;
    return p === q || (p.key === q.key && p.at === q.at && p.what === q.what && p.name === q.name);
  });
}

interface Inputs {
  owners: readonly OwnerEntry[] | undefined;
  hooks: AppState['remote']['hooks'];
  deployments: AppState['remote']['lastDeployments'];
  now: number;
}

let last: { inputs: Inputs; parts: Problem[][]; result: Problem[] } | undefined;

/** Every problem of every owner, newest first. */
export function allProblems(state: AppState): Problem[] {
  const inputs: Inputs = {
    owners: state.remote.owners.data,
    hooks: state.remote.hooks,
    deployments: state.remote.lastDeployments,
    now: state.problems.now,
  };
  if (
    last &&
    last.inputs.owners === inputs.owners &&
    last.inputs.hooks === inputs.hooks &&
    last.inputs.deployments === inputs.deployments &&
    last.inputs.now === inputs.now
  )
    return last.result;
  const parts: Problem[][] = [];
  for (const owner of inputs.owners ?? []) {
    parts.push(hookProblems(inputs.hooks[owner.id]?.webhooks.data, inputs.now));
    const apps: Problem[] = [];
    for (const app of owner.apps) {
      const problem = deploymentProblem(owner.id, app, inputs.deployments.get(app.id));
      if (problem) apps.push(problem);
    }
    parts.push(apps);
  }
  // The same problems as last time (the clock moved, nothing else): the same sorted list (the same
  // object), so that nothing renders again.
  const same =
    last !== undefined &&
    last.parts.length === parts.length &&
    parts.every((p, i) => sameProblems(p, last!.parts[i]!));
  const result = same ? last!.result : parts.flat().sort(byRecency);
  last = { inputs, parts, result };
  return result;
}

let lastCounts: { problems: Problem[]; counts: ReadonlyMap<string, number> } | undefined;

/** How many problems each owner has, by owner id. */
export function ownerProblemCounts(state: AppState): ReadonlyMap<string, number> {
  const problems = allProblems(state);
  if (lastCounts?.problems !== problems) lastCounts = { problems, counts: problemCounts(problems) };
  return lastCounts.counts;
}

/** The row of the cursor: the selected problem while it is listed, else the one at its last place. */
export function problemsCursor(state: AppState): number {
  const problems = allProblems(state);
  const { selectedKey, index } = state.problems;
  const at = selectedKey === undefined ? -1 : problems.findIndex((p) => p.key === selectedKey);
  return at >= 0 ? at : clampCursor(index, problems.length);
}

export function selectedProblem(state: AppState): Problem | undefined {
  return allProblems(state)[problemsCursor(state)];
}

let lastUnlisted: { owners: unknown; hooks: unknown; names: string[] } = { owners: {}, hooks: {}, names: [] };

/** Owners whose webhooks could not be listed: their problems are unknown, and the view says so. */
export function unlistedOwners(state: AppState): string[] {
  const owners = state.remote.owners.data;
  const { hooks } = state.remote;
  if (lastUnlisted.owners === owners && lastUnlisted.hooks === hooks) return lastUnlisted.names;
  const names = (owners ?? []).filter((o) => hooks[o.id]?.webhooks.status === 'failed').map((o) => o.name);
  // The same names: the same array, so that the view does not render again.
  const same = names.join('\n') === lastUnlisted.names.join('\n');
  lastUnlisted = { owners, hooks, names: same ? lastUnlisted.names : names };
  return lastUnlisted.names;
}

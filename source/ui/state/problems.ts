// The Problems view's slice: opening it, moving in it (by the problem's key, so that a live change
// never moves the cursor to another row), and Enter, which goes to the webhook or the app in its owner.
import type { Problem } from '../../domain/problems.js';
import { commandFor } from '../keys/key-map.js';
import { problemsKeys } from '../problems/problems-keys.js';
import { clampCursor } from '../table/window.js';
import { emptyList } from './lists.js';
import type { AppState, ProblemsState } from './model.js';
import { allProblems, problemsCursor, selectedProblem } from './problem-selectors.js';
import { visibleOwners } from './selectors.js';

export function initialProblems(now: number): ProblemsState {
  return { index: 0, now };
}

export function openProblems(state: AppState): AppState {
  return anchorProblems({ ...state, overlay: { type: 'problems' } });
}

/**
 * Run after every action: while the view is open, the cursor holds its row by key, so that a problem
 * that appears above it (a live change, the first loads) does not move it.
 */
export function anchorProblems(state: AppState): AppState {
  if (state.overlay.type !== 'problems' || state.problems.selectedKey !== undefined) return state;
  const key = selectedProblem(state)?.key;
  return key ? { ...state, problems: { ...state.problems, selectedKey: key } } : state;
}

function moveTo(state: AppState, index: number): AppState {
  const problems = allProblems(state);
  const at = clampCursor(index, problems.length);
  const key = problems[at]?.key;
  if (key === state.problems.selectedKey && at === state.problems.index) return state;
  return { ...state, problems: { ...state.problems, index: at, ...(key ? { selectedKey: key } : {}) } };
}

/** The lists put on the problem: its owner, then the webhook in the Webhooks tab, or the app. */
export function jumpTo(state: AppState, problem: Problem): AppState {
  const listed = visibleOwners(state).some((o) => o.id === problem.ownerId);
  // A filter that hides the owner is cleared; the selection follows the ids (see keepSelection).
  const owners = listed
    ? { ...state.lists.owners, selectedId: problem.ownerId }
    : { ...emptyList, selectedId: problem.ownerId };
  const lists =
    problem.kind === 'hook'
      ? {
          ...state.lists,
          owners,
          apps: emptyList,
          hooks: { ...emptyList, pendingId: problem.hookId },
          tab: 'webhooks' as const,
          focus: 'hooks' as const,
        }
      : {
          ...state.lists,
          owners,
          apps: { ...emptyList, pendingId: problem.appId },
          hooks: emptyList,
          focus: 'apps' as const,
        };
  return { ...state, overlay: { type: 'none' }, lists };
}

/** A key of the view; undefined when the view leaves it to the global keys. */
export function problemsKey(state: AppState, name: string, pageSize: number): AppState | undefined {
  const command = commandFor(problemsKeys, name);
  if (!command) return undefined;
  const cursor = problemsCursor(state);
  const page = Math.max(1, pageSize);
  switch (command) {
    case 'nav.up':
      return moveTo(state, cursor - 1);
    case 'nav.down':
      return moveTo(state, cursor + 1);
    case 'nav.pageUp':
      return moveTo(state, cursor - page);
    case 'nav.pageDown':
      return moveTo(state, cursor + page);
    case 'nav.top':
      return moveTo(state, 0);
    case 'nav.bottom':
      return moveTo(state, Number.MAX_SAFE_INTEGER);
    case 'problems.close':
      return { ...state, overlay: { type: 'none' } };
    case 'problems.jump': {
      const problem = selectedProblem(state);
      return problem ? jumpTo(state, problem) : state;
    }
  }
}

// The wizard as a pure reducer: each step validates what was typed, Esc steps back and keeps it,
// an API error on create keeps every answer. The container runs the request on each new `submitSerial`.
import { useReducer } from 'react';
import { discordUrlForFormat } from '../../domain/discord-url.js';
import { coveringGroup } from '../../domain/events.js';
import { isSlackLikeUrl } from '../../domain/masking.js';
import type { EmailHook, Webhook } from '../../domain/schemas.js';
import { editLine, lineOf } from '../text-field/line-edit.js';
import { isPersonalSpace, type MembersLoad } from './recipients.js';
import { focusedLine, isTextStep, keyAction } from './wizard-keys.js';
import { ALL_EVENTS, FORMAT_CHOICES, isEmailAddress, PRESETS, urlProblem } from './wizard-model.js';
import {
  addressList,
  initialWizardState,
  recipientRowsOf,
  visibleScopeChoices,
  type WizardAction,
  type WizardContext,
  type WizardState,
  type WizardStep,
} from './wizard-state.js';

function scopeFilterKey(state: WizardState, action: WizardAction): WizardState {
  switch (action.type) {
    case 'text':
    case 'toggle':
    case 'edit': {
      // The one line editor, at the end of the filter.
      const keys =
        action.type === 'edit' ? [action.key] : action.type === 'toggle' ? [' '] : [...action.text];
      let line = lineOf(state.scopeFilter);
      for (const key of keys) line = editLine(line, key) ?? line;
      return { ...state, scopeFilter: line.value, scopeCursor: 0 };
    }
    case 'back':
      return { ...state, scopeFilter: '', scopeFiltering: false, scopeCursor: 0 };
    case 'next':
    case 'up':
    case 'down':
      return { ...state, scopeFiltering: false };
    default:
      return state;
  }
}

function move(cursor: number, delta: number, count: number): number {
  if (count === 0) return 0;
  return Math.max(0, Math.min(count - 1, cursor + delta));
}

function goTo(state: WizardState, step: WizardStep): WizardState {
  const formatCursor = Math.max(
    0,
    FORMAT_CHOICES.findIndex((c) => c.format === state.format),
  );
  // The members are loaded when the recipients step opens; opening it again retries a failure.
  const members: MembersLoad =
    step === 'recipients' && (state.members.status === 'idle' || state.members.status === 'failed')
      ? { status: 'loading' }
      : state.members;
  return {
    ...withRecipientCursor({ ...state, members }),
    step,
    formatCursor,
    problem: undefined,
    note: step === state.step ? state.note : undefined,
    textCursor: undefined,
    textSelected: false,
  };
}

function stepBy(state: WizardState, delta: 1 | -1): WizardState {
  const index = state.steps.indexOf(state.step) + delta;
  if (index < 0) return { ...state, cancelled: true };
  return goTo(state, state.steps[Math.min(index, state.steps.length - 1)]!);
}

function accept(state: WizardState): WizardState {
  switch (state.step) {
    case 'preset': {
      const preset = PRESETS[state.presetCursor]!;
      const name = state.name || (preset.id === 'scratch' ? '' : preset.label);
      const filled: WizardState = {
        ...state,
        name,
        format: preset.format ?? state.format,
        formatTouched: preset.format !== undefined,
        events: preset.events ?? state.events,
        allEvents: false,
      };
      return { ...stepBy(filled, 1), textSelected: name !== '' && state.name === '' };
    }
    case 'name':
      if (state.name.trim() === '')
        return { ...state, problem: 'A hook needs a name, so that you can find it later.' };
      return stepBy({ ...state, name: state.name.trim() }, 1);
    case 'url': {
      const problem = urlProblem(state.url);
      if (problem) return { ...state, problem };
      const typed = state.url.trim();
      const kind = isSlackLikeUrl(typed);
      const proposed = kind && !state.formatTouched ? { format: 'slack' as const } : {};
      // Discord takes Slack messages only at its URL ending in /slack: the suffix follows the format.
      const url = discordUrlForFormat(typed, proposed.format ?? state.format);
      const note =
        kind === 'slack'
          ? 'This is a Slack URL: the slack format is proposed.'
          : kind === 'discord'
            ? discordNote(typed, url)
            : undefined;
      const next = stepBy({ ...state, ...proposed, url }, 1);
      return { ...next, note };
    }
    case 'format': {
      const format = FORMAT_CHOICES[state.formatCursor]!.format;
      const url = discordUrlForFormat(state.url, format);
      const next = stepBy({ ...state, format, formatTouched: true, url }, 1);
      return url === state.url ? next : { ...next, note: discordNote(state.url, url) };
    }
    case 'recipients': {
      const addresses = addressList(state.addresses);
      const bad = addresses.filter((a) => !isEmailAddress(a));
      if (bad.length > 0) return { ...state, problem: `Not an e-mail address: ${bad.join(', ')}` };
      if (
        !state.wholeTeam &&
        state.userIds.length === 0 &&
        addresses.length === 0 &&
        state.otherTargets.length === 0
      ) {
        const people = isPersonalSpace(state.context.ownerId) ? 'you' : 'members';
        return {
          ...state,
          problem: `Choose who gets the e-mails: the whole team, ${people}, or some addresses.`,
        };
      }
      return stepBy(state, 1);
    }
    case 'events':
      if (!state.allEvents && state.events.length === 0) {
        return { ...state, problem: 'Choose at least one event (Space toggles), or "all events".' };
      }
      return stepBy(state, 1);
    case 'scope': {
      const choice = visibleScopeChoices(state)[state.scopeCursor];
      if (state.scopeMode === 'chosen' || choice?.kind === 'resource') {
        if (state.scope.length === 0) {
          return { ...state, problem: 'Choose at least one app or add-on with Space, or pick "All apps".' };
        }
        return stepBy({ ...state, scopeMode: 'chosen' }, 1);
      }
      return stepBy({ ...state, scopeMode: choice?.kind === 'app' ? 'app' : 'all' }, 1);
    }
    case 'review':
      return {
        ...state,
        submitting: true,
        submitSerial: state.submitSerial + 1,
        submitError: undefined,
        problem: undefined,
      };
  }
}

/** Applies each key to the focused field in turn (a paste is a burst of characters). */
function editText(state: WizardState, keys: readonly string[]): WizardState {
  let line = focusedLine(state);
  for (const key of keys) line = editLine(line, key) ?? line;
  const edited = { ...state, problem: undefined, textCursor: line.cursor, textSelected: line.selected };
  if (state.step === 'name') return { ...edited, name: line.value };
  if (state.step === 'url') return { ...edited, url: line.value };
  return { ...edited, addresses: line.value };
}

function discordNote(before: string, after: string): string | undefined {
  if (after === before) {
    return after.endsWith('/slack')
      ? 'Discord takes Slack messages at this …/slack URL: the slack format is proposed.'
      : undefined;
  }
  return after.endsWith('/slack')
    ? 'Discord takes Slack messages at …/slack: it was added to the URL (Esc to change it).'
    : 'Discord takes other formats without …/slack: it was removed from the URL (Esc to change it).';
}

function toggleIn(list: readonly string[], item: string): string[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

function toggle(state: WizardState): WizardState {
  const cleared = { ...state, problem: undefined };
  if (state.step === 'events') {
    const choice = state.eventChoices[state.eventCursor];
    if (!choice) return state;
    if (choice.name === ALL_EVENTS) return { ...cleared, allEvents: !state.allEvents, events: [] };
    const group = coveringGroup(choice.name, state.events, state.context.catalogue);
    if (group) {
      return { ...state, problem: `${choice.name} is already covered by ${group}; untick the group first.` };
    }
    return { ...cleared, allEvents: false, events: toggleIn(state.events, choice.name) };
  }
  if (state.step === 'scope') {
    const choice = visibleScopeChoices(state)[state.scopeCursor];
    if (!choice) return state;
    if (choice.kind === 'resource') {
      return { ...cleared, scopeMode: 'chosen', scope: toggleIn(state.scope, choice.resource.id) };
    }
    return { ...cleared, scopeMode: choice.kind, scope: [] };
  }
  if (state.step === 'recipients') {
    const row = recipientRowsOf(state)[state.recipientCursor];
    if (row?.kind === 'team') return { ...cleared, wholeTeam: !state.wholeTeam };
    if (row?.kind === 'person') return { ...cleared, userIds: toggleIn(state.userIds, row.person.id) };
  }
  return state;
}

function moveCursor(state: WizardState, delta: number): WizardState {
  switch (state.step) {
    case 'preset':
      return { ...state, presetCursor: move(state.presetCursor, delta, PRESETS.length) };
    case 'format':
      return { ...state, formatCursor: move(state.formatCursor, delta, FORMAT_CHOICES.length) };
    case 'events':
      return { ...state, eventCursor: move(state.eventCursor, delta, state.eventChoices.length) };
    case 'scope':
      return { ...state, scopeCursor: move(state.scopeCursor, delta, visibleScopeChoices(state).length) };
    case 'recipients':
      return {
        ...state,
        recipientCursor: move(state.recipientCursor, delta, recipientRowsOf(state).length),
        textCursor: undefined,
      };
    default:
      return state;
  }
}

/** Keeps the cursor on a line that exists: the people below the text field come and go. */
function withRecipientCursor(state: WizardState): WizardState {
  const last = recipientRowsOf(state).length - 1;
  return state.recipientCursor > last ? { ...state, recipientCursor: last } : state;
}

export function wizardReducer(state: WizardState, action: WizardAction): WizardState {
  if (action.type === 'membersLoaded' || action.type === 'membersFailed') {
    // A late answer for a step the user has left is kept all the same: the next visit shows it.
    const members: MembersLoad =
      action.type === 'membersLoaded'
        ? { status: 'ready', members: action.members }
        : { status: 'failed', error: action.message };
    return withRecipientCursor({ ...state, members });
  }
  if (action.type === 'key') {
    const resolved = keyAction(state, action.name, action.pageSize);
    return resolved ? wizardReducer(state, resolved) : state;
  }
  if (state.submitting && action.type !== 'submitFailed') return state;
  if (state.step === 'scope' && state.scopeFiltering) return scopeFilterKey(state, action);

  switch (action.type) {
    case 'text': {
      if (isTextStep(state)) return editText(state, [...action.text.replace(/[\r\n]/g, '')]);
      // In lists, the keys are the step's key map's (j k Space /).
      return state;
    }
    case 'filter':
      return state.step === 'scope' ? { ...state, scopeFiltering: true } : state;

    case 'edit':
      return isTextStep(state) ? editText(state, [action.key]) : state;
    case 'up':
      return moveCursor(state, -1);
    case 'down':
      return moveCursor(state, 1);
    case 'move':
      return moveCursor(state, action.delta);
    case 'toggle':
      return isTextStep(state) ? editText(state, [' ']) : toggle(state);
    case 'next':
      return accept(state);
    case 'back':
      if (state.step === 'scope' && state.scopeFilter) return { ...state, scopeFilter: '', scopeCursor: 0 };
      return stepBy({ ...state, submitError: undefined }, -1);
    case 'submitFailed':
      return { ...state, submitting: false, submitError: action.message };
  }
}

export function useWizardState(context: WizardContext, hook?: Webhook | EmailHook) {
  return useReducer(wizardReducer, undefined, () => initialWizardState(context, hook));
}

// The wizard as a pure reducer: each step validates what was typed, Esc steps back and keeps it,
// an API error on create keeps every answer. The container runs the request on each new `submitSerial`.
import { useReducer } from 'react';
import { coveringGroup } from '../../domain/events.js';
import type { EmailHook, Webhook } from '../../domain/schemas.js';
import { editLine, lineOf } from '../text-field/line-edit.js';
import type { MembersLoad } from './recipients.js';
import { accept } from './wizard-accept.js';
import { focusedLine, isTextStep, keyAction } from './wizard-keys.js';
import { ALL_EVENTS, FORMAT_CHOICES, PRESETS } from './wizard-model.js';
import { answerDiscard, goTo, leave, stepBy, withRecipientCursor } from './wizard-navigation.js';
import {
  initialWizardState,
  recipientRowsOf,
  visibleScopeChoices,
  type WizardAction,
  type WizardContext,
  type WizardState,
} from './wizard-state.js';
import { changeUrls, leaveUrlEdit } from './wizard-urls.js';

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

/** Applies each key to the focused field in turn (a paste is a burst of characters). */
function editText(state: WizardState, keys: readonly string[]): WizardState {
  let line = focusedLine(state);
  for (const key of keys) line = editLine(line, key) ?? line;
  const edited = { ...state, problem: undefined, textCursor: line.cursor, textSelected: line.selected };
  if (state.step === 'name') return { ...edited, name: line.value };
  if (state.step === 'url') return { ...edited, url: line.value };
  return { ...edited, addresses: line.value };
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
    case 'urls':
      return { ...state, urlCursor: move(state.urlCursor, delta, state.urls.length), problem: undefined };
    default:
      return state;
  }
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
  if (action.type === 'submitFailed') return { ...state, submitting: false, submitError: action.message };
  // Ctrl-C and the question it asks come first: they work in every step, even while saving.
  if (action.type === 'cancel') return leave(state, 'quit');
  if (action.type === 'discard') return state.confirmDiscard ? answerDiscard(state, action.answer) : state;
  if (state.confirmDiscard || state.submitting) return state;
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
      // The url and format steps of one URL of a list lead back to the list.
      if (state.editingUrl !== undefined)
        return state.step === 'format' ? goTo(state, 'url') : leaveUrlEdit(state);
      return stepBy({ ...state, submitError: undefined }, -1);
    case 'url':
      return state.step === 'urls' ? changeUrls(state, action.change) : state;
  }
}

export function useWizardState(context: WizardContext, hook?: Webhook | EmailHook) {
  return useReducer(wizardReducer, undefined, () => initialWizardState(context, hook));
}

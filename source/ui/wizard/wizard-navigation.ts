// Moving between the wizard's steps, and leaving it: Esc on the first step and Ctrl-C ask first
// when something was typed or chosen, so that a stray key never throws answers away.
import type { MembersLoad } from './recipients.js';
import { FORMAT_CHOICES } from './wizard-model.js';
import { answersKey, recipientRowsOf, type WizardState, type WizardStep } from './wizard-state.js';

/** Keeps the cursor on a line that exists: the people below the text field come and go. */
export function withRecipientCursor(state: WizardState): WizardState {
  const last = recipientRowsOf(state).length - 1;
  return state.recipientCursor > last ? { ...state, recipientCursor: last } : state;
}

export function goTo(state: WizardState, step: WizardStep): WizardState {
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

/** The next or previous step; before the first one, the wizard is left (asking first). */
export function stepBy(state: WizardState, delta: 1 | -1): WizardState {
  const index = state.steps.indexOf(state.step) + delta;
  if (index < 0) return leave(state, 'close');
  return goTo(state, state.steps[Math.min(index, state.steps.length - 1)]!);
}

export function hasChanges(state: WizardState): boolean {
  return answersKey(state) !== state.initialAnswers;
}

/** Closes the wizard, or quits (Ctrl-C), at once when nothing was typed; otherwise asks. */
export function leave(state: WizardState, how: 'close' | 'quit'): WizardState {
  if (!hasChanges(state)) return how === 'close' ? { ...state, cancelled: true } : { ...state, quit: true };
  return { ...state, confirmDiscard: how };
}

/** The answer to "throw the answers away?": no goes back with every answer as it was. */
export function answerDiscard(state: WizardState, answer: 'yes' | 'no' | 'quit'): WizardState {
  if (answer === 'no') return { ...state, confirmDiscard: undefined };
  if (answer === 'quit' || state.confirmDiscard === 'quit') return { ...state, quit: true };
  return { ...state, cancelled: true };
}

/** The question, in words, with what each answer does. */
export function discardQuestion(how: 'close' | 'quit'): string {
  return how === 'close'
    ? 'Leave the wizard and throw away what you typed? y leaves; n or Esc goes back, every answer kept.'
    : 'Quit clever-notify and throw away what you typed? y (or Ctrl-C again) quits; n or Esc goes back, every answer kept.';
}

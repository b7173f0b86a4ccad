import { discardKeys, textFieldKeys, wizardKeys } from '../keys/editing-keys.js';
import { commandFor, filterKeys, type KeyMap } from '../keys/key-map.js';
import type { Line } from '../text-field/line-edit.js';
import { recipientRowsOf, type WizardAction, type WizardState } from './wizard-state.js';

export function isTextStep(state: WizardState): boolean {
  return (
    state.step === 'name' ||
    state.step === 'url' ||
    (state.step === 'recipients' && recipientRowsOf(state)[state.recipientCursor]?.kind === 'addresses')
  );
}

const MOVES = new Set([
  'wizard.up',
  'wizard.down',
  'wizard.pageUp',
  'wizard.pageDown',
  'wizard.top',
  'wizard.bottom',
]);

/**
 * A key name as the action the step's key maps give it (a typed character in a text field).
 * `pageSize`: the rows a list shows, for PgUp and PgDn.
 */
export function keyAction(state: WizardState, name: string, pageSize = 10): WizardAction | undefined {
  for (const map of stepKeyMaps(state)) {
    const command = commandFor(map, name);
    if (!command) continue;
    if (map === textFieldKeys) return { type: 'edit', key: name };
    const actions: Record<string, WizardAction> = {
      'wizard.next': { type: 'next' },
      'filter.apply': { type: 'next' },
      'wizard.back': { type: 'back' },
      'filter.cancel': { type: 'back' },
      'wizard.up': { type: 'up' },
      'wizard.down': { type: 'down' },
      'wizard.pageUp': { type: 'move', delta: -Math.max(1, pageSize) },
      'wizard.pageDown': { type: 'move', delta: Math.max(1, pageSize) },
      'wizard.top': { type: 'move', delta: Number.NEGATIVE_INFINITY },
      'wizard.bottom': { type: 'move', delta: Number.POSITIVE_INFINITY },
      'wizard.toggle': { type: 'toggle' },
      'wizard.filter': { type: 'filter' },
      'wizard.urlEdit': { type: 'url', change: 'edit' },
      'wizard.urlAdd': { type: 'url', change: 'add' },
      'wizard.urlRemove': { type: 'url', change: 'remove' },
      'wizard.cancel': { type: 'cancel' },
      'discard.yes': { type: 'discard', answer: 'yes' },
      'discard.no': { type: 'discard', answer: 'no' },
      'discard.quit': { type: 'discard', answer: 'quit' },
    };
    return actions[command];
  }
  // While the wizard asks before throwing answers away, nothing is typed into the step beneath.
  if (state.confirmDiscard) return undefined;
  const typing = isTextStep(state) || (state.step === 'scope' && state.scopeFiltering);
  const text = name === 'space' ? ' ' : name;
  return typing && [...text].length === 1 ? { type: 'text', text } : undefined;
}

/** The wizard's bindings that act on the current step: the footer hints only these. */
export function stepKeyMaps(state: WizardState): KeyMap[] {
  if (state.confirmDiscard) return [discardKeys];
  const cancel = wizardKeys.commands.filter((c) => c.id === 'wizard.cancel');
  if (state.step === 'scope' && state.scopeFiltering)
    return [filterKeys, textFieldKeys, { ...wizardKeys, commands: cancel }];
  const lists = state.step !== 'name' && state.step !== 'url' && state.step !== 'review';
  const toggles =
    !isTextStep(state) && (state.step === 'events' || state.step === 'scope' || state.step === 'recipients');
  const acting = wizardKeys.commands.filter((c) => {
    if (MOVES.has(c.id)) return lists;
    if (c.id === 'wizard.toggle') return toggles;
    if (c.id === 'wizard.filter') return state.step === 'scope';
    if (c.id === 'wizard.urlEdit' || c.id === 'wizard.urlAdd' || c.id === 'wizard.urlRemove')
      return state.step === 'urls';
    return true;
  });
  if (!isTextStep(state)) return [{ ...wizardKeys, commands: acting }];
  // In a text field, letters are typed and Home and End move in the text: only the arrows and the
  // page keys move in the list.
  const arrows = acting.flatMap((c) => {
    if (!MOVES.has(c.id)) return [c];
    const keys = c.keys.filter((k) => k.length > 1 && k !== 'home' && k !== 'end');
    return keys.length > 0 ? [{ ...c, keys }] : [];
  });
  return [{ ...wizardKeys, commands: arrows }, textFieldKeys];
}

/** The focused text field as a line being edited. */
export function focusedLine(state: WizardState): Line {
  const value = state.step === 'name' ? state.name : state.step === 'url' ? state.url : state.addresses;
  return { value, cursor: state.textCursor ?? [...value].length, selected: state.textSelected };
}

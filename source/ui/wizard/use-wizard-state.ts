// The wizard as a pure reducer: each step validates what was typed, Esc steps back and keeps it,
// an API error on create keeps every answer. The container runs the request when `submitting`.
import { useReducer } from 'react';
import type { EventCatalogue } from '../../domain/events.js';
import type {
  EmailHook,
  EmailHookInput,
  NotifiedTarget,
  OrganisationMember,
  Webhook,
  WebhookFormat,
  WebhookInput,
  WebhookUrl,
} from '../../domain/schemas.js';
import { isSlackLikeUrl } from '../hooks/hook-labels.js';
import { commandFor, filterKeys, type KeyMap, textFieldKeys, wizardKeys } from '../keys/key-map.js';
import { editLine, type Line, lineOf } from '../text-field/line-edit.js';
import { initialMembersLoad, isPersonalSpace, type MembersLoad, recipientRows } from './recipients.js';
import {
  ALL_EVENTS,
  type EventChoice,
  eventChoices,
  FORMAT_CHOICES,
  type HookKind,
  isEmailAddress,
  PRESETS,
  type ScopeChoice,
  type ScopeResource,
  scopeChoices,
  urlProblem,
} from './wizard-model.js';

export type WizardStep = 'preset' | 'name' | 'url' | 'format' | 'recipients' | 'events' | 'scope' | 'review';

/** What the wizard needs to know about the world; fixed while it is open. */
export interface WizardContext {
  kind: HookKind;
  ownerId: string;
  ownerName: string;
  /** The signed-in user, offered as a recipient of e-mail hooks (among the members of an organisation). */
  self?: { id: string; name: string };
  resources: readonly ScopeResource[];
  selectedApp?: ScopeResource;
  catalogue: EventCatalogue;
  /** Adding a webhook starts with the presets (two common setups, or from scratch). */
  offerPresets: boolean;
}

export interface WizardState {
  context: WizardContext;
  mode: 'add' | 'edit';
  hookId?: string;
  steps: readonly WizardStep[];
  step: WizardStep;
  presetCursor: number;
  name: string;
  url: string;
  /** Further URLs of an edited hook (clever-tools makes one per hook; the API allows several). */
  otherUrls: WebhookUrl[];
  format: WebhookFormat;
  formatTouched: boolean;
  /** The highlighted line of the format step. */
  formatCursor: number;
  wholeTeam: boolean;
  /** Ticked people (members, or the user in a personal space), as `userid` targets. */
  userIds: readonly string[];
  members: MembersLoad;
  addresses: string;
  /** Where the cursor of the focused text field is (undefined: at its end). */
  textCursor?: number;
  /** The focused text field holds a default (a preset's name): the first typed character replaces it. */
  textSelected: boolean;
  /** Targets of an edited hook that this wizard does not edit (unknown types). */
  otherTargets: NotifiedTarget[];
  recipientCursor: number;
  eventChoices: readonly EventChoice[];
  allEvents: boolean;
  events: readonly string[];
  eventCursor: number;
  scopeChoices: readonly ScopeChoice[];
  scopeMode: 'all' | 'app' | 'chosen';
  scope: readonly string[];
  scopeCursor: number;
  /** `/` filters the apps and add-ons of the scope step (an owner may have thousands). */
  scopeFilter: string;
  scopeFiltering: boolean;
  /** Why the current step was refused. */
  problem?: string;
  /** A hint about the current step that is not a refusal (e.g. the proposed format). */
  note?: string;
  submitting: boolean;
  /** Bumped by each submit: the container sends one request per value, whatever else changes meanwhile. */
  submitSerial: number;
  submitError?: string;
  cancelled: boolean;
}

export type WizardAction =
  /** A key name, resolved through the step's key maps (`stepKeyMaps`). */
  | { type: 'key'; name: string }
  | { type: 'text'; text: string }
  | { type: 'filter' }
  /** A line-editing key of the focused text field (see `textFieldKeys`). */
  | { type: 'edit'; key: string }
  | { type: 'up' }
  | { type: 'down' }
  | { type: 'toggle' }
  | { type: 'next' }
  | { type: 'back' }
  | { type: 'submitFailed'; message: string }
  | { type: 'membersLoaded'; members: readonly OrganisationMember[] }
  | { type: 'membersFailed'; message: string };

/** The lines of the recipients step, as they stand now. */
export function recipientRowsOf(state: WizardState) {
  return recipientRows({ ...state.context, members: state.members });
}

function stepsFor(kind: HookKind, mode: 'add' | 'edit', offerPresets: boolean): WizardStep[] {
  if (kind === 'email') return ['name', 'recipients', 'events', 'scope', 'review'];
  const steps: WizardStep[] = ['name', 'url', 'format', 'events', 'scope', 'review'];
  return mode === 'add' && offerPresets ? ['preset', ...steps] : steps;
}

export function initialWizardState(context: WizardContext, hook?: Webhook | EmailHook): WizardState {
  const mode = hook ? 'edit' : 'add';
  const steps = stepsFor(context.kind, mode, context.offerPresets);
  const choices = scopeChoices(context.ownerName, context.resources, context.selectedApp);
  const base: WizardState = {
    context,
    mode,
    steps,
    step: steps[0]!,
    presetCursor: 0,
    name: '',
    url: '',
    otherUrls: [],
    format: 'raw',
    formatTouched: false,
    formatCursor: 0,
    wholeTeam: false,
    userIds: [],
    members: initialMembersLoad(context.ownerId),
    addresses: '',
    textSelected: false,
    otherTargets: [],
    recipientCursor: 0,
    eventChoices: eventChoices(context.catalogue),
    allEvents: false,
    events: [],
    eventCursor: 0,
    scopeChoices: choices,
    scopeMode: context.selectedApp ? 'app' : 'all',
    scope: [],
    scopeCursor: context.selectedApp ? 1 : 0,
    scopeFilter: '',
    scopeFiltering: false,
    submitting: false,
    submitSerial: 0,
    cancelled: false,
  };
  if (!hook) return base;
  const scope = hook.scope ?? [];
  const scoped: Partial<WizardState> =
    scope.length === 0
      ? { scopeMode: 'all', scopeCursor: 0 }
      : scope.length === 1 && context.selectedApp?.id === scope[0]
        ? { scopeMode: 'app', scopeCursor: 1 }
        : { scopeMode: 'chosen', scope, scopeCursor: firstResourceIndex(choices) };
  const edited: WizardState = {
    ...base,
    ...scoped,
    hookId: hook.id,
    name: hook.name ?? '',
    allEvents: !hook.events || hook.events.length === 0,
    events: hook.events ?? [],
  };
  if ('urls' in hook) {
    const [first, ...rest] = hook.urls;
    return {
      ...edited,
      url: first?.url ?? '',
      format: first?.format ?? 'raw',
      formatTouched: true,
      otherUrls: rest,
    };
  }
  const notified = hook.notified ?? [];
  const targetsOf = (type: string) =>
    notified.flatMap((t) => (t.type === type && 'target' in t && t.target ? [t.target] : []));
  return {
    ...edited,
    wholeTeam: notified.length === 0 || notified.some((t) => t.type === 'organisation'),
    userIds: targetsOf('userid'),
    addresses: targetsOf('email').join(', '),
    otherTargets: notified.filter(
      (t) =>
        t.type !== 'organisation' &&
        t.type !== 'email' &&
        !(t.type === 'userid' && 'target' in t && t.target),
    ),
  };
}

/** The scope choices the filter lets through; "all" and "only this app" always stay. */
export function visibleScopeChoices(state: WizardState): readonly ScopeChoice[] {
  const filter = state.scopeFilter.toLowerCase();
  if (!filter) return state.scopeChoices;
  return state.scopeChoices.filter(
    (c) => c.kind !== 'resource' || c.resource.name.toLowerCase().includes(filter),
  );
}

/** While the scope filter is being typed, keys edit it; Enter, ↑ and ↓ keep it, Esc clears it. */
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

function firstResourceIndex(choices: readonly ScopeChoice[]): number {
  const i = choices.findIndex((c) => c.kind === 'resource');
  return Math.max(0, i);
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

export function addressList(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/** Checks the current step; returns the state to move on from, or the same step with the reason. */
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
      // Discord takes Slack messages only at its URL ending in /slack: add it rather than fail later.
      const url =
        kind === 'discord' && !typed.replace(/\/+$/, '').endsWith('/slack')
          ? `${typed.replace(/\/+$/, '')}/slack`
          : typed;
      const note =
        kind === 'slack'
          ? 'This is a Slack URL: the slack format is proposed.'
          : kind === 'discord'
            ? url === typed
              ? 'Discord takes Slack messages at this …/slack URL: the slack format is proposed.'
              : 'Discord takes Slack messages at …/slack: it was added to the URL (Esc to change it).'
            : undefined;
      const next = stepBy({ ...state, ...proposed, url }, 1);
      return { ...next, note };
    }
    case 'format':
      return stepBy({ ...state, format: FORMAT_CHOICES[state.formatCursor]!.format, formatTouched: true }, 1);
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

function isTextStep(state: WizardState): boolean {
  return (
    state.step === 'name' ||
    state.step === 'url' ||
    (state.step === 'recipients' && recipientRowsOf(state)[state.recipientCursor]?.kind === 'addresses')
  );
}

/** The wizard's bindings that act on the current step: the footer hints only these. */
/** A key name as the action the step's key maps give it (a typed character in a text field). */
function keyAction(state: WizardState, name: string): WizardAction | undefined {
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
      'wizard.toggle': { type: 'toggle' },
      'wizard.filter': { type: 'filter' },
    };
    return actions[command];
  }
  const typing = isTextStep(state) || (state.step === 'scope' && state.scopeFiltering);
  const text = name === 'space' ? ' ' : name;
  return typing && [...text].length === 1 ? { type: 'text', text } : undefined;
}

export function stepKeyMaps(state: WizardState): KeyMap[] {
  if (state.step === 'scope' && state.scopeFiltering) return [filterKeys, textFieldKeys];
  const lists = state.step !== 'name' && state.step !== 'url' && state.step !== 'review';
  const toggles =
    !isTextStep(state) && (state.step === 'events' || state.step === 'scope' || state.step === 'recipients');
  const acting = wizardKeys.commands.filter((c) => {
    if (c.id === 'wizard.up' || c.id === 'wizard.down') return lists;
    if (c.id === 'wizard.toggle') return toggles;
    if (c.id === 'wizard.filter') return state.step === 'scope';
    return true;
  });
  if (!isTextStep(state)) return [{ ...wizardKeys, commands: acting }];
  // In a text field, letters are typed: only the arrows move.
  const arrows = acting.map((c) =>
    c.id === 'wizard.up' || c.id === 'wizard.down' ? { ...c, keys: c.keys.filter((k) => k.length > 1) } : c,
  );
  return [{ ...wizardKeys, commands: arrows }, textFieldKeys];
}

/** The focused text field as a line being edited. */
export function focusedLine(state: WizardState): Line {
  const value = state.step === 'name' ? state.name : state.step === 'url' ? state.url : state.addresses;
  return { value, cursor: state.textCursor ?? [...value].length, selected: state.textSelected };
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
    const resolved = keyAction(state, action.name);
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

// --- What the wizard sends --------------------------------------------------------------------

function eventsOf(state: WizardState): string[] | undefined {
  return state.allEvents || state.events.length === 0 ? undefined : [...state.events];
}

function scopeOf(state: WizardState): string[] | undefined {
  if (state.scopeMode === 'app' && state.context.selectedApp) return [state.context.selectedApp.id];
  if (state.scopeMode === 'chosen' && state.scope.length > 0) return [...state.scope];
  return undefined;
}

/** The body of POST/PUT; "all" is sent as no key at all, as the contract asks. */
export function webhookInputOf(state: WizardState): WebhookInput {
  const input: WebhookInput = {
    name: state.name.trim(),
    urls: [{ url: state.url.trim(), format: state.format }, ...state.otherUrls],
  };
  const events = eventsOf(state);
  const scope = scopeOf(state);
  if (events) input.events = events;
  if (scope) input.scope = scope;
  return input;
}

export function emailHookInputOf(state: WizardState): EmailHookInput {
  const notified: NotifiedTarget[] = [];
  if (state.wholeTeam) notified.push({ type: 'organisation' });
  for (const id of state.userIds) notified.push({ type: 'userid', target: id });
  for (const address of addressList(state.addresses)) notified.push({ type: 'email', target: address });
  notified.push(...state.otherTargets);
  const input: EmailHookInput = { name: state.name.trim(), notified };
  const events = eventsOf(state);
  const scope = scopeOf(state);
  if (events) input.events = events;
  if (scope) input.scope = scope;
  return input;
}

export function isDeadFormat(state: WizardState): boolean {
  return FORMAT_CHOICES.find((c) => c.format === state.format)?.dead ?? false;
}

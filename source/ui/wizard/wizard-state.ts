// The wizard's state: its steps, what it knows of the world, and what has been answered so far.
import type { EventCatalogue } from '../../domain/events.js';
import type {
  EmailHook,
  NotifiedTarget,
  OrganisationMember,
  Webhook,
  WebhookFormat,
  WebhookUrl,
} from '../../domain/schemas.js';
import { initialMembersLoad, type MembersLoad, recipientRows } from './recipients.js';
import {
  type EventChoice,
  eventChoices,
  type HookKind,
  type ScopeChoice,
  type ScopeResource,
  scopeChoices,
} from './wizard-model.js';

export type WizardStep =
  | 'preset'
  | 'name'
  | 'url'
  | 'format'
  | 'urls'
  | 'recipients'
  | 'events'
  | 'scope'
  | 'review';

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
  /**
   * Every URL of an edited webhook that has several (clever-tools makes one per hook; the API allows
   * several): the `urls` step lists them, and the url and format steps edit one at a time. Empty
   * otherwise: `url` and `format` are the hook's one URL.
   */
  urls: readonly WebhookUrl[];
  urlCursor: number;
  /** The index in `urls` that the url and format steps are editing (`urls.length`: a new one). */
  editingUrl?: number;
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
  /** The hook being edited, as it was when the wizard opened: the review shows what changes. */
  original?: Webhook | EmailHook;
  /** The answers when the wizard opened (see `answersKey`): anything else was typed or chosen. */
  initialAnswers: string;
  /** Asking before typed answers are thrown away: after Esc on the first step, or after Ctrl-C. */
  confirmDiscard?: 'close' | 'quit';
  cancelled: boolean;
  /** Ctrl-C, confirmed: the container quits the app. */
  quit: boolean;
}

export type WizardAction =
  /** A key name, resolved through the step's key maps (`stepKeyMaps`). */
  | { type: 'key'; name: string; pageSize?: number }
  | { type: 'text'; text: string }
  | { type: 'filter' }
  /** A line-editing key of the focused text field (see `textFieldKeys`). */
  | { type: 'edit'; key: string }
  | { type: 'up' }
  | { type: 'down' }
  /** Moves a list's cursor by `delta` (±Infinity: to the first or the last item). */
  | { type: 'move'; delta: number }
  | { type: 'toggle' }
  | { type: 'next' }
  | { type: 'back' }
  /** Ctrl-C: quit, after asking when answers would be lost. */
  | { type: 'cancel' }
  | { type: 'discard'; answer: 'yes' | 'no' | 'quit' }
  | { type: 'url'; change: 'edit' | 'add' | 'remove' }
  | { type: 'submitFailed'; message: string }
  | { type: 'membersLoaded'; members: readonly OrganisationMember[] }
  | { type: 'membersFailed'; message: string };

/** The lines of the recipients step, as they stand now. */
export function recipientRowsOf(state: WizardState) {
  return recipientRows({ ...state.context, members: state.members });
}

function stepsFor(kind: HookKind, mode: 'add' | 'edit', offerPresets: boolean, urls: number): WizardStep[] {
  if (kind === 'email') return ['name', 'recipients', 'events', 'scope', 'review'];
  if (urls > 1) return ['name', 'urls', 'events', 'scope', 'review'];
  const steps: WizardStep[] = ['name', 'url', 'format', 'events', 'scope', 'review'];
  return mode === 'add' && offerPresets ? ['preset', ...steps] : steps;
}

export function initialWizardState(context: WizardContext, hook?: Webhook | EmailHook): WizardState {
  const mode = hook ? 'edit' : 'add';
  const urlCount = hook && 'urls' in hook ? hook.urls.length : 0;
  const steps = stepsFor(context.kind, mode, context.offerPresets, urlCount);
  const choices = scopeChoices(context.ownerName, context.resources, context.selectedApp);
  const base: WizardState = {
    context,
    mode,
    steps,
    step: steps[0]!,
    presetCursor: 0,
    name: '',
    url: '',
    urls: [],
    urlCursor: 0,
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
    initialAnswers: '',
    cancelled: false,
    quit: false,
  };
  const opened = hook ? editedState(base, hook) : base;
  return { ...opened, initialAnswers: answersKey(opened) };
}

function editedState(base: WizardState, hook: Webhook | EmailHook): WizardState {
  const { context } = base;
  const choices = base.scopeChoices;
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
    original: hook,
    hookId: hook.id,
    name: hook.name ?? '',
    allEvents: !hook.events || hook.events.length === 0,
    events: hook.events ?? [],
  };
  if ('urls' in hook) {
    if (hook.urls.length > 1) {
      return { ...edited, urls: hook.urls, format: hook.urls[0]!.format, formatTouched: true };
    }
    const first = hook.urls[0];
    return { ...edited, url: first?.url ?? '', format: first?.format ?? 'raw', formatTouched: true };
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

/**
 * What was answered, as one string: the wizard compares it with the answers it opened with to know
 * whether leaving would throw something away. Cursors and notes are not answers.
 */
export function answersKey(state: WizardState): string {
  return JSON.stringify([
    state.name,
    state.url,
    state.format,
    state.urls,
    state.allEvents,
    [...state.events].sort(),
    state.scopeMode,
    [...state.scope].sort(),
    state.wholeTeam,
    [...state.userIds].sort(),
    state.addresses,
  ]);
}

/** The e-mail addresses typed in the recipients step, one by one. */
export function addressList(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

export function firstResourceIndex(choices: readonly ScopeChoice[]): number {
  const i = choices.findIndex((c) => c.kind === 'resource');
  return Math.max(0, i);
}

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
export function addressList(text: string): string[] {
  return text
    .split(/[,;\s]+/)
    .map((a) => a.trim())
    .filter(Boolean);
}

/** Checks the current step; returns the state to move on from, or the same step with the reason. */

export function firstResourceIndex(choices: readonly ScopeChoice[]): number {
  const i = choices.findIndex((c) => c.kind === 'resource');
  return Math.max(0, i);
}

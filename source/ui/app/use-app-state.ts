// The whole screen as one pure reducer. Keys arrive as names, are resolved through the key map of the
// screen that has focus, and change the state; what needs the outside world (loading, removing,
// testing, quitting) is queued in `effects` for the container to run.
import { useReducer } from 'react';
import { BUILTIN_CATALOGUE, type EventCatalogue } from '../../domain/events.js';
import { hookCoversResource } from '../../domain/matching.js';
import type { EmailHook, Summary, Webhook } from '../../domain/schemas.js';
import { activityKeys } from '../activity/activity-keys.js';
import { helpLayout, helpLineCount } from '../help/help-layout.js';
import {
  commandFor,
  confirmKeys,
  detailKeys,
  dismissKeys,
  exportPromptKeys,
  filterKeys,
  globalKeys,
  helpKeys,
  hooksKeys,
  type KeyMap,
  ownersKeys,
  textFieldKeys,
  welcomeKeys,
} from '../keys/key-map.js';
import { clampCursor } from '../table/window.js';
import { editLine, type Line, lineOf } from '../text-field/line-edit.js';
import type { HookKind } from '../wizard/wizard-model.js';
import { loading, type Remote } from './remote.js';

export interface AppEntry {
  id: string;
  name: string;
  state: string;
}

export interface AddonEntry {
  id: string;
  name: string;
}

export interface OwnerEntry {
  id: string;
  name: string;
  kind: 'user' | 'organisation';
  apps: AppEntry[];
  addons: AddonEntry[];
}

export interface Who {
  userId: string;
  userName: string;
  apiHost: string;
  sandbox: boolean;
  embedded: boolean;
}

export interface ListState {
  cursor: number;
  filter: string;
  filtering: boolean;
  /** Where the filter is being edited, in characters. */
  filterCursor: number;
}

export type Pane = 'owners' | 'apps' | 'hooks';
export type Tab = 'webhooks' | 'emailHooks' | 'activity';
export const PANES: readonly Pane[] = ['owners', 'apps', 'hooks'];

export interface Message {
  title: string;
  lines: string[];
  tone: 'ok' | 'warning' | 'error' | 'info';
}

export type Overlay =
  | { type: 'none' }
  | { type: 'help'; scroll: number }
  | { type: 'welcome' }
  | { type: 'detail'; kind: HookKind; hookId: string; scroll: number; showSecrets?: boolean }
  | { type: 'confirmRemove'; kind: HookKind; hookId: string; name: string; from: 'list' | 'detail' }
  | { type: 'wizard'; kind: HookKind; hookId?: string; serial: number }
  | { type: 'busy'; text: string }
  | { type: 'message'; message: Message }
  | { type: 'exportPrompt'; ownerId: string; ownerName: string; line: Line };

export type Effect =
  | { type: 'loadOwners' }
  | { type: 'loadHooks'; ownerId: string; organisation: boolean }
  | { type: 'removeHook'; kind: HookKind; ownerId: string; hookId: string }
  | { type: 'testHook'; hook: Webhook }
  | { type: 'exportOwner'; ownerId: string; ownerName: string; path: string }
  | { type: 'welcomeSeen' }
  | { type: 'quit' };

export interface OwnerHooks {
  webhooks: Remote<Webhook[]>;
  emailHooks: Remote<EmailHook[]>;
  /** The names of an organisation's members by user id, for e-mail hook recipients (empty if unknown). */
  people: ReadonlyMap<string, string>;
}

export interface AppState {
  who?: Who;
  connectError?: string;
  owners: Remote<OwnerEntry[]>;
  hooks: Readonly<Record<string, OwnerHooks>>;
  catalogue: EventCatalogue;
  ownerList: ListState;
  appList: ListState;
  hookList: ListState;
  focus: Pane;
  tab: Tab;
  overlay: Overlay;
  /** A one-line notice in the footer (e.g. "Webhook created"). */
  flash?: { text: string; tone: Message['tone'] };
  effects: readonly Effect[];
  wizardSerial: number;
  /** Bumped to connect again after a failed connection. */
  connectAttempt: number;
  /** Owner to select once the owners are loaded (the last one looked at). */
  preferredOwnerId?: string;
}

const emptyList: ListState = { cursor: 0, filter: '', filtering: false, filterCursor: 0 };

export function initialAppState(): AppState {
  return {
    owners: { status: 'loading' },
    hooks: {},
    catalogue: BUILTIN_CATALOGUE,
    ownerList: emptyList,
    appList: emptyList,
    hookList: emptyList,
    focus: 'owners',
    tab: 'webhooks',
    overlay: { type: 'none' },
    effects: [],
    wizardSerial: 0,
    connectAttempt: 0,
  };
}

export type AppAction =
  | {
      type: 'key';
      name: string;
      pageSize: number;
      /** The area the help overlay fills, so that it scrolls as far as it shows. */
      helpArea: { width: number; height: number };
    }
  | { type: 'connected'; who: Who; showWelcome: boolean; preferredOwnerId?: string }
  | { type: 'connectFailed'; error: string }
  | { type: 'ownersLoaded'; summary: Summary }
  | { type: 'ownersFailed'; error: string }
  | {
      type: 'hooksLoaded';
      ownerId: string;
      webhooks: Remote<Webhook[]>;
      emailHooks: Remote<EmailHook[]>;
    }
  | { type: 'peopleLoaded'; ownerId: string; people: ReadonlyMap<string, string> }
  | { type: 'catalogueLoaded'; catalogue: EventCatalogue }
  | { type: 'effectsTaken'; count: number }
  | { type: 'hookSaved'; kind: HookKind; hook: Webhook | EmailHook; created: boolean }
  | { type: 'wizardClosed' }
  | { type: 'hookRemoved'; kind: HookKind; ownerId: string; hookId: string }
  | { type: 'showMessage'; message: Message }
  | { type: 'flash'; text: string; tone: Message['tone'] };

// --- Selectors (pure; the container memoizes them) ----------------------------------------------

function matches(name: string, filter: string): boolean {
  return filter === '' || name.toLowerCase().includes(filter.toLowerCase());
}

export function filterOwners(owners: readonly OwnerEntry[] | undefined, filter: string): OwnerEntry[] {
  return (owners ?? []).filter((o) => matches(o.name, filter));
}

export function pick<T>(items: readonly T[], cursor: number): T | undefined {
  return items[clampCursor(cursor, items.length)];
}

/** The apps list starts with a row for "all apps" (no app chosen). */
export type AppRow = { kind: 'all'; id: string; name: string; state: string } | ({ kind: 'app' } & AppEntry);

export function appRows(owner: OwnerEntry | undefined, filter: string): AppRow[] {
  if (!owner) return [];
  const apps: AppRow[] = [{ kind: 'all', id: '*', name: 'All apps', state: '' }];
  for (const app of owner.apps) if (matches(app.name, filter)) apps.push({ kind: 'app', ...app });
  return apps;
}

type AnyHook = Webhook | EmailHook;

/** The hooks that cover the app (all of them when none is chosen) and match the filter. */
export function coveringHooks(
  hooks: readonly AnyHook[],
  appId: string | undefined,
  filter: string,
): AnyHook[] {
  return hooks.filter((h) => (!appId || hookCoversResource(h, appId)) && matches(h.name ?? '', filter));
}

export function visibleOwners(state: AppState): OwnerEntry[] {
  return filterOwners(state.owners.data, state.ownerList.filter);
}

export function selectedOwner(state: AppState): OwnerEntry | undefined {
  return pick(visibleOwners(state), state.ownerList.cursor);
}

export function visibleApps(state: AppState): AppRow[] {
  return appRows(selectedOwner(state), state.appList.filter);
}

/** The chosen app without building the rows of a long unfiltered list (row 0 is "All apps"). */
export function selectedApp(state: AppState): AppEntry | undefined {
  const owner = selectedOwner(state);
  if (!owner) return undefined;
  if (state.appList.filter) {
    const row = pick(visibleApps(state), state.appList.cursor);
    return row?.kind === 'app' ? row : undefined;
  }
  const cursor = clampCursor(state.appList.cursor, owner.apps.length + 1);
  return cursor === 0 ? undefined : owner.apps[cursor - 1];
}

export function ownerHooks(state: AppState): OwnerHooks | undefined {
  const owner = selectedOwner(state);
  return owner ? state.hooks[owner.id] : undefined;
}

export function tabHooks(hooks: OwnerHooks | undefined, tab: Tab): readonly AnyHook[] {
  return (tab === 'emailHooks' ? hooks?.emailHooks.data : hooks?.webhooks.data) ?? [];
}

export function visibleHooks(state: AppState): AnyHook[] {
  return coveringHooks(tabHooks(ownerHooks(state), state.tab), selectedApp(state)?.id, state.hookList.filter);
}

export function selectedHook(state: AppState): AnyHook | undefined {
  return pick(visibleHooks(state), state.hookList.cursor);
}

export function findHook(state: AppState, kind: HookKind, hookId: string): AnyHook | undefined {
  const hooks = ownerHooks(state);
  const list: readonly AnyHook[] = (kind === 'email' ? hooks?.emailHooks.data : hooks?.webhooks.data) ?? [];
  return list.find((h) => h.id === hookId);
}

export function tabKind(tab: Tab): HookKind | undefined {
  return tab === 'webhooks' ? 'webhook' : tab === 'emailHooks' ? 'email' : undefined;
}

/** What the help overlay lists: the keys of the screen beneath it, and those that act everywhere. */
export function helpKeyMaps(state: AppState): KeyMap[] {
  const beneath = activeKeyMaps({ ...state, overlay: { type: 'none' } });
  return beneath.includes(globalKeys) ? beneath : [...beneath, globalKeys];
}

/** The key maps in force, most specific first: they drive the handlers, the footer and the help. */
export function activeKeyMaps(state: AppState): KeyMap[] {
  switch (state.overlay.type) {
    case 'help':
      return [helpKeys];
    case 'message':
      return [dismissKeys];
    case 'welcome':
      return [welcomeKeys];
    case 'confirmRemove':
      return [confirmKeys];
    case 'exportPrompt':
      return [exportPromptKeys, textFieldKeys];
    case 'detail':
      return [detailKeys, globalKeys];
    case 'busy':
    case 'wizard':
      return [];
    case 'none':
      break;
  }
  const list = listOf(state, state.focus);
  if (list.filtering) return [filterKeys, textFieldKeys];
  if (state.focus === 'hooks')
    return state.tab === 'activity' ? [activityKeys, globalKeys] : [hooksKeys, globalKeys];
  return [ownersKeys, globalKeys];
}

// --- The reducer ---------------------------------------------------------------------------------

function listOf(state: AppState, pane: Pane): ListState {
  return pane === 'owners' ? state.ownerList : pane === 'apps' ? state.appList : state.hookList;
}

function withList(state: AppState, pane: Pane, list: ListState): AppState {
  if (pane === 'owners') return { ...state, ownerList: list };
  if (pane === 'apps') return { ...state, appList: list };
  return { ...state, hookList: list };
}

function countOf(state: AppState, pane: Pane): number {
  if (pane === 'owners') return visibleOwners(state).length;
  if (pane === 'apps') {
    const owner = selectedOwner(state);
    return state.appList.filter || !owner ? visibleApps(state).length : owner.apps.length + 1;
  }
  return visibleHooks(state).length;
}

function queue(state: AppState, ...effects: Effect[]): AppState {
  return { ...state, effects: [...state.effects, ...effects] };
}

/** After the owner changes: fresh app and hook cursors, and its hooks loaded if they are not yet. */
function ownerChanged(before: AppState, after: AppState): AppState {
  const was = selectedOwner(before)?.id;
  const owner = selectedOwner(after);
  if (!owner || owner.id === was) return after;
  const reset = { ...after, appList: emptyList, hookList: { ...after.hookList, cursor: 0 } };
  return after.hooks[owner.id] ? reset : loadHooks(reset, owner.id);
}

function loadHooks(state: AppState, ownerId: string): AppState {
  const previous = state.hooks[ownerId];
  return queue(
    {
      ...state,
      hooks: {
        ...state.hooks,
        [ownerId]: {
          webhooks: loading(previous?.webhooks),
          emailHooks: loading(previous?.emailHooks),
          people: previous?.people ?? new Map(),
        },
      },
    },
    {
      type: 'loadHooks',
      ownerId,
      organisation: state.owners.data?.find((o) => o.id === ownerId)?.kind === 'organisation',
    },
  );
}

function moveCursor(state: AppState, pane: Pane, to: (cursor: number, count: number) => number): AppState {
  const list = listOf(state, pane);
  const count = countOf(state, pane);
  const cursor = clampCursor(to(clampCursor(list.cursor, count), count), count);
  if (cursor === list.cursor) return state;
  const next = withList(state, pane, { ...list, cursor });
  if (pane === 'owners') return ownerChanged(state, next);
  if (pane === 'apps') return { ...next, hookList: { ...next.hookList, cursor: 0 } };
  return next;
}

function refresh(state: AppState): AppState {
  const owner = selectedOwner(state);
  const next = queue({ ...state, owners: loading(state.owners), flash: undefined }, { type: 'loadOwners' });
  return owner ? loadHooks(next, owner.id) : next;
}

function openWizard(state: AppState, kind: HookKind | undefined, hookId?: string): AppState {
  if (!kind) return { ...state, flash: { text: 'Hooks are added from tab 1 or 2.', tone: 'info' } };
  if (!selectedOwner(state)) return state;
  const serial = state.wizardSerial + 1;
  return {
    ...state,
    wizardSerial: serial,
    overlay: { type: 'wizard', kind, serial, ...(hookId ? { hookId } : {}) },
  };
}

function hookCommand(
  state: AppState,
  command: string,
  hook: AnyHook | undefined,
  from: 'list' | 'detail',
): AppState {
  const kind = tabKind(state.tab);
  if (command === 'hook.add') return openWizard(state, kind ?? 'webhook');
  if (!hook || !kind) return { ...state, flash: { text: 'No hook selected.', tone: 'info' } };
  switch (command) {
    case 'hook.edit':
      return openWizard(state, kind, hook.id);
    case 'hook.remove':
      return {
        ...state,
        overlay: { type: 'confirmRemove', kind, hookId: hook.id, name: hook.name || hook.id, from },
      };
    case 'hook.test':
      if (!('urls' in hook)) {
        return {
          ...state,
          flash: { text: 'Only webhooks can be tested; e-mail hooks send e-mails.', tone: 'info' },
        };
      }
      return queue(
        { ...state, overlay: { type: 'busy', text: `Sending a test event to ${hook.name || hook.id}…` } },
        {
          type: 'testHook',
          hook,
        },
      );
    default:
      return state;
  }
}

/** A file name from the owner's name: `Acme Shop` → `acme-shop.notifications.yaml`, in the current folder. */
export function defaultExportPath(ownerName: string): string {
  const slug = ownerName
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return `${slug || 'owner'}.notifications.yaml`;
}

function exportPrompt(state: AppState): AppState {
  const owner = selectedOwner(state);
  if (!owner) return state;
  const name = owner.kind === 'user' ? (state.who?.userName ?? owner.name) : owner.name;
  return {
    ...state,
    overlay: {
      type: 'exportPrompt',
      ownerId: owner.id,
      ownerName: owner.name,
      line: lineOf(defaultExportPath(name), true),
    },
  };
}

function exportPromptKey(
  state: AppState,
  overlay: Extract<Overlay, { type: 'exportPrompt' }>,
  name: string,
): AppState {
  const command = commandFor(exportPromptKeys, name);
  if (command === 'prompt.cancel') return { ...state, overlay: { type: 'none' } };
  if (command === 'prompt.accept') {
    const path = overlay.line.value.trim();
    if (path === '') return state;
    return queue(
      { ...state, overlay: { type: 'busy', text: `Exporting the hooks of ${overlay.ownerName}…` } },
      { type: 'exportOwner', ownerId: overlay.ownerId, ownerName: overlay.ownerName, path },
    );
  }
  const line = editLine(overlay.line, name);
  return line ? { ...state, overlay: { ...overlay, line } } : state;
}

function filterKey(state: AppState, pane: Pane, name: string): AppState {
  const list = listOf(state, pane);
  const command = commandFor(filterKeys, name);
  let next: ListState;
  if (command === 'filter.apply') next = { ...list, filtering: false };
  else if (command === 'filter.cancel') next = emptyList;
  else {
    // The same line editing as the wizard's text fields.
    const line = editLine({ value: list.filter, cursor: list.filterCursor, selected: false }, name);
    if (!line) return state;
    const cursor = line.value === list.filter ? list.cursor : 0;
    next = { ...list, cursor, filter: line.value, filterCursor: line.cursor };
  }
  const after = withList(state, pane, next);
  if (pane === 'owners') return ownerChanged(state, after);
  if (pane === 'apps') return { ...after, hookList: { ...after.hookList, cursor: 0 } };
  return after;
}

function listKey(state: AppState, pane: Pane, command: string, pageSize: number): AppState {
  switch (command) {
    case 'nav.up':
      return moveCursor(state, pane, (c) => c - 1);
    case 'nav.down':
      return moveCursor(state, pane, (c) => c + 1);
    case 'nav.pageUp':
      return moveCursor(state, pane, (c) => c - Math.max(1, pageSize));
    case 'nav.pageDown':
      return moveCursor(state, pane, (c) => c + Math.max(1, pageSize));
    case 'nav.top':
      return moveCursor(state, pane, () => 0);
    case 'nav.bottom':
      return moveCursor(state, pane, (_c, n) => n - 1);
    case 'list.filter': {
      const list = listOf(state, pane);
      return withList(state, pane, { ...list, filtering: true, filterCursor: [...list.filter].length });
    }
    case 'list.open':
      if (pane === 'hooks') {
        const hook = selectedHook(state);
        const kind = tabKind(state.tab);
        return hook && kind
          ? { ...state, overlay: { type: 'detail', kind, hookId: hook.id, scroll: 0 } }
          : state;
      }
      return { ...state, focus: PANES[PANES.indexOf(pane) + 1]! };
    case 'owner.export':
      return exportPrompt(state);
    case 'list.back': {
      const list = listOf(state, pane);
      if (list.filter) return filterKey(state, pane, 'esc');
      return pane === 'owners' ? state : { ...state, focus: PANES[PANES.indexOf(pane) - 1]! };
    }
    default:
      return hookCommand(state, command, selectedHook(state), 'list');
  }
}

function globalKey(state: AppState, command: string): AppState {
  switch (command) {
    case 'app.quit':
      return queue(state, { type: 'quit' });
    case 'app.help':
      return { ...state, overlay: { type: 'help', scroll: 0 } };
    case 'app.refresh':
      if (state.connectError) {
        return {
          ...state,
          connectError: undefined,
          owners: { status: 'loading' },
          connectAttempt: state.connectAttempt + 1,
        };
      }
      return refresh(state);
    case 'pane.next':
    case 'pane.previous': {
      const step = command === 'pane.next' ? 1 : PANES.length - 1;
      return { ...state, focus: PANES[(PANES.indexOf(state.focus) + step) % PANES.length]! };
    }
    case 'tab.webhooks':
    case 'tab.emailHooks':
    case 'tab.activity': {
      const tab: Tab =
        command === 'tab.webhooks' ? 'webhooks' : command === 'tab.emailHooks' ? 'emailHooks' : 'activity';
      return tab === state.tab ? state : { ...state, tab, hookList: emptyList };
    }
    default:
      return state;
  }
}

function helpKey(state: AppState, scroll: number, name: string, area: HelpArea): AppState {
  const command = commandFor(helpKeys, name);
  if (command === 'dismiss') return { ...state, overlay: { type: 'none' } };
  if (!command) return state;
  const { visible, maxScroll } = helpLayout(helpLineCount(helpKeyMaps(state)), area.width, area.height);
  const by =
    command === 'nav.up' ? -1 : command === 'nav.down' ? 1 : command === 'nav.pageUp' ? -visible : visible;
  return { ...state, overlay: { type: 'help', scroll: Math.min(maxScroll, Math.max(0, scroll + by)) } };
}

function overlayKey(state: AppState, name: string, area: HelpArea): AppState | undefined {
  const overlay = state.overlay;
  switch (overlay.type) {
    case 'help':
      return helpKey(state, overlay.scroll, name, area);
    case 'message':
      return commandFor(dismissKeys, name) ? { ...state, overlay: { type: 'none' } } : state;
    case 'welcome': {
      const command = commandFor(welcomeKeys, name);
      if (command === 'app.quit') return queue(state, { type: 'quit' });
      if (!command) return state;
      const closed: AppState = { ...state, overlay: { type: 'none' } };
      return command === 'welcome.add' ? openWizard(closed, 'webhook') : closed;
    }
    case 'confirmRemove': {
      const command = commandFor(confirmKeys, name);
      if (command === 'confirm.no') {
        const back: Overlay =
          overlay.from === 'detail'
            ? { type: 'detail', kind: overlay.kind, hookId: overlay.hookId, scroll: 0 }
            : { type: 'none' };
        return { ...state, overlay: back };
      }
      if (command !== 'confirm.yes') return state;
      const owner = selectedOwner(state);
      if (!owner) return state;
      return queue(
        { ...state, overlay: { type: 'busy', text: `Removing ${overlay.name}…` } },
        {
          type: 'removeHook',
          kind: overlay.kind,
          ownerId: owner.id,
          hookId: overlay.hookId,
        },
      );
    }
    case 'detail': {
      const command = commandFor(detailKeys, name);
      if (command === 'detail.close') return { ...state, overlay: { type: 'none' } };
      if (command === 'detail.secrets')
        return { ...state, overlay: { ...overlay, showSecrets: !overlay.showSecrets } };
      if (command === 'nav.up')
        return { ...state, overlay: { ...overlay, scroll: Math.max(0, overlay.scroll - 1) } };
      if (command === 'nav.down') return { ...state, overlay: { ...overlay, scroll: overlay.scroll + 1 } };
      if (command)
        return hookCommand(state, command, findHook(state, overlay.kind, overlay.hookId), 'detail');
      return undefined;
    }
    case 'exportPrompt':
      return exportPromptKey(state, overlay, name);
    case 'busy':
    case 'wizard':
      return state;
    case 'none':
      return undefined;
  }
}

type HelpArea = { width: number; height: number };

function keyReducer(state: AppState, name: string, pageSize: number, area: HelpArea): AppState {
  if (name === 'ctrl+c') return queue(state, { type: 'quit' });
  const fromOverlay = overlayKey(state, name, area);
  if (fromOverlay) return fromOverlay;
  if (state.overlay.type === 'detail') {
    const command = commandFor(globalKeys, name);
    return command ? globalKey({ ...state, overlay: { type: 'none' } }, command) : state;
  }
  const pane = state.focus;
  if (listOf(state, pane).filtering) return filterKey(state, pane, name);
  const maps = activeKeyMaps(state);
  for (const map of maps) {
    const command = commandFor(map, name);
    if (!command) continue;
    if (map === globalKeys) return globalKey(state, command);
    // The Activity pane handles its own keys; only its filter is the hook list's (typing stays local).
    if (map === activityKeys)
      return command === 'list.filter' ? listKey(state, pane, command, pageSize) : state;
    return listKey(state, pane, command, pageSize);
  }
  return state;
}

function ownersOf(summary: Summary): OwnerEntry[] {
  const entry = (
    kind: OwnerEntry['kind'],
    o: Summary['user'] | Summary['organisations'][number],
    fallbackName: string,
  ): OwnerEntry => ({
    id: o.id,
    name: o.name || fallbackName,
    kind,
    apps: o.applications
      .map((a) => ({ id: a.id, name: a.name, state: a.state ?? '' }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    addons: o.addons.map((a) => ({ id: a.id, name: a.name || a.realId || a.id })),
  });
  const personal = entry('user', summary.user, 'Personal space');
  // The personal space may also be listed among the organisations.
  const orgs = summary.organisations
    .filter((o) => o.id !== summary.user.id)
    .map((o) => entry('organisation', o, o.id))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [{ ...personal, name: `${personal.name} (personal)` }, ...orgs];
}

export function appReducer(state: AppState, action: AppAction): AppState {
  switch (action.type) {
    case 'key':
      return keyReducer(state, action.name, action.pageSize, action.helpArea);
    case 'connected': {
      const connected: AppState = { ...state, who: action.who, preferredOwnerId: action.preferredOwnerId };
      // Shown once: remembered as soon as it is on screen, however the user leaves it.
      return action.showWelcome
        ? queue({ ...connected, overlay: { type: 'welcome' } }, { type: 'welcomeSeen' })
        : connected;
    }
    case 'connectFailed':
      return { ...state, connectError: action.error, owners: { status: 'failed', error: action.error } };
    case 'ownersLoaded': {
      const owners = ownersOf(action.summary);
      const keepId = selectedOwner(state)?.id ?? state.preferredOwnerId;
      const index = Math.max(
        0,
        owners.findIndex((o) => o.id === keepId),
      );
      const next: AppState = {
        ...state,
        owners: { status: 'ready', data: owners },
        ownerList: { ...state.ownerList, cursor: state.ownerList.filter ? state.ownerList.cursor : index },
      };
      const owner = selectedOwner(next);
      return owner && !next.hooks[owner.id] ? loadHooks(next, owner.id) : next;
    }
    case 'ownersFailed':
      return {
        ...state,
        owners: {
          status: 'failed',
          error: action.error,
          ...(state.owners.data ? { data: state.owners.data } : {}),
        },
      };
    case 'hooksLoaded':
      return {
        ...state,
        hooks: {
          ...state.hooks,
          [action.ownerId]: {
            webhooks: action.webhooks,
            emailHooks: action.emailHooks,
            people: state.hooks[action.ownerId]?.people ?? new Map(),
          },
        },
      };
    case 'peopleLoaded': {
      const hooks = state.hooks[action.ownerId];
      if (!hooks) return state;
      return { ...state, hooks: { ...state.hooks, [action.ownerId]: { ...hooks, people: action.people } } };
    }
    case 'catalogueLoaded':
      return { ...state, catalogue: action.catalogue };
    case 'effectsTaken':
      return { ...state, effects: state.effects.slice(action.count) };
    case 'wizardClosed':
      return { ...state, overlay: { type: 'none' } };
    case 'hookSaved': {
      const owner = selectedOwner(state);
      const hooks = owner ? state.hooks[owner.id] : undefined;
      if (!owner || !hooks) return { ...state, overlay: { type: 'none' } };
      const key = action.kind === 'webhook' ? 'webhooks' : 'emailHooks';
      const list: AnyHook[] = [...((hooks[key].data as AnyHook[] | undefined) ?? [])];
      const at = list.findIndex((h) => h.id === action.hook.id);
      if (at >= 0) list[at] = action.hook;
      else list.push(action.hook);
      const tab: Tab = action.kind === 'webhook' ? 'webhooks' : 'emailHooks';
      const saved: AppState = {
        ...state,
        tab,
        focus: 'hooks',
        overlay: { type: 'none' },
        hooks: { ...state.hooks, [owner.id]: { ...hooks, [key]: { status: 'ready', data: list } } },
        hookList: emptyList,
        flash: {
          text: `${action.created ? 'Created' : 'Saved'} ${action.hook.name || action.hook.id}.`,
          tone: 'ok',
        },
      };
      // Success selects the new hook; if the app filter hides it, show all apps.
      let index = visibleHooks(saved).findIndex((h) => h.id === action.hook.id);
      let next = saved;
      if (index < 0) {
        next = { ...saved, appList: { ...emptyList } };
        index = visibleHooks(next).findIndex((h) => h.id === action.hook.id);
      }
      return { ...next, hookList: { ...emptyList, cursor: Math.max(0, index) } };
    }
    case 'hookRemoved': {
      const hooks = state.hooks[action.ownerId];
      const key = action.kind === 'webhook' ? 'webhooks' : 'emailHooks';
      const flash = { text: 'Removed.', tone: 'ok' as const };
      if (!hooks?.[key].data) return { ...state, overlay: { type: 'none' }, flash };
      const data = (hooks[key].data as AnyHook[]).filter((h) => h.id !== action.hookId);
      const next: AppState = {
        ...state,
        overlay: { type: 'none' },
        flash,
        hooks: { ...state.hooks, [action.ownerId]: { ...hooks, [key]: { status: 'ready', data } } },
      };
      const count = visibleHooks(next).length;
      return { ...next, hookList: { ...next.hookList, cursor: clampCursor(next.hookList.cursor, count) } };
    }
    case 'showMessage':
      return { ...state, overlay: { type: 'message', message: action.message } };
    case 'flash':
      return { ...state, flash: { text: action.text, tone: action.tone } };
  }
}

export function useAppState() {
  return useReducer(appReducer, undefined, initialAppState);
}

// The TUI's state, as slices: what the API told us (remote), the lists and their filters, the overlay
// on top, the status line, and the effects waiting for the container to run them.

import type { EveryOwnerStatus, LiveModelSnapshot } from '../../api/live/live-model.js';
import type { EventCatalogue } from '../../domain/events.js';
import type { Hook, HookKind } from '../../domain/hooks.js';
import type { LastDeployment } from '../../domain/problems.js';
import type { TableSort } from '../../domain/table.js';
import type { Line } from '../text-field/line-edit.js';
import type { Remote } from './remote.js';

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

export interface OwnerHooks {
  webhooks: Remote<Hook[]>;
  emailHooks: Remote<Hook[]>;
  /** The names of an organisation's members by user id, for e-mail hook recipients (empty if unknown). */
  people: ReadonlyMap<string, string>;
}

// --- Remote data: fed by the live model (../state/from-live.ts), never by keys -------------------

export interface RemoteData {
  who?: Who;
  connectError?: string;
  /** Bumped to connect again after a failed connection. */
  connectAttempt: number;
  owners: Remote<OwnerEntry[]>;
  hooks: Readonly<Record<string, OwnerHooks>>;
  catalogue: EventCatalogue;
  /** Each app's last deployment (null: none), for the problems across owners. */
  lastDeployments: ReadonlyMap<string, LastDeployment | null>;
  everyOwner: EveryOwnerStatus;
}

// --- The Problems view (../problems): its cursor, by the problem's key -----------------------------

export interface ProblemsState {
  /** The problem under the cursor; when it is gone, the one now at `index`. */
  selectedKey?: string;
  index: number;
  /** Epoch ms the 24-hour window is measured from; the container ticks it. */
  now: number;
}

// --- Lists and filters ---------------------------------------------------------------------------

export interface ListState {
  /** The row under the cursor, by index among the visible rows. */
  cursor: number;
  /**
   * The same row by id: when the rows change under it (a refresh, a live change, a filter), the
   * cursor follows the id. Undefined right after a move: the row at the cursor becomes the selection.
   */
  selectedId?: string;
  filter: string;
  filtering: boolean;
  /** Where the filter is being edited, in characters. */
  filterCursor: number;
  /** A row asked for before it is listed (a hook just saved): selected as soon as it appears. */
  pendingId?: string;
}

export type Pane = 'owners' | 'apps' | 'hooks';
export type Tab = 'webhooks' | 'emailHooks' | 'activity';
export const PANES: readonly Pane[] = ['owners', 'apps', 'hooks'];

/** The tables that can be sorted by a column, each remembered on its own. */
export type SortableTable = 'webhooks' | 'emailHooks';
export type TableSorts = Partial<Record<SortableTable, TableSort>>;

export interface Lists {
  owners: ListState;
  apps: ListState;
  hooks: ListState;
  focus: Pane;
  tab: Tab;
  /** The column each table is sorted by; none: the API's order. */
  sorts: TableSorts;
}

// --- Overlays ------------------------------------------------------------------------------------

export interface Message {
  title: string;
  lines: string[];
  tone: 'ok' | 'warning' | 'error' | 'info';
}

export type Overlay =
  | { type: 'none' }
  /** `under`: the view the help was opened from, shown again when it closes. */
  | { type: 'help'; scroll: number; under?: 'problems' }
  /** Every problem across owners (../problems), over the whole body. */
  | { type: 'problems' }
  /** `picking`: the cursor of the owner picker of "add your first webhook", when there are several. */
  | { type: 'welcome'; picking?: number }
  | { type: 'detail'; kind: HookKind; hookId: string; scroll: number; showSecrets?: boolean }
  | { type: 'confirmRemove'; kind: HookKind; hookId: string; name: string; from: 'list' | 'detail' }
  /** Re-enabling a DISABLED webhook: its last failures, as lines, shown before the user says yes. */
  | { type: 'confirmEnable'; hookId: string; name: string; failures: string[]; from: 'list' | 'detail' }
  | { type: 'wizard'; kind: HookKind; hookId?: string; serial: number }
  | { type: 'busy'; text: string }
  | { type: 'message'; message: Message }
  | { type: 'exportPrompt'; ownerId: string; ownerName: string; line: Line };

/** A one-line status ("Removed the webhook ci."): cleared by the next key, or after a few seconds. */
export interface Status {
  text: string;
  tone: Message['tone'];
  serial: number;
}

export type Effect =
  /** `everyOwner`: every owner's hooks and apps' deployments too (the Problems view's r). */
  | { type: 'reload'; ownerId?: string; everyOwner?: boolean }
  | { type: 'loadHooks'; ownerId: string; organisation: boolean }
  | { type: 'rememberOwner'; ownerId: string }
  | { type: 'rememberSort'; table: SortableTable; sort: TableSort | undefined }
  | { type: 'removeHook'; hook: Hook }
  | { type: 'testHook'; hook: Hook & { kind: 'webhook' } }
  | { type: 'exportOwner'; ownerId: string; ownerName: string; path: string }
  | { type: 'welcomeSeen' }
  /** Written to the terminal as OSC 52: the terminal puts the text on the clipboard. */
  | { type: 'copy'; text: string }
  | { type: 'enableHook'; hook: Hook & { kind: 'webhook' } }
  /** Opens a Console page in the browser (`page` names it in what the user is told). */
  | { type: 'openUrl'; url: string; page: string }
  | { type: 'quit' };

export interface AppState {
  remote: RemoteData;
  lists: Lists;
  overlay: Overlay;
  problems: ProblemsState;
  wizardSerial: number;
  status?: Status;
  statusSerial: number;
  /** The last live-model notice (a hook turned DISABLED) already said on the status line. */
  noticeSeq: number;
  effects: readonly Effect[];
}

export interface HelpArea {
  width: number;
  height: number;
}

export type AppAction =
  | {
      type: 'key';
      name: string;
      pageSize: number;
      /** The area the help overlay fills, so that it scrolls as far as it shows. */
      helpArea: HelpArea;
    }
  | { type: 'connected'; preferredOwnerId?: string; sorts?: TableSorts }
  /** First run without credentials, once the owners are known: the welcome screen. */
  | { type: 'welcome' }
  | { type: 'connectFailed'; error: string }
  /** The live model has a new snapshot. */
  | { type: 'live'; snapshot: LiveModelSnapshot }
  | { type: 'catalogueLoaded'; catalogue: EventCatalogue }
  | { type: 'effectsTaken'; count: number }
  | { type: 'hookSaved'; hook: Hook; created: boolean }
  | { type: 'wizardClosed' }
  /** Ctrl-C in the wizard, confirmed when answers would be lost. */
  | { type: 'quitRequested' }
  | { type: 'hookRemoved'; hook: Hook }
  | { type: 'showMessage'; message: Message }
  | { type: 'status'; text: string; tone: Message['tone'] }
  | { type: 'statusExpired'; serial: number }
  /** The time, for what "the last 24 hours" means (the Problems view). */
  | { type: 'clock'; now: number };

// The public face of the one live model (docs/live-model.md): one store of what the app knows about the
// account, fed by REST loads and the live streams, read by the TUI (through React's
// useSyncExternalStore) and by `clever-notify tail`. This file holds the types only; the store itself is
// ./live-store.ts (`createLiveModel`).
import type { ActivityState } from '../../domain/live-activity.js';
import type { CompiledLiveFilter } from '../../domain/live-filter.js';
import type { LastDeployment } from '../../domain/problems.js';
import type { EmailHook, OrganisationMember, Self, Webhook } from '../../domain/schemas.js';
import type { SocketStatus } from '../event-socket.js';
import type { ApiTarget, CleverApi } from '../types.js';
import type { DeliveryStreamStatus } from './delivery-stream.js';

/**
 * Something loaded from the API. Old data stays while a load runs and after a load fails, so that a
 * refresh never blanks a table (no flicker, no lost selection): `data` is only ever replaced by newer
 * data, never by nothing.
 */
export interface Loadable<T> {
  /** Absent until the first answer. */
  readonly data?: T;
  /** A load (first or refresh) is running. */
  readonly loading: boolean;
  /** What the last load that failed said; cleared by the next one that succeeds. */
  readonly error?: string;
  /** Epoch ms of the answer `data` came from. */
  readonly updatedAt?: number;
}

export interface LiveApp {
  readonly id: string;
  readonly name: string;
  readonly state: string;
}

export interface LiveAddon {
  readonly id: string;
  readonly name: string;
}

/** The personal space or an organisation, with its apps and add-ons (from `GET /v2/summary`). */
export interface LiveOwner {
  readonly id: string;
  readonly name: string;
  readonly kind: 'user' | 'organisation';
  readonly apps: readonly LiveApp[];
  readonly addons: readonly LiveAddon[];
}

/**
 * The hooks of one owner. Each list keeps the order of the API's answer, a hook added since (by a live
 * change or a local write) last. A hook that did not change keeps the same object from one snapshot to
 * the next (`===`), so memoised rows do not re-render; a changed hook is a new object with the same id.
 */
export interface LiveOwnerHooks {
  readonly webhooks: Loadable<readonly Webhook[]>;
  readonly emailHooks: Loadable<readonly EmailHook[]>;
  /** Organisation members (to name the people e-mail hooks notify); loaded on demand by `loadMembers`. */
  readonly members: Loadable<readonly OrganisationMember[]>;
}

/** Said once when a webhook turns DISABLED (by a delivery or a refresh), for a one-line notice. */
export interface HookNotice {
  /** Increasing: a view shows the newest one it has not dismissed. */
  readonly seq: number;
  readonly at: number;
  readonly ownerId: string;
  readonly hookId: string;
  readonly hookName: string;
  /** e.g. "disabled after 5 failed deliveries" or "disabled: the receiver answered 410 Gone". */
  readonly text: string;
}

/** How sure the store is of what the API is (see `ApiTarget`). */
export interface LiveTarget extends ApiTarget {
  /** False until the API said (the sandbox-only endpoint answered, or not). */
  readonly known: boolean;
  /** The sandbox's version, when it is one. */
  readonly sandboxVersion?: string;
}

export type HookStreamStatus = DeliveryStreamStatus;

export interface LiveConnection {
  socket: SocketStatus;
  /** Set on the sandbox, which has a delivery log to follow. */
  deliveries?: DeliveryStreamStatus | undefined;
  /** Set on the sandbox: its change stream of hooks (GET /sandbox/v1/hooks/stream). */
  hooks?: HookStreamStatus | undefined;
  /** A poll of the deployments list is running or due (reconnection, or a deployment in progress). */
  polling: boolean;
}

/** Everything the store knows, immutable: a new object on every change, the same one otherwise. */
export interface LiveModelSnapshot {
  readonly target: LiveTarget;
  readonly self: Loadable<Self>;
  /** The personal space first, then the organisations. */
  readonly owners: Loadable<readonly LiveOwner[]>;
  /** By owner id; an owner is absent until its hooks are asked for. */
  readonly hooks: ReadonlyMap<string, LiveOwnerHooks>;
  /** Deployments, events and webhook deliveries, newest first (bounded). */
  readonly activity: ActivityState;
  readonly connection: LiveConnection;
  /** Names rows show instead of ids: apps, add-ons and owners (one map: ids have distinct prefixes). */
  readonly appNames: ReadonlyMap<string, string>;
  readonly hookNames: ReadonlyMap<string, string>;
  /** Hooks that turned DISABLED while watched, oldest first (the latest few). */
  readonly notices: readonly HookNotice[];
  /**
   * The last deployment of each app the store knows of, by app id (null: the app has none): asked for
   * by `watchEveryOwner`, then kept current by the event socket and the deployments polls.
   */
  readonly lastDeployments: ReadonlyMap<string, LastDeployment | null>;
  readonly everyOwner: EveryOwnerStatus;
}

/** Where `watchEveryOwner`'s loading stands. */
export interface EveryOwnerStatus {
  /** Every owner's hooks and the apps' last deployments are being asked for. */
  readonly loading: boolean;
  /** Apps whose last deployment was not asked for (past the bound): only the socket's news covers them. */
  readonly appsLeftOut: number;
}

/** The part of a snapshot that activity views (`tail`'s printers, the Activity tab) read. */
export type LiveActivityView = Pick<LiveModelSnapshot, 'activity' | 'connection' | 'appNames' | 'hookNames'>;

/** A hook written by this process (the TUI's wizard or remove), applied at once without a reload. */
export type LocalHookWrite =
  | { type: 'saved'; kind: 'webhook'; hook: Webhook }
  | { type: 'saved'; kind: 'email'; hook: EmailHook }
  | { type: 'removed'; kind: 'webhook' | 'email'; ownerId: string; hookId: string };

export interface LiveModelOptions {
  api: CleverApi;
  /** For the connections made outside the client (event socket, streams); `ca`: a TLS sandbox's CA. */
  credentials: { apiHost: string; authorization: () => string; ca?: string | undefined };
  /** What the activity takes in (`tail --org/--app/--event`); absent: everything. */
  filter?: CompiledLiveFilter;
  /** Activity rows kept (default 500). */
  capacity?: number;
  /** Shortest time between two notifications of subscribers (default 33 ms). */
  flushIntervalMs?: number;
  /** Clever Cloud: how often the watched owner's hooks are listed again (default 30 s). */
  hookRefreshMs?: number;
  /** Clever Cloud: how long after a deployment end of the watched owner its hooks are listed (default 3 s). */
  hookRefreshAfterDeploymentMs?: number;
  /** How often to poll the deployments list while one is in progress or the socket is down (default 3 s). */
  pollIntervalMs?: number;
  socketBaseDelayMs?: number;
  /** Apps whose deployments a reconnection polls even before any row names them (`tail --app`). */
  watchedApps?: readonly string[];
  /**
   * Epoch ms: replay what happened since then before going live (`tail --since`), as rows marked
   * `replay`. Absent: only what happens from the start, plus deployments in progress.
   */
  replaySince?: number;
}

export interface LiveModel {
  /** For useSyncExternalStore: the current snapshot, the same object until something changed. */
  getSnapshot(): LiveModelSnapshot;
  /** For useSyncExternalStore: called (at most once per flush interval) after the snapshot changed. */
  subscribe(listener: () => void): () => void;

  /** Who, and the owners with their apps (one summary request), and what the API is, in parallel. */
  load(): Promise<void>;
  /** The webhooks and e-mail hooks of an owner, unless loaded already (`force`: again, keeping data). */
  loadHooks(ownerId: string, options?: { force?: boolean }): Promise<void>;
  /** An organisation's members, unless loaded already. */
  loadMembers(ownerId: string): Promise<void>;
  /** `r`: the owners and the given owner's hooks again, in place (rows keep their identity). */
  refresh(ownerId?: string): Promise<void>;

  /**
   * Runs the live sources (event socket; on the sandbox the delivery and hook streams) until every
   * caller released. The TUI calls it once for its life, `tail` for its run.
   */
  watch(): () => void;
  /**
   * The owner on screen: its hooks are loaded and kept fresh until released (on the sandbox by the hook
   * stream; on Clever Cloud every `hookRefreshMs` and `hookRefreshAfterDeploymentMs` after each
   * deployment end of that owner). Several owners may be watched at once.
   */
  watchOwner(ownerId: string): () => void;
  /**
   * Every owner, for views across owners (problems): every owner's hooks (a few lists at once) and the
   * last deployment of each app (a bounded number, see `every-owner.ts`), kept fresh until released: on
   * the sandbox by the hook stream, on Clever Cloud by listing every owner's hooks every
   * `hookRefreshMs`; deployments by the event socket.
   */
  watchEveryOwner(): () => void;
  /** `r` in a view across owners: the owners, every owner's hooks and the apps' last deployments again. */
  refreshEveryOwner(): Promise<void>;

  /** A hook saved or removed by this process, applied to the snapshot at once. */
  applyLocalWrite(write: LocalHookWrite): void;

  /** Test hooks: cut a connection as the network would. */
  dropSocket(): void;
  dropStreams(): void;

  /** Stops everything; the snapshot stays readable. */
  close(): void;
}

// The one live model (docs/live-model.md): what the app knows about the account, fed by REST loads, the
// event socket, the deployments list polled to reconcile what the socket missed, and on the sandbox its
// delivery log and hook change stream. Every change of a tick is applied as one batch and announced
// once, so that a burst of a thousand events costs one new snapshot and one update of each view.
import type { Delivery } from '../../domain/deliveries.js';
import type { HookStreamMessage } from '../../domain/hook-changes.js';
import {
  type ActivityAction,
  type ActivityState,
  appIdOfEvent,
  appsInProgress,
  DEFAULT_CAPACITY,
  emptyActivity,
  reduceActivity,
} from '../../domain/live-activity.js';
import {
  disabledReason,
  failureTime,
  mergeById,
  newFailures,
  removeById,
  upsertById,
} from '../../domain/live-hooks.js';
import { deploymentStateOfEvent, type LastDeployment, nextLastDeployment } from '../../domain/problems.js';
import {
  type EmailHook,
  type EventEnvelope,
  eventData,
  type Summary,
  type Webhook,
} from '../../domain/schemas.js';
import type { EventSocket, SocketStatus } from '../event-socket.js';
import { EveryOwnerWatch, lastDeploymentOf } from './every-owner.js';
import type {
  EveryOwnerStatus,
  HookNotice,
  LiveConnection,
  LiveModel,
  LiveModelOptions,
  LiveModelSnapshot,
  LiveOwner,
  LiveOwnerHooks,
  LiveTarget,
  Loadable,
  LocalHookWrite,
} from './live-model.js';
import type { LiveConnections } from './sources.js';
import type { SseStream } from './sse-stream.js';

type Sources = typeof import('./sources.js');

const POLL_INTERVAL_MS = 3000;
const DEPLOYMENTS_PER_POLL = 10;
const MAX_APPS_PER_POLL = 20;
const RESULT_EVENTS = ['DEPLOYMENT_ACTION_END', 'DEPLOYMENT_SUCCESS', 'DEPLOYMENT_FAIL'];
const END_EVENTS = new Set(RESULT_EVENTS);
/** Deployments a little older than the start are still news: the socket may have connected late. */
const START_MARGIN_MS = 5000;
/** About a frame of the TUI (it draws at most 30 per second). */
const FLUSH_INTERVAL_MS = 33;
const HOOK_REFRESH_MS = 30_000;
const HOOK_REFRESH_AFTER_DEPLOYMENT_MS = 3000;
/** A delivery of a hook the lists do not name asks them again, at most this often per owner. */
const UNKNOWN_HOOK_TTL_MS = 10_000;
const NOTICES_KEPT = 20;

export function createLiveModel(options: LiveModelOptions): LiveModel {
  return new LiveStore(options);
}

const idle: Loadable<never> = { loading: false };

function loadingFrom<T>(current: Loadable<T>): Loadable<T> {
  return current.loading ? current : { ...current, loading: true };
}

function loaded<T>(data: T, at: number): Loadable<T> {
  return { data, loading: false, updatedAt: at };
}

function failedFrom<T>(current: Loadable<T>, error: unknown): Loadable<T> {
  const { error: _old, ...rest } = current;
  return { ...rest, loading: false, error: error instanceof Error ? error.message : String(error) };
}

const emptyOwnerHooks: LiveOwnerHooks = { webhooks: idle, emailHooks: idle, members: idle };

function ownersOf(summary: Summary): LiveOwner[] {
  const owner = (
    o: Summary['user'] | Summary['organisations'][number],
    kind: LiveOwner['kind'],
    fallbackName: string,
  ): LiveOwner => ({
    id: o.id,
    name: o.name ?? fallbackName,
    kind,
    apps: o.applications.map((a) => ({ id: a.id, name: a.name, state: a.state ?? '' })),
    addons: o.addons.map((a) => ({ id: a.id, name: a.name ?? a.id })),
  });
  return [
    owner(summary.user, 'user', 'Personal space'),
    ...summary.organisations.map((o) => owner(o, 'organisation', o.id)),
  ];
}

class LiveStore implements LiveModel {
  private snapshot: LiveModelSnapshot;
  private readonly listeners = new Set<() => void>();
  private readonly api: LiveModelOptions['api'];

  private target: LiveTarget;
  private self: LiveModelSnapshot['self'] = idle;
  private owners: LiveModelSnapshot['owners'] = idle;
  private hooks: ReadonlyMap<string, LiveOwnerHooks> = new Map();
  private activity: ActivityState;
  private connection: LiveConnection;
  private appNames: ReadonlyMap<string, string> = new Map();
  private hookNames: ReadonlyMap<string, string> = new Map();
  private notices: readonly HookNotice[] = [];
  private noticeSeq = 0;
  private lastDeployments: ReadonlyMap<string, LastDeployment | null> = new Map();
  private everyOwner: EveryOwnerStatus = { loading: false, appsLeftOut: 0 };
  private readonly everyOwnerWatch: EveryOwnerWatch;

  private readonly appOwners = new Map<string, string>();
  private readonly hookLoads = new Map<string, Promise<void>>();
  /** Stream changes that arrived while a list of that owner was loading: applied again after it. */
  private readonly changesDuringLoad = new Map<string, HookStreamMessage[]>();
  private readonly unknownHookAsked = new Map<string, number>();
  private ownersLoad: Promise<void> | undefined;

  private queue: ActivityAction[] = [];
  private dirty = false;
  private flushScheduled = false;
  private lastFlush = 0;
  private closed = false;

  // Live sources, while watched.
  private watchers = 0;
  private everWatched = false;
  /** The first watch's history (deployments in progress, `replaySince`) is in: streams go on from it. */
  private replayDone = false;
  private since: number;
  private socket: EventSocket | undefined;
  private deliveries: SseStream<Delivery> | undefined;
  private hookChanges: SseStream<HookStreamMessage> | undefined;
  private deliveryCursor: string | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private polling = false;
  /** Loaded with the sources (sources.ts), when the model is first watched. */
  private sources: Promise<Sources> | undefined;
  /** Counts starts and stops of the sources: a start whose sources loaded after a stop does nothing. */
  private sourcesRun = 0;
  private connections: LiveConnections | undefined;

  // Owners on screen: how many watch each, and their refresh timers (Clever Cloud).
  private readonly watchedOwners = new Map<string, number>();
  private readonly refreshTimers = new Map<string, NodeJS.Timeout>();
  private readonly afterDeploymentTimers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly options: LiveModelOptions) {
    this.api = options.api;
    this.target = { ...options.api.target, known: false };
    this.activity = emptyActivity(options.capacity ?? DEFAULT_CAPACITY);
    this.connection = { socket: { state: 'closed' }, polling: false };
    this.since = Date.now() - START_MARGIN_MS;
    this.snapshot = this.build();
    this.everyOwnerWatch = new EveryOwnerWatch({
      api: this.api,
      owners: () => this.owners.data,
      loadOwners: () => this.loadOwners(),
      loadHooks: (ownerId, force) => this.loadHooks(ownerId, { force }),
      streamCovers: () => this.hookStreamCovers(),
      knows: (appId) => this.lastDeployments.has(appId),
      onDeployment: (appId, last) => {
        if (last) this.deploymentNews(appId, last);
        else if (!this.lastDeployments.has(appId)) {
          this.lastDeployments = new Map(this.lastDeployments).set(appId, null);
          this.changed();
        }
      },
      onStatus: (status) => {
        this.everyOwner = status;
        this.changed();
      },
      refreshMs: options.hookRefreshMs ?? HOOK_REFRESH_MS,
    });
  }

  // The store's face: snapshot and subscription

  getSnapshot = (): LiveModelSnapshot => this.snapshot;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  private build(): LiveModelSnapshot {
    return {
      target: this.target,
      self: this.self,
      owners: this.owners,
      hooks: this.hooks,
      activity: this.activity,
      connection: this.connection,
      appNames: this.appNames,
      hookNames: this.hookNames,
      notices: this.notices,
      lastDeployments: this.lastDeployments,
      everyOwner: this.everyOwner,
    };
  }

  private changed(): void {
    this.dirty = true;
    this.schedule();
  }

  /**
   * One flush per tick at most, and at most one per `flushIntervalMs`: a burst of a thousand frames
   * costs one merge and one notification, not a thousand (and far less garbage).
   */
  private schedule(): void {
    if (this.flushScheduled || this.closed) return;
    this.flushScheduled = true;
    const wait = this.lastFlush + (this.options.flushIntervalMs ?? FLUSH_INTERVAL_MS) - Date.now();
    if (wait > 0) setTimeout(() => this.flush(), wait);
    else setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    this.lastFlush = Date.now();
    if (this.closed) return;
    if (this.queue.length > 0) {
      const actions = this.queue;
      this.queue = [];
      this.activity = reduceActivity(this.activity, actions);
      this.dirty = true;
    }
    if (this.watchers > 0) this.armPoll();
    if (!this.dirty) return;
    this.dirty = false;
    this.snapshot = this.build();
    for (const listener of [...this.listeners]) listener();
  }

  private enqueue(action: ActivityAction): void {
    this.queue.push(action);
    this.schedule();
  }

  // Loads

  /** Resolves once the snapshot holds what the loads found (not only once the next flush is due). */
  async load(): Promise<void> {
    await Promise.all([this.identify(), this.loadSelf(), this.loadOwners()]);
    if (this.dirty) this.flush();
  }

  private async identify(): Promise<void> {
    const found = await this.api.identify();
    this.target = { ...found, known: true };
    this.changed();
    if (this.watchers > 0 && this.replayDone) this.startSandboxStreams();
  }

  private async loadSelf(): Promise<void> {
    this.self = loadingFrom(this.self);
    this.changed();
    try {
      this.self = loaded(await this.api.self(), Date.now());
    } catch (error) {
      this.self = failedFrom(this.self, error);
    }
    this.changed();
  }

  private loadOwners(): Promise<void> {
    this.ownersLoad ??= (async () => {
      this.owners = loadingFrom(this.owners);
      this.changed();
      try {
        const owners = ownersOf(await this.api.summary());
        this.owners = loaded(mergeById(this.owners.data, owners), Date.now());
        const names = new Map(this.appNames);
        for (const owner of owners) {
          // Rows of owner-level events show the owner; ids have distinct prefixes, so one map serves.
          names.set(owner.id, owner.name);
          for (const app of owner.apps) {
            names.set(app.id, app.name);
            this.appOwners.set(app.id, owner.id);
          }
          for (const addon of owner.addons) names.set(addon.id, addon.name);
        }
        this.appNames = names;
        // An owner that appeared since (a new organisation) is looked at too.
        if (this.everyOwnerWatch.watching) for (const owner of owners) void this.loadHooks(owner.id);
      } catch (error) {
        this.owners = failedFrom(this.owners, error);
      } finally {
        this.ownersLoad = undefined;
      }
      this.changed();
    })();
    return this.ownersLoad;
  }

  loadHooks(ownerId: string, options: { force?: boolean } = {}): Promise<void> {
    const running = this.hookLoads.get(ownerId);
    if (running) return running;
    const current = this.hooks.get(ownerId);
    if (!options.force && current?.webhooks.data && current.emailHooks.data) return Promise.resolve();
    const load = this.listHooks(ownerId).finally(() => this.hookLoads.delete(ownerId));
    this.hookLoads.set(ownerId, load);
    return load;
  }

  private async listHooks(ownerId: string): Promise<void> {
    this.changesDuringLoad.set(ownerId, []);
    this.patchOwner(ownerId, (h) => ({
      ...h,
      webhooks: loadingFrom(h.webhooks),
      emailHooks: loadingFrom(h.emailHooks),
    }));
    const [webhooks, emailHooks] = await Promise.allSettled([
      this.api.listWebhooks(ownerId),
      this.api.listEmailHooks(ownerId),
    ]);
    const at = Date.now();
    const before = this.hooks.get(ownerId)?.webhooks.data;
    this.patchOwner(ownerId, (h) => ({
      ...h,
      webhooks:
        webhooks.status === 'fulfilled'
          ? loaded(mergeById(h.webhooks.data, webhooks.value), at)
          : failedFrom(h.webhooks, webhooks.reason),
      emailHooks:
        emailHooks.status === 'fulfilled'
          ? loaded(mergeById(h.emailHooks.data, emailHooks.value), at)
          : failedFrom(h.emailHooks, emailHooks.reason),
    }));
    if (webhooks.status === 'fulfilled' && before) {
      const old = new Map(before.map((h) => [h.id, h]));
      for (const hook of webhooks.value) this.webhookChanged(old.get(hook.id), hook, at);
    }
    // What the stream said meanwhile is newer than (or the same as) the answer.
    const meanwhile = this.changesDuringLoad.get(ownerId) ?? [];
    this.changesDuringLoad.delete(ownerId);
    for (const change of meanwhile) this.applyHookChange(change);
    this.renameHooks();
    // An owner's first lists are what its screen waits for: shown now, not after the flush's pause.
    if (!before && this.dirty) this.flush();
  }

  async loadMembers(ownerId: string): Promise<void> {
    const current = this.hooks.get(ownerId)?.members;
    if (current?.data || current?.loading) return;
    this.patchOwner(ownerId, (h) => ({ ...h, members: loadingFrom(h.members) }));
    try {
      const members = await this.api.members(ownerId);
      this.patchOwner(ownerId, (h) => ({ ...h, members: loaded(members, Date.now()) }));
    } catch (error) {
      this.patchOwner(ownerId, (h) => ({ ...h, members: failedFrom(h.members, error) }));
    }
  }

  async refresh(ownerId?: string): Promise<void> {
    await Promise.all([this.loadOwners(), ...(ownerId ? [this.loadHooks(ownerId, { force: true })] : [])]);
  }

  private patchOwner(ownerId: string, patch: (hooks: LiveOwnerHooks) => LiveOwnerHooks): void {
    const next = new Map(this.hooks);
    next.set(ownerId, patch(this.hooks.get(ownerId) ?? emptyOwnerHooks));
    this.hooks = next;
    this.changed();
  }

  private renameHooks(): void {
    const names = new Map<string, string>();
    for (const owner of this.hooks.values()) {
      for (const hook of owner.webhooks.data ?? []) names.set(hook.id, hook.name || hook.id);
      for (const hook of owner.emailHooks.data ?? []) names.set(hook.id, hook.name || hook.id);
    }
    this.hookNames = names;
    this.changed();
  }

  /** What a webhook's change says besides itself: a notice when it turned DISABLED, new failures. */
  private webhookChanged(previous: Webhook | undefined, next: Webhook, at: number): void {
    const reason = disabledReason(previous, next);
    if (reason) {
      const notice: HookNotice = {
        seq: ++this.noticeSeq,
        at,
        ownerId: next.ownerId,
        hookId: next.id,
        hookName: next.name || next.id,
        text: `${next.name || next.id} ${reason}`,
      };
      this.notices = [...this.notices, notice].slice(-NOTICES_KEPT);
      this.changed();
    }
    // The sandbox's delivery log already shows every attempt; Clever Cloud's only trace is `failures[]`.
    if (this.target.kind === 'sandbox') return;
    const fresh = newFailures(previous, next);
    if (fresh.length === 0) return;
    this.enqueue({
      type: 'hookFailures',
      ownerId: next.ownerId,
      hookId: next.id,
      failures: fresh,
      at: Math.max(...fresh.map((f) => failureTime(f, at))),
    });
  }

  // Local writes and stream changes, applied by id

  /** Applied and announced at once: the view that made the write shows it in the same render. */
  applyLocalWrite(write: LocalHookWrite): void {
    const at = Date.now();
    if (write.type === 'saved') {
      this.applyHookChange(
        write.kind === 'webhook'
          ? { type: 'webhook.put', cursor: '', at, ownerId: write.hook.ownerId, hook: write.hook }
          : { type: 'emailhook.put', cursor: '', at, ownerId: write.hook.ownerId, hook: write.hook },
      );
    } else {
      this.applyHookChange({
        type: write.kind === 'webhook' ? 'webhook.removed' : 'emailhook.removed',
        cursor: '',
        at,
        ownerId: write.ownerId,
        hookId: write.hookId,
      });
    }
    this.flush();
  }

  private applyHookChange(change: HookStreamMessage): void {
    if (change.type === 'reset') {
      for (const ownerId of this.hooks.keys()) void this.loadHooks(ownerId, { force: true });
      return;
    }
    this.changesDuringLoad.get(change.ownerId)?.push(change);
    // Only owners whose lists were asked for are kept: a change of another is not news to anyone.
    const owner = this.hooks.get(change.ownerId);
    if (!owner) return;
    const webhooks = owner.webhooks.data;
    switch (change.type) {
      case 'webhook.put': {
        const previous = webhooks?.find((h) => h.id === change.hook.id);
        this.patchOwner(change.ownerId, (h) => ({
          ...h,
          webhooks: { ...h.webhooks, data: upsertById(h.webhooks.data, change.hook) },
        }));
        this.webhookChanged(previous, change.hook, change.at);
        break;
      }
      case 'webhook.removed':
        this.patchOwner(change.ownerId, (h) => ({
          ...h,
          webhooks: { ...h.webhooks, data: removeById(h.webhooks.data, change.hookId) },
        }));
        break;
      case 'emailhook.put':
        this.patchOwner(change.ownerId, (h) => ({
          ...h,
          emailHooks: { ...h.emailHooks, data: upsertById<EmailHook>(h.emailHooks.data, change.hook) },
        }));
        break;
      case 'emailhook.removed':
        this.patchOwner(change.ownerId, (h) => ({
          ...h,
          emailHooks: { ...h.emailHooks, data: removeById(h.emailHooks.data, change.hookId) },
        }));
        break;
    }
    this.renameHooks();
  }

  // Owners on screen

  watchOwner(ownerId: string): () => void {
    this.watchedOwners.set(ownerId, (this.watchedOwners.get(ownerId) ?? 0) + 1);
    void this.loadHooks(ownerId);
    if (!this.refreshTimers.has(ownerId)) {
      const every = this.options.hookRefreshMs ?? HOOK_REFRESH_MS;
      const timer = setInterval(() => {
        if (!this.hookStreamCovers()) void this.loadHooks(ownerId, { force: true });
      }, every);
      timer.unref?.();
      this.refreshTimers.set(ownerId, timer);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const count = (this.watchedOwners.get(ownerId) ?? 1) - 1;
      if (count > 0) {
        this.watchedOwners.set(ownerId, count);
        return;
      }
      this.watchedOwners.delete(ownerId);
      clearInterval(this.refreshTimers.get(ownerId));
      this.refreshTimers.delete(ownerId);
      clearTimeout(this.afterDeploymentTimers.get(ownerId));
      this.afterDeploymentTimers.delete(ownerId);
    };
  }

  // Every owner (views across owners)

  watchEveryOwner(): () => void {
    return this.everyOwnerWatch.watch();
  }

  refreshEveryOwner(): Promise<void> {
    return this.everyOwnerWatch.refresh();
  }

  /** A deployment's news (socket or poll) updates its app's last deployment. */
  private deploymentNews(appId: string, news: LastDeployment): void {
    const current = this.lastDeployments.get(appId);
    const next = nextLastDeployment(current, news);
    if (next === current) return;
    const map = new Map(this.lastDeployments);
    map.set(appId, next);
    this.lastDeployments = map;
    this.changed();
  }

  /** On the sandbox, a connected hook stream says every change: no need to ask. */
  private hookStreamCovers(): boolean {
    return this.target.kind === 'sandbox' && this.connection.hooks?.state === 'connected';
  }

  /** Deliveries follow results: a watched owner's hooks are listed again shortly after each end. */
  private afterDeploymentEnd(ownerId: string): void {
    const watched = this.watchedOwners.has(ownerId) || this.everyOwnerWatch.watching;
    if (!watched || this.hookStreamCovers()) return;
    clearTimeout(this.afterDeploymentTimers.get(ownerId));
    const timer = setTimeout(() => {
      this.afterDeploymentTimers.delete(ownerId);
      void this.loadHooks(ownerId, { force: true });
    }, this.options.hookRefreshAfterDeploymentMs ?? HOOK_REFRESH_AFTER_DEPLOYMENT_MS);
    timer.unref?.();
    this.afterDeploymentTimers.set(ownerId, timer);
  }

  // Live sources

  watch(): () => void {
    this.watchers++;
    if (this.watchers === 1) this.startSources();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.watchers--;
      if (this.watchers === 0) this.stopSources();
    };
  }

  private loadSources(): Promise<Sources> {
    this.sources ??= import('./sources.js').then((sources) => {
      const { ca } = this.options.credentials;
      this.connections = sources.liveConnections(ca);
      return sources;
    });
    return this.sources;
  }

  private startSources(): void {
    const run = ++this.sourcesRun;
    this.connection = { ...this.connection, socket: { state: 'connecting', attempt: 0 } };
    this.changed();
    this.loadSources().then(
      (sources) => {
        if (run === this.sourcesRun && this.watchers > 0 && !this.closed) this.openSources(sources);
      },
      (error: unknown) => this.onSocketStatus({ state: 'failed', message: String(error) }, false),
    );
  }

  private openSources(sources: Sources): void {
    const resumed = this.everWatched;
    const firstTime = !this.everWatched;
    this.everWatched = true;
    const { credentials } = this.options;
    this.socket = new sources.EventSocket({
      apiHost: credentials.apiHost,
      authorization: credentials.authorization,
      onEvent: (envelope) => this.onEvent(envelope),
      onStatus: (status) => this.onSocketStatus(status, resumed),
      ca: this.connections?.ca,
      ...(this.options.socketBaseDelayMs ? { baseDelayMs: this.options.socketBaseDelayMs } : {}),
    });
    this.socket.start();
    if (firstTime) void this.startFirstTime(sources);
    else if (this.target.known && this.replayDone) this.startSandboxStreams();
    this.changed();
  }

  /** History asked for first (`replaySince`), then deployments in progress, then the streams. */
  private async startFirstTime({ replayHistory, newestDeliveryCursor }: Sources): Promise<void> {
    // Where the delivery log ends as the view starts, asked before the lists and the history (which
    // take a while on a big account): the delivery stream resumes from there, so that deliveries made
    // meanwhile are shown rather than lost. A replay (`since`) gives its own end instead.
    let deliveriesFrom: Promise<string | undefined> | undefined;
    const askDeliveriesEnd = () => {
      const sandbox = this.sandboxConnection();
      if (!sandbox || this.options.replaySince !== undefined) return;
      deliveriesFrom ??= newestDeliveryCursor(sandbox).catch(() => undefined);
    };
    askDeliveriesEnd();
    await Promise.all([
      this.target.known ? undefined : this.identify().catch(() => undefined),
      this.owners.data ? undefined : this.loadOwners(),
    ]);
    askDeliveriesEnd();
    // Deliveries name their hook by id: the lists first, so that the first lines show names.
    if (this.target.kind === 'sandbox') {
      await Promise.all((this.owners.data ?? []).map((o) => this.loadHooks(o.id)));
    }
    const replay = await replayHistory({
      api: this.api,
      owners: this.owners.data ?? [],
      filter: this.options.filter,
      watchedApps: this.options.watchedApps,
      sandbox: this.sandboxConnection(),
      since: this.options.replaySince,
      now: this.since,
    }).catch(() => undefined);
    if (this.closed) return;
    if (replay) {
      for (const action of replay.actions) this.queue.push(action);
      this.deliveryCursor ??= replay.deliveryCursor;
      this.schedule();
    }
    if (deliveriesFrom) {
      const end = await deliveriesFrom;
      if (this.closed) return;
      this.deliveryCursor ??= end;
    }
    this.replayDone = true;
    this.startSandboxStreams();
  }

  /** Where a sandbox's own streams are read, once the sources are loaded; undefined elsewhere. */
  private sandboxConnection() {
    if (this.target.kind !== 'sandbox' || !this.connections) return undefined;
    const { credentials } = this.options;
    return {
      apiHost: credentials.apiHost,
      authorization: credentials.authorization,
      agent: this.connections.agent,
    };
  }

  private startSandboxStreams(): void {
    if (this.target.kind !== 'sandbox' || this.watchers === 0 || this.closed) return;
    // Set once the first watch's history is in, which comes after the sources loaded.
    if (!this.sources) return;
    void this.sources.then((sources) => this.openSandboxStreams(sources));
  }

  private openSandboxStreams({ deliveryStream, hookStream }: Sources): void {
    const connection = this.sandboxConnection();
    if (!connection || this.watchers === 0 || this.closed) return;
    if (!this.deliveries) {
      this.connection = {
        ...this.connection,
        deliveries: { state: 'reconnecting', delayMs: 0, reason: 'starting' },
      };
      this.deliveries = deliveryStream({
        ...connection,
        since: this.deliveryCursor,
        onDelivery: (delivery) => this.onDelivery(delivery),
        onStatus: (status) => {
          this.connection = { ...this.connection, deliveries: status };
          this.changed();
        },
      });
      this.deliveries.start();
    }
    if (!this.hookChanges) {
      this.connection = {
        ...this.connection,
        hooks: { state: 'reconnecting', delayMs: 0, reason: 'starting' },
      };
      let connectedOnce = false;
      this.hookChanges = hookStream({
        ...connection,
        onMessage: (message) => this.applyHookChange(message),
        onStatus: (status) => {
          this.connection = { ...this.connection, hooks: status };
          this.changed();
          // Changes made before the first connection, or while a reconnection lost its place, are in
          // the lists: ask them again (a resumed stream says `reset` itself when it must).
          if (status.state === 'connected' && !connectedOnce) {
            connectedOnce = true;
            for (const ownerId of this.hooks.keys()) {
              if (this.hooks.get(ownerId)?.webhooks.updatedAt !== undefined)
                void this.loadHooks(ownerId, { force: true });
            }
          }
        },
      });
      this.hookChanges.start();
    }
    this.changed();
  }

  private stopSources(): void {
    this.sourcesRun++;
    clearTimeout(this.pollTimer);
    this.pollTimer = undefined;
    this.socket?.close();
    this.socket = undefined;
    this.deliveryCursor = this.deliveries?.lastCursor ?? this.deliveryCursor;
    this.deliveries?.close();
    this.deliveries = undefined;
    this.hookChanges?.close();
    this.hookChanges = undefined;
    const { deliveries: _d, hooks: _h, ...rest } = this.connection;
    this.connection = { ...rest, socket: { state: 'closed' }, polling: false };
    this.changed();
  }

  dropSocket(): void {
    this.socket?.drop();
  }

  dropStreams(): void {
    this.deliveries?.drop();
    this.hookChanges?.drop();
  }

  close(): void {
    if (this.watchers > 0) {
      this.watchers = 0;
      this.stopSources();
    }
    this.watchedOwners.clear();
    this.everyOwnerWatch.close();
    for (const timer of this.refreshTimers.values()) clearInterval(timer);
    for (const timer of this.afterDeploymentTimers.values()) clearTimeout(timer);
    this.refreshTimers.clear();
    this.afterDeploymentTimers.clear();
    this.closed = true;
    this.listeners.clear();
    this.connections?.agent.close();
  }

  private onEvent(envelope: EventEnvelope): void {
    const data = eventData(envelope);
    const appId = appIdOfEvent(envelope);
    if (appId && data.ownerId) this.appOwners.set(appId, data.ownerId);
    if (END_EVENTS.has(envelope.event) && data.ownerId) this.afterDeploymentEnd(data.ownerId);
    const state = deploymentStateOfEvent(envelope.event, data.state);
    if (appId && data.uuid && state)
      this.deploymentNews(appId, { uuid: data.uuid, state, at: envelope.date });
    const subject = { type: envelope.event, ownerId: data.ownerId, appId };
    if (this.options.filter && !this.options.filter.matches(subject)) return;
    this.enqueue({ type: 'event', envelope });
  }

  private onDelivery(delivery: Delivery): void {
    const filter = this.options.filter;
    if (filter && !filter.matchesIgnoringApp({ type: delivery.eventType, ownerId: delivery.ownerId })) return;
    if (!this.hookNames.has(delivery.hookId)) this.askHookName(delivery.ownerId);
    this.enqueue({ type: 'delivery', delivery });
  }

  /** A delivery names a hook no list holds: list that owner's hooks (at most once per TTL). */
  private askHookName(ownerId: string): void {
    const last = this.unknownHookAsked.get(ownerId);
    if (last !== undefined && Date.now() - last < UNKNOWN_HOOK_TTL_MS) return;
    this.unknownHookAsked.set(ownerId, Date.now());
    void this.loadHooks(ownerId, { force: true });
  }

  private onSocketStatus(status: SocketStatus, resumed: boolean): void {
    this.connection = { ...this.connection, socket: status };
    // A reconnection may have missed anything, an END included: ask the deployments list now.
    if (status.state === 'connected' && (status.connections > 1 || resumed)) void this.poll(true);
    if (status.state === 'reconnecting') this.armPoll();
    this.changed();
  }

  /** Polls while a deployment is in progress or the socket is down, and stops once all is settled. */
  private armPoll(): void {
    // While the socket is down, the apps in view (or watched) are polled; with none, there is nothing to ask.
    const down = this.connection.socket.state === 'reconnecting';
    const needed =
      appsInProgress(this.activity).length > 0 ||
      (down && ((this.options.watchedApps?.length ?? 0) > 0 || this.activity.rows.some((r) => r.appId)));
    const polling = needed || this.polling;
    if (polling !== this.connection.polling) {
      this.connection = { ...this.connection, polling };
      this.changed();
    }
    if (!needed || this.pollTimer || this.closed || this.watchers === 0) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = undefined;
      void this.poll(this.connection.socket.state !== 'connected');
    }, this.options.pollIntervalMs ?? POLL_INTERVAL_MS);
  }

  /** Deployments of the apps in progress, or of every app in view when the socket may have missed some. */
  private async poll(everyApp: boolean): Promise<void> {
    if (this.polling || this.closed) return;
    this.polling = true;
    this.connection = { ...this.connection, polling: true };
    this.changed();
    const apps = new Map<string, string | undefined>();
    for (const { appId, ownerId } of appsInProgress(this.activity)) apps.set(appId, ownerId);
    if (everyApp) {
      for (const appId of this.options.watchedApps ?? []) apps.set(appId, this.appOwners.get(appId));
      // The most recent apps in view: a reconnection is no reason to poll a whole account.
      for (const row of this.activity.rows) {
        if (apps.size >= MAX_APPS_PER_POLL) break;
        if (row.appId && !apps.has(row.appId)) apps.set(row.appId, row.ownerId);
      }
    }
    await Promise.allSettled(
      [...apps].map(async ([appId, knownOwner]) => {
        const ownerId = knownOwner ?? this.appOwners.get(appId);
        if (!ownerId) return;
        const deployments = await this.api.deployments(ownerId, appId, { limit: DEPLOYMENTS_PER_POLL });
        const last = lastDeploymentOf(deployments);
        if (last) this.deploymentNews(appId, last);
        // A missed deployment is news when the filter lets any of its result events through.
        const filter = this.options.filter;
        const news = !filter || RESULT_EVENTS.some((type) => filter.matches({ type, ownerId, appId }));
        this.queue.push({
          type: 'deployments',
          ownerId,
          appId,
          deployments,
          since: news ? this.since : Number.POSITIVE_INFINITY,
        });
      }),
    );
    this.polling = false;
    this.schedule();
  }
}

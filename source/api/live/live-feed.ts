// The live feed behind `clever-notify tail` and the Activity tab: the event socket, the deployments list
// polled to reconcile what the socket missed, and (on the sandbox) the delivery log, folded by the pure
// reducer of ../../domain/live-activity.ts. Every change of a tick is applied as one batch, so that a
// burst of a thousand events costs one update of the view.
import { rootCertificates } from 'node:tls';
import { Agent } from 'undici';
import type { Delivery } from '../../domain/deliveries.js';
import {
  type ActivityAction,
  type ActivityState,
  appIdOfEvent,
  appsInProgress,
  DEFAULT_CAPACITY,
  emptyActivity,
  reduceActivity,
} from '../../domain/live-activity.js';
import type { CompiledLiveFilter } from '../../domain/live-filter.js';
import { type EventEnvelope, eventData } from '../../domain/schemas.js';
import { EventSocket, type SocketStatus } from '../event-socket.js';
import type { CleverApi } from '../types.js';
import { DeliveryStream, type DeliveryStreamStatus } from './delivery-stream.js';

export interface LiveConnection {
  socket: SocketStatus;
  /** Set on the sandbox, which has a delivery log to follow. */
  deliveries?: DeliveryStreamStatus | undefined;
  /** A poll of the deployments list is running or due (reconnection, or a deployment in progress). */
  polling: boolean;
}

export interface LiveSnapshot {
  activity: ActivityState;
  connection: LiveConnection;
  /** Names the rows show instead of ids, filled as they become known. */
  appNames: ReadonlyMap<string, string>;
  hookNames: ReadonlyMap<string, string>;
}

export interface LiveFeedOptions {
  api: CleverApi;
  /** `ca`: the certificate authority of a sandbox serving TLS, trusted besides the usual ones. */
  credentials: { apiHost: string; authorization: () => string; ca?: string | undefined };
  filter: CompiledLiveFilter;
  onChange: (snapshot: LiveSnapshot) => void;
  capacity?: number;
  /** How often to poll while a deployment is in progress or the socket is down. */
  pollIntervalMs?: number;
  /** Follow the delivery log: true on the sandbox. */
  deliveries?: boolean;
  socketBaseDelayMs?: number;
  /** Apps whose deployments a reconnection polls even before any row names them (`tail --app`). */
  watchedApps?: readonly string[];
  /** Shortest time between two updates of the view. */
  flushIntervalMs?: number;
  /** Carry on where an earlier feed stopped (a view that was closed and opened again). */
  resume?: ResumePoint | undefined;
}

/** Enough to go on later without losing what was shown, nor any delivery in between. */
export interface ResumePoint {
  activity: ActivityState;
  deliveryCursor: string | undefined;
  since: number;
}

const POLL_INTERVAL_MS = 3000;
const DEPLOYMENTS_PER_POLL = 10;
const MAX_APPS_PER_POLL = 20;
const RESULT_EVENTS = ['DEPLOYMENT_ACTION_END', 'DEPLOYMENT_SUCCESS', 'DEPLOYMENT_FAIL'];
/** Deployments a little older than the start are still news: the socket may have connected late. */
const START_MARGIN_MS = 5000;
const HOOK_NAMES_TTL_MS = 10_000;
/** About a frame of the TUI (it draws at most 30 per second). */
const FLUSH_INTERVAL_MS = 33;

export class LiveFeed {
  private activity: ActivityState;
  private connection: LiveConnection;
  private readonly appNames = new Map<string, string>();
  private readonly hookNames = new Map<string, string>();
  private readonly appOwners = new Map<string, string>();
  /** When each owner's webhooks were last listed for their names. */
  private readonly hooksListedAt = new Map<string, number>();
  private readonly since: number;
  private queue: ActivityAction[] = [];
  private flushScheduled = false;
  private lastFlush = 0;
  private pollTimer: NodeJS.Timeout | undefined;
  private polling = false;
  private closed = false;
  private readonly socket: EventSocket;
  private readonly stream: DeliveryStream | undefined;

  private readonly agent: Agent | undefined;

  constructor(private readonly options: LiveFeedOptions) {
    const ca = options.credentials.ca;
    this.agent = ca ? new Agent({ connect: { ca: [...rootCertificates, ca] } }) : undefined;
    this.activity = options.resume?.activity ?? emptyActivity(options.capacity ?? DEFAULT_CAPACITY);
    this.since = options.resume?.since ?? Date.now() - START_MARGIN_MS;
    this.connection = { socket: { state: 'connecting', attempt: 0 }, polling: false };
    this.socket = new EventSocket({
      apiHost: options.credentials.apiHost,
      authorization: options.credentials.authorization,
      onEvent: (envelope) => this.onEvent(envelope),
      onStatus: (status) => this.onSocketStatus(status),
      ...(this.agent ? { dispatcher: this.agent } : {}),
      ...(options.socketBaseDelayMs ? { baseDelayMs: options.socketBaseDelayMs } : {}),
    });
    if (options.deliveries) {
      this.connection.deliveries = { state: 'reconnecting', delayMs: 0, reason: 'starting' };
      this.stream = new DeliveryStream({
        apiHost: options.credentials.apiHost,
        authorization: options.credentials.authorization,
        since: options.resume?.deliveryCursor,
        ...(this.agent ? { dispatcher: this.agent } : {}),
        onDelivery: (delivery) => this.onDelivery(delivery),
        onStatus: (status) => {
          this.connection = { ...this.connection, deliveries: status };
          this.schedule();
        },
      });
    }
  }

  async start(): Promise<void> {
    await this.loadNames();
    this.socket.start();
    this.stream?.start();
    this.schedule();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.pollTimer);
    this.socket.close();
    this.stream?.close();
    void this.agent?.close();
  }

  snapshot(): LiveSnapshot {
    return {
      activity: this.activity,
      connection: this.connection,
      appNames: this.appNames,
      hookNames: this.hookNames,
    };
  }

  resumePoint(): ResumePoint {
    return { activity: this.activity, deliveryCursor: this.stream?.lastCursor, since: this.since };
  }

  /** Test hooks: cut the socket or the delivery stream as the network would. */
  dropSocket(): void {
    this.socket.drop();
  }
  dropDeliveryStream(): void {
    this.stream?.drop();
  }

  private onEvent(envelope: EventEnvelope): void {
    const data = eventData(envelope);
    const subject = { type: envelope.event, ownerId: data.ownerId, appId: appIdOfEvent(envelope) };
    if (!this.options.filter.matches(subject)) return;
    if (subject.appId && data.ownerId) this.appOwners.set(subject.appId, data.ownerId);
    this.enqueue({ type: 'event', envelope });
  }

  private onDelivery(delivery: Delivery): void {
    if (!this.options.filter.matchesIgnoringApp({ type: delivery.eventType, ownerId: delivery.ownerId }))
      return;
    if (!this.hookNames.has(delivery.hookId)) void this.loadHookNames(delivery.ownerId);
    this.enqueue({ type: 'delivery', delivery });
  }

  private onSocketStatus(status: SocketStatus): void {
    this.connection = { ...this.connection, socket: status };
    // A reconnection may have missed anything, an END included: ask the deployments list now.
    const resumed = this.options.resume !== undefined;
    if (status.state === 'connected' && (status.connections > 1 || resumed)) void this.poll(true);
    if (status.state === 'reconnecting') this.armPoll();
    this.schedule();
  }

  private enqueue(action: ActivityAction): void {
    this.queue.push(action);
    this.schedule();
  }

  /**
   * One flush per tick at most, and at most one per `flushIntervalMs`: a burst of a thousand frames
   * costs one merge and one update of the view, not a thousand (and far less garbage).
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
    const actions = this.queue;
    this.queue = [];
    this.activity = reduceActivity(this.activity, actions);
    this.armPoll();
    this.options.onChange(this.snapshot());
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
      this.schedule();
    }
    if (!needed || this.pollTimer || this.closed) return;
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
    this.schedule();
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
        const deployments = await this.options.api.deployments(ownerId, appId, {
          limit: DEPLOYMENTS_PER_POLL,
        });
        // A missed deployment is news when the filter lets any of its result events through.
        const news = RESULT_EVENTS.some((type) => this.options.filter.matches({ type, ownerId, appId }));
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

  private async loadNames(): Promise<void> {
    try {
      const summary = await this.options.api.summary();
      const owners = [summary.user, ...summary.organisations];
      for (const owner of owners) {
        // Rows of owner-level events show the owner; ids have distinct prefixes, so one map serves.
        if (owner.name) this.appNames.set(owner.id, owner.name);
        for (const app of owner.applications) {
          this.appNames.set(app.id, app.name);
          this.appOwners.set(app.id, owner.id);
        }
      }
      // Deliveries name their hook by id: list the hooks now so that the first lines show names.
      if (this.options.deliveries) await Promise.all(owners.map((o) => this.loadHookNames(o.id)));
    } catch {
      // Names are a comfort: rows show ids without them.
    }
  }

  /** At most once per HOOK_NAMES_TTL_MS per owner, so that a burst of deliveries costs one request. */
  private async loadHookNames(ownerId: string): Promise<void> {
    const last = this.hooksListedAt.get(ownerId);
    if (last !== undefined && Date.now() - last < HOOK_NAMES_TTL_MS) return;
    this.hooksListedAt.set(ownerId, Date.now());
    try {
      for (const hook of await this.options.api.listWebhooks(ownerId)) {
        this.hookNames.set(hook.id, hook.name ?? hook.id);
      }
      this.schedule();
    } catch {
      // The row shows the hook id instead.
    }
  }
}

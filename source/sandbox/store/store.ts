// What the sandbox knows, and the only way to change it. Reads come from memory; every write is
// journaled and flushed before its promise resolves, and only then seen by reads (docs/sandbox.md,
// "Durability"), so a caller that awaits a write may acknowledge it, and a write that fails (a full
// disk: StorageWriteError) leaves nothing behind.
import { randomUUID } from 'node:crypto';
import { EVENT_TYPES, META_EVENTS } from '../../domain/events.js';
import { withoutAllLists } from '../../domain/hook-lists.js';
import type {
  DeliveryFailure,
  Deployment,
  EmailHook,
  EmailHookInput,
  HookState,
  Webhook,
  WebhookInput,
} from '../../domain/schemas.js';
import { DurableState } from '../storage/durable-state.js';
import { seedWorld } from './seed.js';
import {
  applyWorldOp,
  type StoredAddon,
  type StoredApp,
  type StoredMember,
  type StoredOrganisation,
  type StoredUser,
  type World,
  WorldOp,
  worldFromJson,
  worldToJson,
} from './world.js';

export interface Owner {
  id: string;
  name: string;
  kind: 'user' | 'organisation';
}

export type OwnedResource =
  | { kind: 'application'; ownerId: string; resource: StoredApp }
  | { kind: 'addon'; ownerId: string; resource: StoredAddon };

/** How many delivery failures a webhook keeps, newest last. */
export const FAILURES_KEPT = 20;

type HookOp = Extract<WorldOp, { type: `webhook.${string}` | `emailhook.${string}` }>;

/** A hook as it is after a change that is on disk; `hook` absent: removed. */
export type HookChangeNotice =
  | { kind: 'webhook'; ownerId: string; id: string; hook?: Webhook | undefined }
  | { kind: 'emailhook'; ownerId: string; id: string; hook?: EmailHook | undefined };

export class SandboxStore {
  private readonly hookListeners = new Set<(change: HookChangeNotice) => void>();

  private constructor(private readonly durable: DurableState<World, WorldOp>) {}

  /** Hears every change to a hook, once it is on disk (the hook stream of docs/live-model.md). */
  onHookChange(listener: (change: HookChangeNotice) => void): () => void {
    this.hookListeners.add(listener);
    return () => this.hookListeners.delete(listener);
  }

  /** Opens (or creates and seeds) the world kept in `dataDir`. */
  static async open(dataDir: string, now: () => Date = () => new Date()): Promise<SandboxStore> {
    const durable = await DurableState.open<World, WorldOp>({
      dir: dataDir,
      name: 'world',
      initial: () => seedWorld(now()),
      apply: applyWorldOp,
      toJson: worldToJson,
      fromJson: worldFromJson,
      parseOp: (json) => WorldOp.parse(json),
    });
    return new SandboxStore(durable);
  }

  /** True when this start created and seeded the world. */
  get seeded(): boolean {
    return this.durable.created;
  }

  close(): Promise<void> {
    return this.durable.close();
  }

  private get world(): World {
    return this.durable.state;
  }

  /** Bytes in the world's journal now (for tests and benches). */
  get journalSize(): number {
    return this.durable.journalSize;
  }

  /**
   * Every change to a webhook or an e-mail hook (created, edited, removed, a delivery failure
   * appended, its state changed) goes through here, and is applied once it is on disk.
   */
  private async commitHookChange(op: HookOp): Promise<void> {
    await this.durable.commit(op);
    const ownerId = 'hook' in op ? op.hook.ownerId : op.ownerId;
    const id = 'hook' in op ? op.hook.id : op.id;
    const change: HookChangeNotice = op.type.startsWith('webhook.')
      ? { kind: 'webhook', ownerId, id, hook: this.webhook(ownerId, id) }
      : { kind: 'emailhook', ownerId, id, hook: this.emailHook(ownerId, id) };
    for (const listener of this.hookListeners) listener(change);
  }

  // Owners

  self(): StoredUser {
    return this.world.user;
  }

  organisations(): StoredOrganisation[] {
    return this.world.organisations;
  }

  owners(): Owner[] {
    const { user, organisations } = this.world;
    return [
      { id: user.id, name: user.name, kind: 'user' },
      ...organisations.map((o) => ({ id: o.id, name: o.name, kind: 'organisation' as const })),
    ];
  }

  owner(ownerId: string): Owner | undefined {
    return this.owners().find((o) => o.id === ownerId);
  }

  /** The members of an organisation (none for an unknown one or a world saved before members). */
  members(orgId: string): StoredMember[] {
    return this.world.members.get(orgId) ?? [];
  }

  // Applications and add-ons

  applications(ownerId: string): StoredApp[] {
    return [...this.world.applications.values()].filter((a) => a.ownerId === ownerId);
  }

  addons(ownerId: string): StoredAddon[] {
    return [...this.world.addons.values()].filter((a) => a.ownerId === ownerId);
  }

  application(appId: string): StoredApp | undefined {
    return this.world.applications.get(appId);
  }

  /** An add-on by its id or its real id (clever-tools uses both). */
  addon(addonId: string): StoredAddon | undefined {
    return (
      this.world.addons.get(addonId) ?? [...this.world.addons.values()].find((a) => a.realId === addonId)
    );
  }

  /** The application or add-on with this id, and its owner. */
  findResource(id: string): OwnedResource | undefined {
    const app = this.application(id);
    if (app) return { kind: 'application', ownerId: app.ownerId, resource: app };
    const addon = this.addon(id);
    if (addon) return { kind: 'addon', ownerId: addon.ownerId, resource: addon };
    return undefined;
  }

  async putApplication(application: StoredApp): Promise<void> {
    await this.durable.commit({ type: 'application.put', application });
  }

  // Webhooks

  webhooks(ownerId: string): Webhook[] {
    return [...(this.world.webhooks.get(ownerId)?.values() ?? [])];
  }

  webhook(ownerId: string, id: string): Webhook | undefined {
    return this.world.webhooks.get(ownerId)?.get(id);
  }

  async createWebhook(ownerId: string, input: WebhookInput, now = new Date()): Promise<Webhook> {
    const hook: Webhook = {
      id: randomUUID(),
      ownerId: this.ownerIdOf(ownerId),
      ...webhookFields(input),
      createdAt: now.toISOString(),
      failures: [],
      state: 'ENABLED',
    };
    await this.commitHookChange({ type: 'webhook.put', hook });
    return hook;
  }

  /** Replaces what the owner chose; the hook starts afresh: ENABLED, with no failures. */
  async updateWebhook(ownerId: string, id: string, input: WebhookInput): Promise<Webhook | undefined> {
    const old = this.webhook(ownerId, id);
    if (!old) return undefined;
    const hook: Webhook = {
      id,
      ownerId: old.ownerId,
      ...webhookFields(input),
      createdAt: old.createdAt,
      failures: [],
      state: 'ENABLED',
    };
    await this.commitHookChange({ type: 'webhook.put', hook });
    return hook;
  }

  async removeWebhook(ownerId: string, id: string): Promise<boolean> {
    if (!this.webhook(ownerId, id)) return false;
    await this.commitHookChange({ type: 'webhook.remove', ownerId, id });
    return true;
  }

  /** Records a failed delivery, keeping the latest `keep`: a small journal record, not the whole hook. */
  async appendWebhookFailure(
    ownerId: string,
    id: string,
    failure: DeliveryFailure,
    keep = FAILURES_KEPT,
  ): Promise<Webhook | undefined> {
    if (!this.webhook(ownerId, id)) return undefined;
    await this.commitHookChange({ type: 'webhook.failure', ownerId, id, failure, keep });
    return this.webhook(ownerId, id);
  }

  async setWebhookState(ownerId: string, id: string, state: HookState): Promise<Webhook | undefined> {
    if (!this.webhook(ownerId, id)) return undefined;
    await this.commitHookChange({ type: 'webhook.state', ownerId, id, state });
    return this.webhook(ownerId, id);
  }

  /**
   * The owner's id as the world holds it: a hook keeps that string rather than the copy each request
   * decodes from its path (10,000 hooks of one owner share one).
   */
  private ownerIdOf(ownerId: string): string {
    return this.owner(ownerId)?.id ?? ownerId;
  }

  // E-mail hooks

  emailHooks(ownerId: string): EmailHook[] {
    return [...(this.world.emailhooks.get(ownerId)?.values() ?? [])];
  }

  emailHook(ownerId: string, id: string): EmailHook | undefined {
    return this.world.emailhooks.get(ownerId)?.get(id);
  }

  async createEmailHook(ownerId: string, input: EmailHookInput, now = new Date()): Promise<EmailHook> {
    const hook: EmailHook = {
      id: randomUUID(),
      ownerId,
      ...emailHookFields(input),
      createdAt: now.toISOString(),
    };
    await this.commitHookChange({ type: 'emailhook.put', hook });
    return hook;
  }

  async updateEmailHook(ownerId: string, id: string, input: EmailHookInput): Promise<EmailHook | undefined> {
    const old = this.emailHook(ownerId, id);
    if (!old) return undefined;
    const hook: EmailHook = { id, ownerId, ...emailHookFields(input), createdAt: old.createdAt };
    await this.commitHookChange({ type: 'emailhook.put', hook });
    return hook;
  }

  async removeEmailHook(ownerId: string, id: string): Promise<boolean> {
    if (!this.emailHook(ownerId, id)) return false;
    await this.commitHookChange({ type: 'emailhook.remove', ownerId, id });
    return true;
  }

  // Deployments

  /** Newest first, as the API answers. */
  deployments(appId: string, page: { limit?: number; offset?: number } = {}): Deployment[] {
    const all = this.world.deployments.get(appId) ?? [];
    const offset = page.offset ?? 0;
    const newestFirst = [...all].sort((a, b) => b.date - a.date);
    return newestFirst.slice(offset, page.limit === undefined ? undefined : offset + page.limit);
  }

  /** Adds a deployment, or replaces the one with the same uuid (e.g. WIP then OK). */
  async putDeployment(appId: string, deployment: Deployment): Promise<void> {
    await this.durable.commit({ type: 'deployment.put', appId, deployment });
  }
}

/**
 * The catalogue's own strings: an event name parsed from a request is a string of its own, and a
 * hook keeps the catalogue's instead (docs/performance.md, "The sandbox's memory, phase by phase").
 */
const KNOWN_EVENTS = new Map<string, string>(
  [...EVENT_TYPES, ...Object.keys(META_EVENTS)].map((name) => [name, name]),
);

// Absent, null and empty lists all mean "all" (../../domain/hook-lists.ts): the sandbox stores them
// as an absent key, which is what the contract asks clients to send.
function webhookFields(input: WebhookInput): Pick<Webhook, 'name' | 'urls' | 'events' | 'scope'> {
  return withoutAllLists({
    name: input.name,
    urls: input.urls.map(({ format, url }) => ({ format, url })),
    events: input.events?.map((event) => KNOWN_EVENTS.get(event) ?? event),
    scope: input.scope,
  });
}

function emailHookFields(input: EmailHookInput): Pick<EmailHook, 'name' | 'notified' | 'events' | 'scope'> {
  return withoutAllLists({
    name: input.name,
    notified: input.notified,
    events: input.events,
    scope: input.scope,
  });
}

// The sandbox's world: who the user is, what they own, their hooks and deployments. Kept in memory
// with indexes for the requests that must be fast, and saved as plain JSON (`WorldJson`).
import * as z from 'zod/mini';
import { withoutAllLists } from '../../domain/hook-lists.js';
import { DeliveryFailure, Deployment, EmailHook, HookState, Webhook } from '../../domain/schemas.js';

export const StoredUser = z.object({ id: z.string(), name: z.string(), email: z.string() });
export type StoredUser = z.infer<typeof StoredUser>;

export const StoredOrganisation = z.looseObject({ id: z.string(), name: z.string(), role: z.string() });
export type StoredOrganisation = z.infer<typeof StoredOrganisation>;

/** A member of an organisation as `GET /v2/organisations/{orgId}/members` answers it. */
export const StoredMember = z.looseObject({
  member: z.looseObject({ id: z.string(), name: z.nullable(z.string()), email: z.string() }),
  role: z.string(),
  job: z.nullable(z.string()),
});
export type StoredMember = z.infer<typeof StoredMember>;

/** An application as `GET /v2/organisations/{ownerId}/applications` answers it, plus its owner. */
export const StoredApp = z.looseObject({
  id: z.string(),
  ownerId: z.string(),
  name: z.string(),
  state: z.string(),
  instance: z.looseObject({ variant: z.looseObject({ slug: z.string() }) }),
});
export type StoredApp = z.infer<typeof StoredApp>;

/** An add-on as `GET /v2/organisations/{ownerId}/addons` answers it, plus its owner. */
export const StoredAddon = z.looseObject({
  id: z.string(),
  ownerId: z.string(),
  name: z.string(),
  realId: z.string(),
  provider: z.looseObject({ id: z.string() }),
});
export type StoredAddon = z.infer<typeof StoredAddon>;

export const WorldJson = z.object({
  user: StoredUser,
  organisations: z.array(StoredOrganisation),
  applications: z.array(StoredApp),
  addons: z.array(StoredAddon),
  webhooks: z.array(Webhook),
  emailhooks: z.array(EmailHook),
  /** Per app, oldest first. */
  deployments: z.record(z.string(), z.array(z.looseObject(Deployment.shape))),
  /** Per organisation. Worlds saved before members existed have none. */
  members: z._default(z.record(z.string(), z.array(StoredMember)), {}),
});
export type WorldJson = z.infer<typeof WorldJson>;

export interface World {
  user: StoredUser;
  organisations: StoredOrganisation[];
  applications: Map<string, StoredApp>;
  addons: Map<string, StoredAddon>;
  /** ownerId → hookId → hook, in creation order. */
  webhooks: Map<string, Map<string, Webhook>>;
  emailhooks: Map<string, Map<string, EmailHook>>;
  deployments: Map<string, Deployment[]>;
  /** orgId → its members; an organisation absent here has none. */
  members: Map<string, StoredMember[]>;
}

/**
 * Every change to the world, as written to the journal. Replay needs no other state. A delivery
 * failure and a state change are small records of their own: a busy hook never rewrites itself whole.
 */
export const WorldOp = z.discriminatedUnion('type', [
  z.object({ type: z.literal('webhook.put'), hook: Webhook }),
  z.object({ type: z.literal('webhook.remove'), ownerId: z.string(), id: z.string() }),
  z.object({
    type: z.literal('webhook.failure'),
    ownerId: z.string(),
    id: z.string(),
    failure: DeliveryFailure,
    /** How many failures the hook keeps, newest last. */
    keep: z.int().check(z.positive()),
  }),
  z.object({ type: z.literal('webhook.state'), ownerId: z.string(), id: z.string(), state: HookState }),
  z.object({ type: z.literal('emailhook.put'), hook: EmailHook }),
  z.object({ type: z.literal('emailhook.remove'), ownerId: z.string(), id: z.string() }),
  z.object({
    type: z.literal('deployment.put'),
    appId: z.string(),
    deployment: z.looseObject(Deployment.shape),
  }),
  z.object({ type: z.literal('application.put'), application: StoredApp }),
]);
export type WorldOp = z.infer<typeof WorldOp>;

export function applyWorldOp(world: World, op: WorldOp): void {
  switch (op.type) {
    case 'webhook.put':
      hooksOf(world.webhooks, op.hook.ownerId).set(op.hook.id, op.hook);
      return;
    case 'webhook.remove':
      world.webhooks.get(op.ownerId)?.delete(op.id);
      return;
    case 'webhook.failure': {
      const hooks = world.webhooks.get(op.ownerId);
      const hook = hooks?.get(op.id);
      if (hooks && hook)
        hooks.set(op.id, { ...hook, failures: [...hook.failures, op.failure].slice(-op.keep) });
      return;
    }
    case 'webhook.state': {
      const hooks = world.webhooks.get(op.ownerId);
      const hook = hooks?.get(op.id);
      if (hooks && hook) hooks.set(op.id, { ...hook, state: op.state });
      return;
    }
    case 'emailhook.put':
      hooksOf(world.emailhooks, op.hook.ownerId).set(op.hook.id, op.hook);
      return;
    case 'emailhook.remove':
      world.emailhooks.get(op.ownerId)?.delete(op.id);
      return;
    case 'deployment.put': {
      const list = world.deployments.get(op.appId) ?? [];
      const index = list.findIndex((d) => d.uuid === op.deployment.uuid);
      if (index >= 0) list[index] = op.deployment;
      else list.push(op.deployment);
      world.deployments.set(op.appId, list);
      return;
    }
    case 'application.put':
      world.applications.set(op.application.id, op.application);
      return;
    default:
      throw new Error(`unknown operation ${JSON.stringify((op as { type?: unknown }).type)}`);
  }
}

function hooksOf<H>(index: Map<string, Map<string, H>>, ownerId: string): Map<string, H> {
  let hooks = index.get(ownerId);
  if (!hooks) {
    hooks = new Map();
    index.set(ownerId, hooks);
  }
  return hooks;
}

export function worldFromJson(json: unknown): World {
  const data = WorldJson.parse(json);
  const world: World = {
    user: data.user,
    organisations: data.organisations,
    applications: new Map(data.applications.map((a) => [a.id, a])),
    addons: new Map(data.addons.map((a) => [a.id, a])),
    webhooks: new Map(),
    emailhooks: new Map(),
    deployments: new Map(Object.entries(data.deployments)),
    members: new Map(Object.entries(data.members)),
  };
  // Folders written before empty lists were normalised on write are normalised as they load.
  for (const hook of data.webhooks) hooksOf(world.webhooks, hook.ownerId).set(hook.id, withoutAllLists(hook));
  for (const hook of data.emailhooks)
    hooksOf(world.emailhooks, hook.ownerId).set(hook.id, withoutAllLists(hook));
  return world;
}

export function worldToJson(world: World): WorldJson {
  return {
    user: world.user,
    organisations: world.organisations,
    applications: [...world.applications.values()],
    addons: [...world.addons.values()],
    webhooks: [...world.webhooks.values()].flatMap((hooks) => [...hooks.values()]),
    emailhooks: [...world.emailhooks.values()].flatMap((hooks) => [...hooks.values()]),
    deployments: Object.fromEntries(world.deployments),
    members: Object.fromEntries(world.members),
  };
}

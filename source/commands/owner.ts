// Whose hooks a command works on: --org (an id, or a name looked up in /v2/summary), else the app
// linked in .clever.json (lists keep the hooks that cover it), else the current user.
import type { CleverApi } from '../api/types.js';
import { unknownValue } from '../domain/did-you-mean.js';
import { UserError } from '../domain/errors.js';
import { isOwnerId } from '../domain/ids.js';
import type { Summary } from '../domain/schemas.js';
import { safeText } from '../domain/terminal-text.js';
import { findLinkedApp } from './linked-app.js';

export interface OwnerTarget {
  ownerId: string;
  /** The linked app, when the owner comes from .clever.json. */
  appId?: string;
}

export interface OwnerFlags {
  org?: string;
  listAll?: boolean;
}

/** For lists and add: --org, else --list-all (current user), else the linked app. */
export async function listTarget(api: CleverApi, flags: OwnerFlags): Promise<OwnerTarget> {
  if (flags.org) return { ownerId: await resolveOrg(api, flags.org) };
  if (flags.listAll) return { ownerId: (await api.self()).id };
  const linked = await findLinkedApp();
  if (!linked) {
    throw new UserError(
      'no application is linked here (no .clever.json in this folder or above): use --org ID|NAME, or --list-all for your personal space',
    );
  }
  return { ownerId: linked.ownerId ?? (await api.self()).id, appId: linked.appId };
}

/** For remove, edit and test: --org, else the linked app's owner, else the current user. */
export async function hookOwner(api: CleverApi, org: string | undefined): Promise<string> {
  if (org) return resolveOrg(api, org);
  const linked = await findLinkedApp();
  return linked?.ownerId ?? (await api.self()).id;
}

export async function resolveOrg(api: CleverApi, value: string): Promise<string> {
  if (isOwnerId(value)) return value;
  return ownerIdByName(await api.summary(), value);
}

/** The owners of a summary, the personal space first and once. */
export function ownersOf(summary: Summary): { id: string; name: string }[] {
  const owners = [{ id: summary.user.id, name: summary.user.name ?? 'Personal space' }];
  for (const org of summary.organisations) {
    if (!owners.some((o) => o.id === org.id)) owners.push({ id: org.id, name: org.name });
  }
  return owners;
}

/** An exact name, else a case-insensitive one; never a guess between several. */
export function ownerIdByName(summary: Summary, name: string): string {
  const owners = ownersOf(summary);
  const exact = owners.filter((o) => o.name === name);
  const matches =
    exact.length > 0 ? exact : owners.filter((o) => o.name.toLowerCase() === name.toLowerCase());
  if (matches.length === 1) return matches[0]!.id;
  const list = (items: { id: string; name: string }[]) =>
    items.map((o) => `${safeText(o.name)} (${o.id})`).join(', ');
  if (matches.length > 1) {
    throw new UserError(
      `several organisations are named "${safeText(name)}": use the id of one of ${list(matches)}`,
    );
  }
  throw new UserError(
    unknownValue(
      'organisation',
      name,
      owners.map((o) => o.name),
      `yours are ${list(owners)}`,
    ),
  );
}

/** The scope may only hold the owner's apps and add-ons: say so before the API refuses, or worse, accepts. */
export async function checkServices(api: CleverApi, ownerId: string, scope: string[]): Promise<void> {
  const [apps, addons] = await Promise.all([api.applications(ownerId), api.addons(ownerId)]);
  const known = new Set([...apps.map((a) => a.id), ...addons.map((a) => a.id)]);
  const foreign = scope.filter((id) => !known.has(id));
  if (foreign.length > 0) {
    throw new UserError(
      `${foreign.join(', ')} ${foreign.length > 1 ? 'are' : 'is'} not an app or add-on of ${ownerId} (see \`clever-notify apps --org ${ownerId}\`)`,
    );
  }
}

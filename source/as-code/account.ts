// The owners the user can reach, with the names of their apps and add-ons, from one /v2/summary:
// what a file's owner names and scope names are matched against. Pure.
import { UserError } from '../domain/errors.js';
import type { Summary } from '../domain/schemas.js';
import type { FileOwner } from './file-schema.js';

export interface Named {
  id: string;
  name: string;
}

export interface AccountOwner extends Named {
  personal: boolean;
  apps: readonly Named[];
  addons: readonly Named[];
}

export interface Account {
  selfId: string;
  /** The personal space first, then the organisations by name. */
  owners: readonly AccountOwner[];
}

export function accountOf(summary: Summary): Account {
  const lists = (o: Summary['user']) => ({
    apps: o.applications.map((a) => ({ id: a.id, name: a.name })),
    addons: o.addons.map((a) => ({ id: a.id, name: a.name ?? a.realId ?? a.id })),
  });
  const personal: AccountOwner = {
    id: summary.user.id,
    name: summary.user.name || 'Personal space',
    personal: true,
    ...lists(summary.user),
  };
  // The personal space may also be listed among the organisations.
  const organisations = summary.organisations
    .filter((o) => o.id !== summary.user.id)
    .map((o): AccountOwner => ({ id: o.id, name: o.name, personal: false, ...lists(o) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  return { selfId: summary.user.id, owners: [personal, ...organisations] };
}

function listed(owners: readonly Named[]): string {
  return owners.map((o) => `"${o.name}" (${o.id})`).join(', ');
}

/**
 * The owner a file's entry is about: `personal: true` is the personal space of whoever applies; an
 * id that is one of the user's wins over the name (a renamed organisation still matches); else the
 * exact name, else a case-insensitive one, never a guess between several.
 */
export function matchOwner(
  entry: Pick<FileOwner, 'name' | 'id' | 'personal'>,
  account: Account,
): AccountOwner {
  if (entry.personal) return account.owners.find((o) => o.personal)!;
  const byId = entry.id ? account.owners.find((o) => o.id === entry.id) : undefined;
  if (byId) return byId;
  const exact = account.owners.filter((o) => o.name === entry.name);
  const matches =
    exact.length > 0
      ? exact
      : account.owners.filter((o) => o.name.toLowerCase() === entry.name.toLowerCase());
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UserError(
      `several of your organisations are named "${entry.name}": give the id of one of ${listed(matches)}`,
    );
  }
  throw new UserError(
    `none of your organisations is named "${entry.name}"${entry.id ? ` or has the id ${entry.id}` : ''}; yours are: ${listed(account.owners)}`,
  );
}

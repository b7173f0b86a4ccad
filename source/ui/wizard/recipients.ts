// The recipients step of the e-mail hook wizard: which lines it offers (the whole team, typed
// addresses, then people to tick) and how its choice reads. Pure: the members come in through the
// wizard's state once the container has loaded them.
import type { OrganisationMember } from '../../domain/schemas.js';

/** The members of the hook's owner, loaded when the recipients step first opens. */
export type MembersLoad =
  /** A personal space: nobody to list but the user. */
  | { status: 'none' }
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; members: readonly OrganisationMember[] }
  | { status: 'failed'; error: string };

export interface Person {
  id: string;
  /** Name and e-mail, or whichever the API gave. */
  label: string;
  /** Role and job, when known. */
  detail?: string;
  you: boolean;
}

export type RecipientRow = { kind: 'team' } | { kind: 'addresses' } | { kind: 'person'; person: Person };

interface RecipientsView {
  ownerId: string;
  self?: { id: string; name: string };
  members: MembersLoad;
}

export function isPersonalSpace(ownerId: string): boolean {
  return ownerId.startsWith('user_');
}

export function initialMembersLoad(ownerId: string): MembersLoad {
  return isPersonalSpace(ownerId) ? { status: 'none' } : { status: 'idle' };
}

export function memberPerson(entry: OrganisationMember, selfId?: string): Person {
  const { id, name, email } = entry.member;
  const label = name && email ? `${name} <${email}>` : (name ?? email ?? id);
  const detail = [entry.role, entry.job].filter(Boolean).join(' · ');
  return { id, label, ...(detail ? { detail } : {}), you: id === selfId };
}

/** The people to tick: the organisation's members; the user alone when there are none to show. */
export function people(view: RecipientsView): Person[] {
  const { members, self } = view;
  if (members.status === 'ready') return members.members.map((m) => memberPerson(m, self?.id));
  if ((members.status === 'none' || members.status === 'failed') && self) {
    return [{ id: self.id, label: `Me (${self.name})`, you: true }];
  }
  return [];
}

export function recipientRows(view: RecipientsView): RecipientRow[] {
  return [
    { kind: 'team' },
    { kind: 'addresses' },
    ...people(view).map((person) => ({ kind: 'person' as const, person })),
  ];
}

/** User ids the hook names that no line shows (no longer members, or not loaded): kept as they are. */
export function unlistedUserIds(view: RecipientsView, userIds: readonly string[]): string[] {
  if (view.members.status === 'idle' || view.members.status === 'loading') return [];
  const listed = new Set(people(view).map((p) => p.id));
  return userIds.filter((id) => !listed.has(id));
}

/** A person's name for the review: the member's name or e-mail, "you", or the raw id. */
export function personName(view: RecipientsView, id: string): string {
  if (id === view.self?.id) return `${view.self.name} (you)`;
  if (view.members.status === 'ready') {
    const entry = view.members.members.find((m) => m.member.id === id);
    if (entry) return entry.member.name ?? entry.member.email ?? id;
  }
  return id;
}

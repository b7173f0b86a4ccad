// Owner, app and add-on ids are a prefix and an RFC 4122 UUID (docs/contract.md). clever-tools
// treats a value that does not match as a *name* to look up, so the exact rule matters.
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}';

export type IdPrefix = 'user_' | 'orga_' | 'app_' | 'addon_';

const patterns: Record<IdPrefix, RegExp> = {
  user_: new RegExp(`^user_${UUID}$`, 'i'),
  orga_: new RegExp(`^orga_${UUID}$`, 'i'),
  app_: new RegExp(`^app_${UUID}$`, 'i'),
  addon_: new RegExp(`^addon_${UUID}$`, 'i'),
};

export function isId(value: string, prefix: IdPrefix): boolean {
  return patterns[prefix].test(value);
}

/** An owner id: the personal space (`user_…`) or an organisation (`orga_…`). */
export function isOwnerId(value: string): boolean {
  return isId(value, 'user_') || isId(value, 'orga_');
}

export function ownerKind(ownerId: string): 'user' | 'organisation' {
  return ownerId.startsWith('user_') ? 'user' : 'organisation';
}

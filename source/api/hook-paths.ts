// The paths of the contract's hook endpoints, in one place: the client requests them and the TUI's
// review shows the request it is about to send.

export type HookCollection = 'webhooks' | 'emailhooks';

/** `/v2/notifications/{webhooks|emailhooks}/{ownerId}[/{hookId}]`, each id percent-encoded. */
export function hookPath(collection: HookCollection, ownerId: string, hookId?: string): string {
  const base = `/v2/notifications/${collection}/${encodeURIComponent(ownerId)}`;
  return hookId === undefined ? base : `${base}/${encodeURIComponent(hookId)}`;
}

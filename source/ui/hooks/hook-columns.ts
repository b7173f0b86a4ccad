// The TUI's hook tables use the columns the CLI uses (source/domain/hook-columns.ts); here the ids
// get their short prefixes from every hook of the owner, so that a prefix read here works in a command.
import { emailHookColumns as emailColumns, webhookColumns as webColumns } from '../../domain/hook-columns.js';
import { shortIds } from '../../domain/id-prefix.js';
import type { EmailHook, Webhook } from '../../domain/schemas.js';
import type { TableColumn } from '../../domain/table.js';

export function webhookColumns(
  names: ReadonlyMap<string, string>,
  now: number,
  ownerHooks: readonly { id: string }[],
): TableColumn<Webhook>[] {
  return webColumns({ names, shortIds: shortIds(ownerHooks.map((h) => h.id)) }, now);
}

export function emailHookColumns(
  names: ReadonlyMap<string, string>,
  people: ReadonlyMap<string, string>,
  ownerHooks: readonly { id: string }[],
): TableColumn<EmailHook>[] {
  return emailColumns({ names, shortIds: shortIds(ownerHooks.map((h) => h.id)) }, people);
}

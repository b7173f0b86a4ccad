// The current set-up read from the API, as a notifications file: one /v2/summary for the owners and
// the names of their apps and add-ons, then each owner's two hook lists. Used by `clever-notify
// export` and by the TUI's export key.
import { writeFile } from 'node:fs/promises';
import { LIST_CONCURRENCY, mapLimit } from '../api/map-limit.js';
import type { CleverApi } from '../api/types.js';
import { UserError } from '../domain/errors.js';
import { safeText } from '../domain/terminal-text.js';
import { type AccountOwner, accountOf } from './account.js';
import { formatForPath, formatNotifications } from './document.js';
import type { NotificationsFile } from './file-schema.js';
import {
  type ExportOptions,
  exportOwner,
  type OwnerExport,
  type SecretVariable,
  VariableNames,
} from './from-api.js';

export interface ExportResult {
  file: NotificationsFile;
  variables: SecretVariable[];
  unnamed: (OwnerExport['unnamed'][number] & { ownerId: string })[];
  webhooks: number;
  emailHooks: number;
}

/** `ownerIds`: those owners only (an unknown one is an error); undefined: every owner. */
export async function exportNotifications(
  api: CleverApi,
  options: ExportOptions & { ownerIds?: readonly string[] } = {},
): Promise<ExportResult> {
  const account = accountOf(await api.summary());
  let owners: readonly AccountOwner[] = account.owners;
  if (options.ownerIds) {
    owners = options.ownerIds.map((id) => {
      const owner = account.owners.find((o) => o.id === id);
      if (!owner) throw new UserError(`${id} is none of your organisations, nor your personal space`);
      return owner;
    });
  }
  const names = new VariableNames();
  const lists = await mapLimit(owners, LIST_CONCURRENCY, (owner) =>
    Promise.all([api.listWebhooks(owner.id), api.listEmailHooks(owner.id)]),
  );
  // Variable names are given out in the file's order, so that they are the same on every export.
  const exports = owners.map((owner, i) =>
    exportOwner(owner, account.selfId, lists[i]![0], lists[i]![1], names, options),
  );
  return {
    file: { version: 1, owners: exports.map((e) => e.owner) },
    variables: exports.flatMap((e) => e.variables),
    unnamed: exports.flatMap((e, i) => e.unnamed.map((u) => ({ ...u, ownerId: owners[i]!.id }))),
    webhooks: exports.reduce((n, e) => n + (e.owner.webhooks?.length ?? 0), 0),
    emailHooks: exports.reduce((n, e) => n + (e.owner.emailHooks?.length ?? 0), 0),
  };
}

/** The export written to `path` (YAML, or JSON for a `.json` path). */
export async function exportToFile(
  api: CleverApi,
  path: string,
  options: ExportOptions & { ownerIds?: readonly string[] } = {},
): Promise<ExportResult> {
  const result = await exportNotifications(api, options);
  try {
    await writeFile(path, formatNotifications(result.file, formatForPath(path)));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'its folder does not exist'
        : code === 'EISDIR'
          ? 'it is a folder'
          : (error as Error).message;
    throw new UserError(`cannot write ${safeText(path)}: ${reason}`);
  }
  return result;
}

// The human tables of the hook commands (their JSON is ./hooks-json.ts), with the TUI's columns
// (source/domain/hook-columns.ts): secrets masked, outside text made safe, fitted to the terminal.
// Pure: the caller passes the clock, the paint and the width.
import type { WebhookTestResult } from '../../api/types.js';
import { emailHookColumns, webhookColumns } from '../../domain/hook-columns.js';
import { shortIds } from '../../domain/id-prefix.js';
import { fullMaskedUrl, shortTarget } from '../../domain/masking.js';
import type { EmailHook, Webhook } from '../../domain/schemas.js';
import type { TableColumn } from '../../domain/table.js';
import type { Paint } from './style.js';
import { renderTable } from './table.js';

/** What a human table needs besides the hooks. */
export interface HookTableOptions {
  paint: Paint;
  /** The terminal's width, or undefined: every column whole (a pipe, a file, or --wide). */
  width: number | undefined;
  /** App and add-on names by id, for the scope. */
  names: ReadonlyMap<string, string>;
  /** Every id of the owner's hooks: the short ids shown are unambiguous among them all. */
  ownerIds: readonly string[];
  showSecrets?: boolean;
}

export function webhooksTable(hooks: Webhook[], now: number, options: HookTableOptions): string {
  const columns = webhookColumns(
    { names: options.names, shortIds: shortIds(options.ownerIds), showSecrets: options.showSecrets === true },
    now,
  );
  return renderTable(columns, hooks, options);
}

/** `people`: user id → a member's name, shown for a userid target instead of the id. */
export function emailHooksTable(
  hooks: EmailHook[],
  options: HookTableOptions,
  people: ReadonlyMap<string, string> = new Map(),
): string {
  const columns = emailHookColumns({ names: options.names, shortIds: shortIds(options.ownerIds) }, people);
  return renderTable(columns, hooks, options);
}

const TEST_COLUMNS: TableColumn<WebhookTestResult>[] = [
  { id: 'format', title: 'Format', minWidth: 6, dropOrder: 2, cell: (r) => r.format },
  {
    id: 'url',
    title: 'Url',
    minWidth: 14,
    grow: 2,
    cell: (r, width) =>
      width === Number.POSITIVE_INFINITY ? fullMaskedUrl(r.url) : shortTarget(r.url, width),
  },
  {
    id: 'result',
    title: 'Result',
    minWidth: 8,
    cell: (r) =>
      r.ok
        ? `ok ${r.status ?? ''}`.trim()
        : r.status !== undefined
          ? `HTTP ${r.status}`
          : (r.networkFailure ?? 'failed'),
    tone: (r) => (r.ok ? 'ok' : 'error'),
  },
  { id: 'time', title: 'Time', minWidth: 7, cell: (r) => `${Math.round(r.durationMs)} ms` },
  {
    id: 'response',
    title: 'Response',
    minWidth: 10,
    grow: 1,
    dropOrder: 1,
    cell: (r) => (r.responseExcerpt ?? '').replace(/\s+/g, ' ').slice(0, 200),
  },
];

export function testResultsTable(
  results: WebhookTestResult[],
  options: Pick<HookTableOptions, 'paint' | 'width'>,
): string {
  return renderTable(TEST_COLUMNS, results, options);
}

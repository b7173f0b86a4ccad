// The order of the hook tables' rows: each table may be sorted by one of its columns (its own, from
// source/domain, so that the order is the one the header shows); see ./sort-keys.ts for the keys.
import { emailHookColumns, webhookColumns } from '../../domain/hook-columns.js';
import type { Hook } from '../../domain/hooks.js';
import { sortRows, type TableColumn, type TableSort } from '../../domain/table.js';
import type { AppState, SortableTable } from './model.js';

const NO_IDS: ReadonlyMap<string, string> = new Map();

/** The columns a table's rows are sorted by: the table's own, with the names the screen shows. */
export function sortColumns(
  table: SortableTable,
  names: ReadonlyMap<string, string>,
  people: ReadonlyMap<string, string>,
): TableColumn<Hook>[] {
  return (
    table === 'webhooks'
      ? webhookColumns({ names, shortIds: NO_IDS }, 0)
      : emailHookColumns({ names, shortIds: NO_IDS }, people)
  ) as TableColumn<Hook>[];
}

export function sortHooks(
  hooks: readonly Hook[],
  table: SortableTable,
  sort: TableSort | undefined,
  names: ReadonlyMap<string, string>,
  people: ReadonlyMap<string, string>,
): Hook[] {
  if (!sort) return hooks as Hook[];
  return sortRows(hooks, sortColumns(table, names, people), sort);
}

/**
 * The next column in the header's order, ascending; after the last, the API's order. The id comes
 * last: it is what one sorts by least, and the first column a narrow terminal drops.
 */
export function nextSort(
  current: TableSort | undefined,
  columns: readonly { id: string }[],
): TableSort | undefined {
  const order = [...columns.filter((c) => c.id !== 'id'), ...columns.filter((c) => c.id === 'id')];
  const at = current ? order.findIndex((c) => c.id === current.column) : -1;
  const next = order[at + 1];
  return next ? { column: next.id, descending: false } : undefined;
}

export function sortableTable(state: AppState): SortableTable | undefined {
  const { tab } = state.lists;
  return tab === 'webhooks' || tab === 'emailHooks' ? tab : undefined;
}

/** In words, for the status line and the table's summary: "name ↑", "created ↓". */
export function sortLabel(sort: TableSort, columns: readonly { id: string; title: string }[]): string {
  const title = columns.find((c) => c.id === sort.column)?.title ?? sort.column;
  return `${title.toLowerCase()} ${sort.descending ? '↓' : '↑'}`;
}

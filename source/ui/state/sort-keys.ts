// The sort keys of the hook tables: `S` cycles the column the table is sorted by (the API's order,
// then each column in turn, then the API's order again), `I` reverses it. Each table's sort is its own
// and is remembered in the settings.
import type { TableSort } from '../../domain/table.js';
import { queue, withStatus } from './hook-commands.js';
import type { AppState } from './model.js';
import { names, people } from './selectors.js';
import { nextSort, sortableTable, sortColumns, sortLabel } from './sort.js';

export function sortKey(state: AppState, command: 'table.sort' | 'table.reverse'): AppState {
  const table = sortableTable(state);
  if (!table) return state;
  const columns = sortColumns(table, names(state), people(state));
  const current = state.lists.sorts[table];
  let sort: TableSort | undefined;
  if (command === 'table.sort') sort = nextSort(current, columns);
  else if (current) sort = { ...current, descending: !current.descending };
  else return withStatus(state, 'Nothing to reverse: S sorts the table by a column first.', 'info');
  const { [table]: _old, ...others } = state.lists.sorts;
  const next: AppState = {
    ...state,
    lists: { ...state.lists, sorts: sort ? { ...others, [table]: sort } : others },
  };
  const said = sort
    ? `Sorted by ${sortLabel(sort, columns)} (S: next column, I: reverse).`
    : 'In the order of the API (S sorts by a column).';
  return queue(withStatus(next, said, 'info'), { type: 'rememberSort', table, sort });
}

// The sort keys of a table, declared like every other binding (the footer and `?` are built from
// them). S and I: r and R reload, s shows secrets in the details; I is htop's key for the reverse.
import type { KeyCommand } from './key-map.js';

export type TableCommand = 'table.sort' | 'table.reverse';

export const sortCommands: KeyCommand<TableCommand>[] = [
  {
    id: 'table.sort',
    keys: ['S'],
    description: 'Sort by the next column (then the API order again); remembered',
    hint: 'sort',
  },
  { id: 'table.reverse', keys: ['I'], description: 'Reverse the sort order' },
];

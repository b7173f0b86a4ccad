// The Problems view's table, on the one table model (source/domain/table.ts): when, what kind, which
// hook or app, in which owner, and what is wrong. A narrow terminal drops the kind, then the owner;
// what is wrong and when always stay.
import { age } from '../../domain/hook-labels.js';
import type { Problem } from '../../domain/problems.js';
import type { TableColumn } from '../../domain/table.js';

export function problemColumns(ownerNames: ReadonlyMap<string, string>, now: number): TableColumn<Problem>[] {
  return [
    {
      id: 'mark',
      title: ' ',
      minWidth: 1,
      cell: (p) => (p.kind === 'hook' && !p.disabled ? '!' : '✗'),
      tone: (p) => (p.kind === 'hook' && !p.disabled ? 'warning' : 'error'),
    },
    { id: 'when', title: 'When', minWidth: 8, cell: (p) => age(p.at, now) },
    {
      id: 'kind',
      title: 'Kind',
      minWidth: 7,
      dropOrder: 2,
      cell: (p) => (p.kind === 'hook' ? 'webhook' : 'app'),
    },
    { id: 'name', title: 'Name', minWidth: 12, grow: 2, maxWidth: 40, fill: 1, cell: (p) => p.name },
    {
      id: 'owner',
      title: 'Owner',
      minWidth: 10,
      grow: 1,
      maxWidth: 30,
      dropOrder: 1,
      cell: (p) => ownerNames.get(p.ownerId) ?? p.ownerId,
    },
    {
      id: 'what',
      title: 'Problem',
      minWidth: 16,
      grow: 3,
      fill: 0,
      cell: (p) => p.what,
      tone: (p) => (p.kind === 'hook' && !p.disabled ? 'warning' : 'error'),
    },
  ];
}

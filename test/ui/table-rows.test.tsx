// The rows of a table as the TUI draws them: a row that is not selected is a box of cells, each as wide
// as its column (the aligning spaces are not written, docs/performance.md), and it must line up exactly
// as the one padded line of the selected row does, wide characters and cut cells included.
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import type { TableColumn } from '../../source/domain/table.js';
import { Table } from '../../source/ui/table/table.js';

interface Row {
  id: string;
  name: string;
  state: string;
}

const columns: TableColumn<Row>[] = [
  { id: 'id', title: 'Id', minWidth: 4, cell: (r) => r.id },
  { id: 'name', title: 'Name', minWidth: 6, grow: 1, maxWidth: 12, cell: (r) => r.name },
  {
    id: 'state',
    title: 'State',
    minWidth: 8,
    cell: (r) => r.state,
    tone: (r) => (r.state === 'enabled' ? 'ok' : 'error'),
  },
];

const rows: Row[] = [
  { id: 'a1', name: 'short', state: 'enabled' },
  { id: 'b2', name: '日本語の名前です', state: 'disabled' },
  { id: 'c3', name: 'a-name-far-too-long-for-its-column', state: 'enabled' },
  { id: 'd4', name: 'ok', state: 'enabled' },
];

const strip = (text: string) => text.replace(/\u001B\[[0-9;]*m/g, '');

function frameOf(cursor: number) {
  const { lastFrame, unmount } = render(
    <Table
      columns={columns}
      rows={rows}
      rowKey={(r) => r.id}
      cursor={cursor}
      height={10}
      width={30}
      focused
    />,
  );
  const frame = lastFrame() ?? '';
  unmount();
  return frame;
}

describe('a table row', () => {
  it('lines up its cells under the titles, with wide characters and a cut cell, as the selected row does', () => {
    const expected = [
      '  Id   Name         State',
      '› a1   short        enabled',
      '  b2   日本語の名…  disabled',
      '  c3   a-name-far-… enabled',
      '  d4   ok           enabled',
    ];
    expect(strip(frameOf(0)).split('\n')).toEqual(expected);
    // Each row once as the selected one: the same columns, only the marker moves.
    for (let cursor = 1; cursor < rows.length; cursor++) {
      const lines = strip(frameOf(cursor)).split('\n');
      expect(lines.map((l) => l.slice(2).trimEnd())).toEqual(expected.map((l) => l.slice(2)));
      expect(lines[cursor + 1]?.startsWith('› ')).toBe(true);
    }
  });
});

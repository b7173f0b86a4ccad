// The pure rules under the lists: the window and its position text, the sort of a table's rows, and a
// settings file's remembered sorts read back (a bad entry dropped, the others kept).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnTitle, sortRows, type TableColumn } from '../../source/domain/table.js';
import { openSettings, saveTableSort } from '../../source/settings/settings.js';
import { listWindow, positionText } from '../../source/ui/table/window.js';

interface Row {
  id: string;
  name: string;
  at: number;
}
const columns: TableColumn<Row>[] = [
  { id: 'name', title: 'Name', minWidth: 4, cell: (r) => r.name },
  { id: 'at', title: 'When', minWidth: 4, cell: (r) => `${r.at} s ago`, sortKey: (r) => r.at },
  { id: 'state', title: 'State', minWidth: 1, shortTitle: '', cell: () => '✓' },
];
const rows: Row[] = [
  { id: 'a', name: 'hook 10', at: 5 },
  { id: 'b', name: 'Hook 9', at: 100 },
  { id: 'c', name: 'hook 10', at: 20 },
];

describe('the window of a list', () => {
  it('says where the rows on screen are only when the list does not fit', () => {
    expect(positionText(0, 41, 41)).toBe('');
    expect(positionText(12, 40, 41)).toBe('13–40 of 41');
    expect(listWindow(0, 40, 28, 41)).toEqual({ offset: 13, end: 41, count: 41, position: '14–41 of 41' });
    // It moves as little as possible: back up by one keeps the window.
    expect(listWindow(13, 39, 28, 41).offset).toBe(13);
    // With a margin, the rows around the cursor stay in view.
    expect(listWindow(0, 10, 10, 41, 3).offset).toBe(4);
    expect(listWindow(0, 0, 5, 0).position).toBe('');
  });
});

describe('sorting the rows of a table', () => {
  it('orders by the cell, numbers as numbers and case aside, by the sort key when given, stably', () => {
    const ids = (sorted: Row[]) => sorted.map((r) => r.id).join('');
    expect(ids(sortRows(rows, columns, { column: 'name', descending: false }))).toBe('bac');
    expect(ids(sortRows(rows, columns, { column: 'name', descending: true }))).toBe('acb');
    expect(ids(sortRows(rows, columns, { column: 'at', descending: false }))).toBe('acb');
    expect(ids(sortRows(rows, columns, { column: 'gone', descending: false }))).toBe('abc');
    expect(ids(sortRows(rows, columns, undefined))).toBe('abc');
  });

  it('marks the sorted column in its title, and uses the short title where the whole does not fit', () => {
    expect(columnTitle(columns[0]!, 10, { column: 'name', descending: true })).toBe('↓Name');
    expect(columnTitle(columns[2]!, 1)).toBe('');
    expect(columnTitle(columns[2]!, 8)).toBe('State');
  });
});

describe('the remembered sorts', () => {
  it('keeps each table apart and drops a hand-edited bad entry', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-sorts-'));
    try {
      const env = { CLEVER_NOTIFY_CONFIG_DIR: dir };
      const settings = openSettings(env);
      saveTableSort(settings, 'webhooks', { column: 'name', descending: true });
      saveTableSort(settings, 'emailHooks', { column: 'created', descending: false });
      saveTableSort(settings, 'emailHooks', undefined);
      expect(openSettings(env).get('tableSorts')).toEqual({ webhooks: { column: 'name', descending: true } });
      await writeFile(
        path.join(dir, 'settings.json'),
        JSON.stringify({
          lastOwnerId: 'u',
          tableSorts: { webhooks: { column: 3 }, emailHooks: { column: 'id', descending: false } },
        }),
      );
      const read = openSettings(env);
      expect(read.get('tableSorts')).toEqual({ emailHooks: { column: 'id', descending: false } });
      expect(read.get('lastOwnerId')).toBe('u');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

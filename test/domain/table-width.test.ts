// Display widths of table cells: runs other than printable ASCII are measured once and remembered
// (a bounded memo), and a width read back from it is the width string-width gives.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { contentWidths, displayWidth, type TableColumn } from '../../source/domain/table.js';

describe('displayWidth', () => {
  it('gives the same widths as string-width, measured the first time or read back', () => {
    const texts = [
      '—',
      'a — b',
      '日本語',
      'x日本語y',
      '✓ ok',
      'host/…/last',
      '••••',
      '👍🏽 yes',
      'e\u0301t\u00e9',
    ];
    const first = texts.map((t) => displayWidth(t));
    expect(first).toEqual(texts.map((t) => stringWidth(t)));
    expect(texts.map((t) => displayWidth(t))).toEqual(first);
  });

  it('stays right once the memo was emptied for being full', () => {
    const many = Array.from({ length: 600 }, (_, i) => `${String.fromCodePoint(0x4e00 + i)}—${i}`);
    for (const text of many) expect(displayWidth(text)).toBe(stringWidth(text));
    expect(displayWidth('日本—')).toBe(5);
    expect(displayWidth('—')).toBe(1);
  });

  it('measures a long run whole, without keeping it', () => {
    const long = '日'.repeat(40);
    expect(displayWidth(long)).toBe(80);
    expect(displayWidth(`${long}x`)).toBe(81);
  });

  it('gives every row of a column its width', () => {
    const columns: TableColumn<string>[] = [{ id: 'v', title: 'V', minWidth: 1, cell: (r) => r }];
    expect(contentWidths(columns, ['—', '——', 'ab—日'])).toEqual([5]);
  });
});

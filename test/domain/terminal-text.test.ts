import { describe, expect, it } from 'vitest';
import { safeText } from '../../source/domain/terminal-text.js';

describe('safeText', () => {
  it('shows the sequences of a hostile hook name as text, with no ESC or BEL left', () => {
    const name = 'evil\u001b]0;PWNED\u0007\u001b[2J';
    const shown = safeText(name);
    expect(shown).toBe('evil\\e]0;PWNED\\x07\\e[2J');
    expect(shown).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/);
  });

  it('escapes CR, LF, NUL, DEL, C1 controls and bidirectional overrides', () => {
    expect(safeText('a\r\nb\u0000c\u007fd\u009be\u202ef')).toBe('a\\r\\nb\\x00c\\x7fd\\x9be\\u202ef');
  });

  it('keeps line feeds when asked, and still escapes the rest', () => {
    expect(safeText('line 1\nline 2\r\u001b[31m', { keepNewlines: true })).toBe('line 1\nline 2\\r\\e[31m');
  });

  it('leaves ordinary text, emoji and CJK as they are', () => {
    for (const text of ['Déploiements 🚀', '部署通知', 'https://example.org/hook?a=1&b=2']) {
      expect(safeText(text)).toBe(text);
    }
  });
});

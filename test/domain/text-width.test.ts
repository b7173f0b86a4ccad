// textWidth gives string-width's answer, for every character alone and in the company that could make
// it part of a larger grapheme cluster (source/domain/text-width.ts says why it exists).
import { eastAsianWidth } from 'get-east-asian-width';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import textWidth, { JOINS_OR_HIDES } from '../../source/domain/text-width.js';

const segmenter = new Intl.Segmenter();
const clusters = (text: string) => [...segmenter.segment(text)].length;

/**
 * Every code point of the BMP and the SMP, the tags and variation selectors of plane 14, and one in 64
 * of the ideographs of planes 2 and 3 (all alike: wide letters).
 */
function* codePoints(): Generator<string> {
  for (let cp = 0; cp <= 0x1ffff; cp++) yield String.fromCodePoint(cp);
  for (let cp = 0x20000; cp <= 0x3ffff; cp += 64) yield String.fromCodePoint(cp);
  for (let cp = 0xe0000; cp <= 0xe01ef; cp++) yield String.fromCodePoint(cp);
}

describe('textWidth', () => {
  it('is string-width for every character, between letters, and in escape codes', () => {
    const wrong: string[] = [];
    let n = 0;
    for (const c of codePoints()) {
      const texts = n++ % 61 === 0 ? [`a${c}b`, `\u001b[1m${c}${c}\u001b[22m ✓`] : [`a${c}b`];
      for (const text of texts)
        if (textWidth(text) !== stringWidth(text))
          wrong.push(`U+${c.codePointAt(0)!.toString(16)} in ${JSON.stringify(text)}`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it('measures without string-width only characters that never join a neighbour', () => {
    // A character it measures alone is one cluster whatever comes before or after it (no mark, joiner,
    // prepended letter, Hangul jamo or syllable, regional indicator), so a text of such characters is
    // one cluster per character, each as wide as its East Asian Width. Each neighbour below would join
    // a character of one of those kinds: a letter, itself, a leading, vowel or trailing jamo.
    const wrong: string[] = [];
    for (const c of codePoints()) {
      if (JOINS_OR_HIDES.test(c) || /^[\ud800-\udfff]$/.test(c)) continue;
      const apart = clusters(`\u1100${c}a${c}${c}\u1161 ${c}\u11a8`) === 9;
      if (!apart || stringWidth(c) !== eastAsianWidth(c.codePointAt(0)!))
        wrong.push(`U+${c.codePointAt(0)!.toString(16)}`);
    }
    expect(wrong.slice(0, 20)).toEqual([]);
  });

  it('keeps string-width for its options and for the texts of the screens', () => {
    for (const text of [
      '╭─ Owners ─╮',
      '› Acme Shop 1 ✗',
      'café',
      'e\u0301',
      '日本語',
      '한국어',
      '👍🏽',
      '👨‍👩‍👧',
      '🇫🇷',
      '1️⃣',
      '\t',
      'a\u200bb',
      'ｶﾞ',
    ]) {
      expect(textWidth(text)).toBe(stringWidth(text));
      expect(textWidth(text, { ambiguousIsNarrow: false })).toBe(
        stringWidth(text, { ambiguousIsNarrow: false }),
      );
      expect(textWidth(`\u001b[31m${text}`, { countAnsiEscapeCodes: true })).toBe(
        stringWidth(`\u001b[31m${text}`, { countAnsiEscapeCodes: true }),
      );
    }
  });
});

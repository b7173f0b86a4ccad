// The display width of text on a terminal, for every width the program computes: its tables, and Ink
// and the text libraries Ink uses (the build resolves their `string-width` to this module:
// scripts/string-width.mjs). The answer is string-width's; this module only spares its cost where its
// rules give nothing but the East Asian Width of each character. string-width cuts every non-ASCII
// text into grapheme clusters with Intl.Segmenter and tests each against an emoji regular expression
// (building both costs tens of milliseconds at start, docs/performance.md "Text widths"), while the
// text of the screens (box lines, arrows, ticks, accents, CJK) is made of characters that never join
// a neighbour: one cluster each, its width the character's East Asian Width.
// test/domain/text-width.test.ts checks that both give the same width for every character.
import { eastAsianWidth } from 'get-east-asian-width';
import stringWidth from 'string-width';
import stripAnsi from 'strip-ansi';

/** string-width's options (its defaults: ambiguous characters are narrow, escape codes count for 0). */
export interface TextWidthOptions {
  ambiguousIsNarrow?: boolean;
  countAnsiEscapeCodes?: boolean;
}

/**
 * A character that may join its neighbours into one grapheme cluster (marks and other extenders,
 * joiners, variation selectors, emoji and their modifiers, regional indicators, Hangul jamo and
 * syllables, the prepended letters and the vowel signs that Unicode counts as letters of some
 * scripts), or that string-width counts as zero
 * (controls, formats, default-ignorables, lone surrogates).
 */
export const JOINS_OR_HIDES =
  /[\p{M}\p{Grapheme_Extend}\p{Default_Ignorable_Code_Point}\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{Script=Hangul}\p{Cc}\p{Cf}\p{Cs}\u0d4e\u0e33\u0eb3\u{111c2}\u{111c3}\u{1193f}\u{11941}\u{11a3a}\u{11a84}-\u{11a89}\u{11d46}\u{113d1}\u{11f02}\u{16d63}\u{16d67}-\u{16d6a}]/u;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** How many columns `input` takes on a terminal: string-width's answer (same signature). */
export default function textWidth(input: string, options: TextWidthOptions = {}): number {
  if (typeof input !== 'string' || input.length === 0) return 0;
  if (options.ambiguousIsNarrow === false || options.countAnsiEscapeCodes === true)
    return stringWidth(input, options);
  const text = input.includes('\u001b') || input.includes('\u009b') ? stripAnsi(input) : input;
  if (PRINTABLE_ASCII.test(text)) return text.length;
  if (JOINS_OR_HIDES.test(text)) return stringWidth(text);
  let width = 0;
  for (const character of text) width += eastAsianWidth(character.codePointAt(0)!);
  return width;
}

// Text wrapped at word boundaries for a known width. Ink's own `wrap="wrap"` keeps the spaces where it
// breaks (wrap-ansi with `trim: false`): a word that ends exactly at the edge pushes the space after it
// to the start of the next line, which then reads one column off. Breaking here, with wrap-ansi's
// default trimming, keeps every line flush left.
import { Text, type TextProps } from 'ink';
import wrapAnsi from 'wrap-ansi';

export function Words({
  width,
  text,
  ...style
}: { width: number; text: string } & Omit<TextProps, 'children'>) {
  return <Text {...style}>{wrapAnsi(text, Math.max(1, width), { hard: true })}</Text>;
}

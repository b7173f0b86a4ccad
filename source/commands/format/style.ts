// Colour for human output: only on a terminal, never under NO_COLOR or TERM=dumb. Semantic names,
// so that a table says "this is bad" rather than "this is red".
export type Tone = 'good' | 'bad' | 'warn' | 'muted' | 'strong';

const CODES: Record<Tone, [number, number]> = {
  good: [32, 39],
  bad: [31, 39],
  warn: [33, 39],
  muted: [2, 22],
  strong: [1, 22],
};

export type Paint = (tone: Tone | undefined, text: string) => string;

export const plain: Paint = (_tone, text) => text;

export const ansi: Paint = (tone, text) => {
  if (!tone || text === '') return text;
  const [open, close] = CODES[tone];
  return `\u001b[${open}m${text}\u001b[${close}m`;
};

export function colorEnabled(
  stream: { isTTY?: boolean } = process.stdout,
  env: Record<string, string | undefined> = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export function paintFor(stream: { isTTY?: boolean } = process.stdout): Paint {
  return colorEnabled(stream) ? ansi : plain;
}

/** The width a table may take: the terminal's, or none when the output goes to a file or a pipe. */
export function terminalWidth(
  stream: { isTTY?: boolean; columns?: number } = process.stdout,
): number | undefined {
  return stream.isTTY && stream.columns ? stream.columns : undefined;
}

// `clever-notify --help` without loading commander: the build reads what the root help says from the
// program (program.ts, `rootHelpOf`) and this lays it out for the terminal's width exactly as
// commander 14's Help does (formatHelp, formatItem, boxWrap), so that the answer costs about what
// `--version` costs (docs/performance.md). test/commands/root-help.test.ts compares the two at many
// widths.

export interface RootHelp {
  usage: string;
  description: string;
  /** The width of the longest term: every description starts after it. */
  termWidth: number;
  sections: { title: string; items: [term: string, description: string][] }[];
  /** Printed after the help, as `addHelpText('after', …)` does. */
  after: string;
}

/** Below this many columns commander does not wrap. */
const MIN_WIDTH_TO_WRAP = 40;
const ITEM_INDENT = 2;
const SPACER = 2;

/** `width`: the terminal's columns, undefined when stdout is not a terminal (commander then uses 80). */
export function formatRootHelp(help: RootHelp, width: number | undefined): string {
  const helpWidth = width ?? 80;
  const lines = [`Usage: ${help.usage}`, ''];
  if (help.description.length > 0) lines.push(boxWrap(help.description, helpWidth), '');
  for (const { title, items } of help.sections) {
    lines.push(title, ...items.map(([term, text]) => formatItem(term, text, help.termWidth, helpWidth)), '');
  }
  return `${lines.join('\n')}${help.after ? `${help.after}\n` : ''}`;
}

function formatItem(term: string, description: string, termWidth: number, helpWidth: number): string {
  const indent = ' '.repeat(ITEM_INDENT);
  if (!description) return indent + term;
  const remaining = helpWidth - termWidth - SPACER - ITEM_INDENT;
  const text =
    remaining < MIN_WIDTH_TO_WRAP || /\n[^\S\r\n]/.test(description)
      ? description
      : boxWrap(description, remaining).replace(/\n/g, `\n${' '.repeat(termWidth + SPACER)}`);
  return `${indent}${term.padEnd(termWidth)}${' '.repeat(SPACER)}${text.replace(/\n/g, `\n${indent}`)}`;
}

/** Wraps at whitespace, keeping the line breaks already there; no wrapping below 40 columns. */
function boxWrap(text: string, width: number): string {
  if (width < MIN_WIDTH_TO_WRAP) return text;
  const wrapped: string[] = [];
  for (const line of text.split(/\r\n|\n/)) {
    const chunks = line.match(/[\s]*[^\s]+/g);
    if (chunks === null) {
      wrapped.push('');
      continue;
    }
    let current = chunks.shift()!;
    for (const chunk of chunks) {
      if (current.length + chunk.length <= width) {
        current += chunk;
        continue;
      }
      wrapped.push(current);
      current = chunk.trimStart();
    }
    wrapped.push(current);
  }
  return wrapped.join('\n');
}

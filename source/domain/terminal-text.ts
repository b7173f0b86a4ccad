// Text from outside (hook names, URLs, e-mail targets, error bodies, response excerpts) is shown on a
// terminal only through `safeText`: a control character would otherwise be obeyed by the terminal
// (ESC starts a sequence that can rename the window, clear the screen or move the cursor; CR rewrites
// the line). Each one is shown as a visible escape instead, so nothing is lost and nothing is obeyed.
// JSON output needs none of this: JSON escaping already makes every control character visible.

/** C0 controls, DEL, C1 controls, and the bidirectional overrides that reorder what a line seems to say. */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_KEEPING_NEWLINES = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Readonly<Record<string, string>> = {
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\u001b': '\\e',
};

function visible(char: string): string {
  const named = NAMED[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
}

export interface SafeTextOptions {
  /** Keep line feeds (a multi-line view such as a response body); every other control is escaped. */
  keepNewlines?: boolean;
}

/** `text` with every control character shown as a visible escape (`\e`, `\r`, `\x07`, `\u202e`…). */
export function safeText(text: string, options: SafeTextOptions = {}): string {
  const pattern = options.keepNewlines ? UNSAFE_KEEPING_NEWLINES : UNSAFE;
  pattern.lastIndex = 0;
  return pattern.test(text) ? text.replace(pattern, visible) : text;
}

// One line of text being edited, as a pure function of the keys (readline's keys: ← → Home End ^A ^E
// ^U ^W ^K, Backspace, Delete). A prefilled default is "selected": the first typed character replaces
// it, Enter keeps it, and any editing key starts editing it where it stands.
import { textFieldKeys } from '../keys/editing-keys.js';
import { commandFor } from '../keys/key-map.js';

export interface Line {
  value: string;
  /** In characters (code points), 0 … length. */
  cursor: number;
  selected: boolean;
}

export function lineOf(value: string, selected = false): Line {
  return { value, cursor: [...value].length, selected };
}

function wordStart(chars: readonly string[], cursor: number): number {
  let i = cursor;
  while (i > 0 && /\s/.test(chars[i - 1]!)) i--;
  while (i > 0 && !/\s/.test(chars[i - 1]!)) i--;
  return i;
}

/** The line after `key` (a key name, or one typed character); undefined when the key is not an edit. */
export function editLine(line: Line, key: string): Line | undefined {
  const chars = [...line.value];
  const cursor = Math.min(line.cursor, chars.length);
  const at = (value: string[], next: number): Line => ({
    value: value.join(''),
    cursor: next,
    selected: false,
  });
  switch (commandFor(textFieldKeys, key)) {
    case 'text.left':
      return at(chars, Math.max(0, cursor - 1));
    case 'text.right':
      return at(chars, Math.min(chars.length, cursor + 1));
    case 'text.start':
      return at(chars, 0);
    case 'text.end':
      return at(chars, chars.length);
    case 'text.erase':
      return cursor === 0 ? at(chars, 0) : at(chars.toSpliced(cursor - 1, 1), cursor - 1);
    case 'text.delete':
      return at(chars.toSpliced(cursor, 1), cursor);
    case 'text.clearStart':
      return at(chars.slice(cursor), 0);
    case 'text.clearEnd':
      return at(chars.slice(0, cursor), cursor);
    case 'text.deleteWord': {
      const start = wordStart(chars, cursor);
      return at(chars.toSpliced(start, cursor - start), start);
    }
    default: {
      const typed = key === 'space' ? ' ' : key;
      if ([...typed].length !== 1 || /[\u0000-\u001F\u007F]/.test(typed)) return undefined;
      if (line.selected) return at([typed], 1);
      return at(chars.toSpliced(cursor, 0, typed), cursor + 1);
    }
  }
}

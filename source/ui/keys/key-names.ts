// Turns what Ink hands to useInput into key names ('j', 'up', 'enter', 'ctrl+c'…). A burst of typed
// keys arrives as one string ("jjj"): it becomes one name per character, handled one after the other.
import type { Key } from 'ink';

/** `raw` is the sequence Ink parsed, when known: Ink 6 gives Backspace and Delete the same `Key`. */
export function keyNames(input: string, key: Key, raw = ''): string[] {
  if (key.upArrow) return ['up'];
  if (key.downArrow) return ['down'];
  if (key.leftArrow) return ['left'];
  if (key.rightArrow) return ['right'];
  if (key.pageUp) return ['pageup'];
  if (key.pageDown) return ['pagedown'];
  if (key.home) return ['home'];
  if (key.end) return ['end'];
  if (key.return) return ['enter'];
  if (key.escape) return ['esc'];
  if (key.tab) return [key.shift ? 'shift+tab' : 'tab'];
  // Ink 6 reports Backspace as `delete`; the Delete key sends ESC [ 3 ~ (with modifiers: ESC [ 3 ; m ~).
  if (key.delete && /^\u001B\[3[~;$^]/.test(raw)) return ['delete'];
  if (key.backspace || key.delete) return ['backspace'];
  if (key.ctrl) return [`ctrl+${input}`];
  // Esc followed at once by a key reads as Meta+key: a user who typed Esc then the key meant both.
  if (key.meta && input.length === 1) return ['esc', input === ' ' ? 'space' : input];
  // Control characters inside a burst ("\tj") were not parsed as keys by Ink: name them here.
  return [...input].map((ch) => BURST_CONTROLS[ch] ?? ctrlLetter(ch) ?? ch);
}

/** Ctrl-A … Ctrl-Z inside a burst ("x\u0005" when typed fast). */
function ctrlLetter(ch: string): string | undefined {
  const code = ch.charCodeAt(0);
  return ch.length === 1 && code >= 1 && code <= 26 ? `ctrl+${String.fromCharCode(code + 96)}` : undefined;
}

const BURST_CONTROLS: Record<string, string> = {
  ' ': 'space',
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\u007F': 'backspace',
  '\b': 'backspace',
  '\u001B': 'esc',
  '\u0003': 'ctrl+c',
};

/** How a key name is written in the footer and the help overlay. */
export function keyLabel(name: string): string {
  const labels: Record<string, string> = {
    up: '↑',
    down: '↓',
    left: '←',
    right: '→',
    enter: 'Enter',
    esc: 'Esc',
    tab: 'Tab',
    'shift+tab': 'S-Tab',
    space: 'Space',
    backspace: 'Bksp',
    delete: 'Del',
    pageup: 'PgUp',
    pagedown: 'PgDn',
    home: 'Home',
    end: 'End',
  };
  if (labels[name]) return labels[name];
  if (name.startsWith('ctrl+')) return `^${name.slice(5).toUpperCase()}`;
  return name;
}

// Turns what the terminal sent into key names ('j', 'up', 'enter', 'ctrl+c'…). A burst of typed keys
// arrives as one chunk ("jjj", or "x" then Ctrl-E typed fast): it becomes one name per key, handled one
// after the other. Reading the bytes ourselves keeps what Ink 6 merges: Backspace (DEL, 0x7f) and
// Delete (ESC [ 3 ~) are different keys.

/** CSI and SS3 sequences by their final part (after ESC [ or ESC O, parameters removed). */
const SEQUENCES: Record<string, string> = {
  A: 'up',
  B: 'down',
  C: 'right',
  D: 'left',
  H: 'home',
  F: 'end',
  Z: 'shift+tab',
  '1~': 'home',
  '7~': 'home',
  '4~': 'end',
  '8~': 'end',
  '3~': 'delete',
  '5~': 'pageup',
  '6~': 'pagedown',
};

const CONTROLS: Record<string, string> = {
  ' ': 'space',
  '\r': 'enter',
  '\n': 'enter',
  '\t': 'tab',
  '\u007F': 'backspace',
  '\b': 'backspace',
  '\u0003': 'ctrl+c',
};

/** Ctrl-A … Ctrl-Z. */
function ctrlLetter(ch: string): string | undefined {
  const code = ch.charCodeAt(0);
  return ch.length === 1 && code >= 1 && code <= 26 ? `ctrl+${String.fromCharCode(code + 96)}` : undefined;
}

function sequenceName(body: string): string | undefined {
  // "1;5A" (with modifiers) reads as "A"; "3;2~" as "3~".
  const final = body.at(-1) ?? '';
  if (final === '~') return SEQUENCES[`${body.slice(0, -1).split(';')[0]}~`];
  return SEQUENCES[final];
}

export function parseKeys(data: string): string[] {
  const names: string[] = [];
  const chars = [...data];
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i]!;
    if (ch === '\u001B') {
      const next = chars[i + 1];
      if (next === '[' || next === 'O') {
        // Parameters (digits, ;) then one final character.
        let j = i + 2;
        while (j < chars.length && /[0-9;:?]/.test(chars[j]!)) j++;
        const name = sequenceName(chars.slice(i + 2, j + 1).join(''));
        if (name) names.push(name);
        i = j + 1;
        continue;
      }
      // Esc followed at once by a key: a user who typed Esc then the key meant both.
      names.push('esc');
      i++;
      continue;
    }
    names.push(CONTROLS[ch] ?? ctrlLetter(ch) ?? ch);
    i++;
  }
  return names;
}

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

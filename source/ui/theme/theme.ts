// Colours are semantic tokens; NO_COLOR selects a theme that uses none and still shows the selection
// (inverse video and a marker), rather than stripping colours after the fact.
export interface TextStyle {
  color?: string;
  backgroundColor?: string;
  bold?: boolean;
  dimColor?: boolean;
  inverse?: boolean;
}

export interface Theme {
  name: 'color' | 'no-color';
  /** Drawn before the selected row; a no-colour terminal needs it to see the cursor. */
  selectionMarker: string;
  text: { primary: TextStyle; secondary: TextStyle; heading: TextStyle; key: TextStyle };
  selection: { focused: TextStyle; unfocused: TextStyle };
  border: { focused: string | undefined; unfocused: string | undefined };
  status: { ok: TextStyle; warning: TextStyle; error: TextStyle; info: TextStyle };
  badge: { sandbox: TextStyle; live: TextStyle };
  tab: { active: TextStyle; inactive: TextStyle };
}

export const colorTheme: Theme = {
  name: 'color',
  selectionMarker: '›',
  text: {
    primary: {},
    secondary: { dimColor: true },
    heading: { bold: true, color: 'cyan' },
    key: { bold: true, color: 'yellow' },
  },
  selection: {
    focused: { backgroundColor: 'blue', color: 'white', bold: true },
    unfocused: { color: 'blue', bold: true },
  },
  border: { focused: 'cyan', unfocused: 'gray' },
  status: {
    ok: { color: 'green' },
    warning: { color: 'yellow' },
    error: { color: 'red', bold: true },
    info: { color: 'cyan' },
  },
  badge: {
    sandbox: { backgroundColor: 'magenta', color: 'white', bold: true },
    live: { backgroundColor: 'green', color: 'black', bold: true },
  },
  tab: { active: { bold: true, inverse: true }, inactive: { dimColor: true } },
};

export const noColorTheme: Theme = {
  name: 'no-color',
  selectionMarker: '>',
  text: { primary: {}, secondary: {}, heading: { bold: true }, key: { bold: true } },
  selection: { focused: { inverse: true, bold: true }, unfocused: { bold: true } },
  border: { focused: undefined, unfocused: undefined },
  status: { ok: {}, warning: { bold: true }, error: { bold: true }, info: {} },
  badge: { sandbox: { inverse: true, bold: true }, live: { inverse: true, bold: true } },
  tab: { active: { inverse: true, bold: true }, inactive: {} },
};

/** https://no-color.org: any non-empty NO_COLOR value turns colours off. */
export function themeFor(env: NodeJS.ProcessEnv = process.env): Theme {
  return env.NO_COLOR ? noColorTheme : colorTheme;
}

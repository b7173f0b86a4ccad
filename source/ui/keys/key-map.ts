// Keys are commands with namespaced ids mapped to bindings, declared once per screen. The footer and
// the `?` overlay are both built from these declarations, so they cannot disagree with the handlers.
import { keyLabel } from './key-names.js';
import { sortCommands, type TableCommand } from './table-keys.js';

export interface KeyCommand<Id extends string = string> {
  id: Id;
  keys: readonly string[];
  description: string;
  /** Shown in the footer hint bar (short label); the help overlay shows every command. */
  hint?: string;
  /** The footer shows this command's keys beside the other's, as one hint ("↑↓/jk move"). */
  hintWith?: Id;
}

export interface KeyMap<Id extends string = string> {
  title: string;
  commands: readonly KeyCommand<Id>[];
}

export function commandFor<Id extends string>(map: KeyMap<Id>, keyName: string): Id | undefined {
  return map.commands.find((c) => c.keys.includes(keyName))?.id;
}

export function bindingLabel(command: KeyCommand): string {
  return command.keys.map(keyLabel).join('/');
}

export interface Hint {
  /** The command's id ("app.help"). */
  command: string;
  keys: string;
  label: string;
}

/** A key that a command of an earlier (more specific) map takes from a later one on this screen. */
export interface Shadowed {
  key: string;
  command: KeyCommand;
  by: KeyCommand;
}

/**
 * The maps of a screen as they act: a key that an earlier map binds is removed from the later ones,
 * and a command left with no key is removed. What was taken is returned, for the help overlay.
 */
export function effectiveKeyMaps(maps: readonly KeyMap[]): { maps: KeyMap[]; shadowed: Shadowed[] } {
  const owner = new Map<string, KeyCommand>();
  const shadowed: Shadowed[] = [];
  const effective = maps.map((map) => {
    const commands = map.commands.flatMap((command) => {
      const keys = command.keys.filter((key) => {
        const by = owner.get(key);
        if (by && by.id !== command.id) shadowed.push({ key, command, by });
        return !by;
      });
      return keys.length === 0 ? [] : [{ ...command, keys }];
    });
    for (const command of map.commands)
      for (const key of command.keys) if (!owner.has(key)) owner.set(key, command);
    return { ...map, commands };
  });
  return { maps: effective, shadowed };
}

/** Two keys of one kind shown as a pair: arrows as "↑↓", letters in alphabetical order ("jk"). */
function pairLabel(a: string, b: string): string {
  const [x, y] = a.length === 1 && b.length === 1 && b < a ? [b, a] : [a, b];
  const [left, right] = [keyLabel(x), keyLabel(y)];
  // Words are kept apart ("PgUp/PgDn"); symbols and letters read as one pair ("↑↓", "jk").
  return left.length > 1 && right.length > 1 ? `${left}/${right}` : left + right;
}

/** A command's keys, compactly; a Ctrl chord with a plain twin is left to the help overlay (q, not q/^C). */
function hintKeys(command: KeyCommand, partner: KeyCommand | undefined): string {
  const plain = (keys: readonly string[]) => {
    const kept = keys.filter((k) => !k.startsWith('ctrl+'));
    return kept.length > 0 ? kept : keys;
  };
  const keys = plain(command.keys);
  if (!partner) return keys.map(keyLabel).join('/');
  const other = plain(partner.keys);
  return keys.map((key, i) => (other[i] ? pairLabel(key, other[i]) : keyLabel(key))).join('/');
}

/** The footer's hints: every hinted command that a key still reaches on this screen. */
export function hintsOf(maps: readonly KeyMap[]): Hint[] {
  const hints: Hint[] = [];
  for (const map of effectiveKeyMaps(maps).maps) {
    for (const command of map.commands) {
      if (!command.hint) continue;
      const partner = command.hintWith ? map.commands.find((c) => c.id === command.hintWith) : undefined;
      hints.push({ command: command.id, keys: hintKeys(command, partner), label: command.hint });
    }
  }
  return hints;
}

// --- The declarations -------------------------------------------------------------------------

export type GlobalCommand =
  | 'app.quit'
  | 'app.help'
  | 'app.refresh'
  | 'app.problems'
  | 'pane.next'
  | 'pane.previous'
  | 'tab.webhooks'
  | 'tab.emailHooks'
  | 'tab.activity';

export const globalKeys: KeyMap<GlobalCommand> = {
  title: 'Everywhere',
  commands: [
    { id: 'pane.next', keys: ['tab'], description: 'Next pane', hint: 'pane' },
    { id: 'pane.previous', keys: ['shift+tab'], description: 'Previous pane' },
    { id: 'tab.webhooks', keys: ['1'], description: 'Webhooks tab' },
    { id: 'tab.emailHooks', keys: ['2'], description: 'E-mail hooks tab' },
    { id: 'tab.activity', keys: ['3'], description: 'Activity tab (live deployments)' },
    {
      id: 'app.problems',
      keys: ['!'],
      description:
        'Problems of every owner: disabled or failing webhooks, failed deployments (! again: back)',
      hint: 'problems',
    },
    // R too: the Activity tab's r redelivers.
    { id: 'app.refresh', keys: ['r', 'R'], description: 'Reload from the API', hint: 'refresh' },
    { id: 'app.help', keys: ['?'], description: 'Show or hide this help', hint: 'help' },
    { id: 'app.quit', keys: ['q', 'ctrl+c'], description: 'Quit', hint: 'quit' },
  ],
};

export type ListCommand =
  | 'nav.up'
  | 'nav.down'
  | 'nav.pageUp'
  | 'nav.pageDown'
  | 'nav.top'
  | 'nav.bottom'
  | 'list.filter'
  | 'list.open'
  | 'list.back';

export type NavigationCommand = Extract<
  ListCommand,
  'nav.up' | 'nav.down' | 'nav.pageUp' | 'nav.pageDown' | 'nav.top' | 'nav.bottom'
>;

/** Moving in a list, the same keys in every list: owners, apps, hooks, Activity, pickers, Problems. */
export const listNavigation: KeyCommand<NavigationCommand>[] = [
  { id: 'nav.up', keys: ['up', 'k'], description: 'Move up', hint: 'move', hintWith: 'nav.down' },
  { id: 'nav.down', keys: ['down', 'j'], description: 'Move down' },
  { id: 'nav.pageUp', keys: ['pageup', 'ctrl+u'], description: 'Page up' },
  { id: 'nav.pageDown', keys: ['pagedown', 'ctrl+d'], description: 'Page down' },
  { id: 'nav.top', keys: ['home', 'g'], description: 'First row' },
  { id: 'nav.bottom', keys: ['end', 'G'], description: 'Last row' },
];

const navigation: KeyCommand<ListCommand>[] = [
  ...listNavigation,
  { id: 'list.filter', keys: ['/'], description: 'Filter the list by name', hint: 'filter' },
];

const consoleCommand: KeyCommand<'owner.console'> = {
  id: 'owner.console',
  keys: ['o'],
  description: 'Open the Clever Cloud Console page of the selected app, or owner',
};

export const ownersKeys: KeyMap<ListCommand | 'hook.add' | 'owner.export' | 'owner.console'> = {
  title: 'Owners and apps',
  commands: [
    ...navigation,
    { id: 'list.open', keys: ['enter', 'right', 'l'], description: 'Show its hooks', hint: 'open' },
    { id: 'list.back', keys: ['esc', 'left', 'h'], description: 'Clear the filter, or go back a pane' },
    { id: 'hook.add', keys: ['a'], description: 'Add a hook for the selected owner or app', hint: 'add' },
    {
      id: 'owner.export',
      keys: ['x'],
      description: "Export the owner's hooks to a file, for clever-notify plan and apply",
      hint: 'export',
    },
    consoleCommand,
  ],
};

export type ExportPromptCommand = 'prompt.accept' | 'prompt.cancel';

/** The path prompt of the owners' export key; its field takes the line-editing keys too. */
export const exportPromptKeys: KeyMap<ExportPromptCommand> = {
  title: 'Export to a file',
  commands: [
    { id: 'prompt.accept', keys: ['enter'], description: 'Write the file', hint: 'export' },
    { id: 'prompt.cancel', keys: ['esc'], description: 'Cancel', hint: 'cancel' },
  ],
};

export type HookCommand =
  | 'hook.add'
  | 'hook.edit'
  | 'hook.remove'
  | 'hook.test'
  | 'hook.copyId'
  | 'hook.copyUrl'
  | 'hook.copyCommand'
  | 'hook.enable';

/** The re-enable and copy keys, the same in the list and the details. */
const copyCommands: KeyCommand<HookCommand>[] = [
  {
    id: 'hook.enable',
    keys: ['E'],
    description: 'Re-enable a DISABLED webhook (shows its last failures, asks first)',
  },
  { id: 'hook.copyId', keys: ['y'], description: "Copy the hook's id to the clipboard (OSC 52)" },
  {
    id: 'hook.copyUrl',
    keys: ['u'],
    description: 'Copy its URLs (masked unless s shows the secrets)',
  },
  {
    id: 'hook.copyCommand',
    keys: ['c'],
    description: 'Copy the clever-tools command line of the details',
    hint: 'copy',
  },
];

export const hooksKeys: KeyMap<ListCommand | HookCommand | TableCommand | 'owner.console'> = {
  title: 'Hooks',
  commands: [
    ...navigation,
    {
      id: 'list.open',
      keys: ['enter'],
      description: 'Open the hook: every field and its failures',
      hint: 'open',
    },
    { id: 'list.back', keys: ['esc', 'left', 'h'], description: 'Clear the filter, or back to the apps' },
    { id: 'hook.add', keys: ['a'], description: 'Add a hook (guided)', hint: 'add' },
    { id: 'hook.edit', keys: ['e'], description: 'Edit the selected hook', hint: 'edit' },
    { id: 'hook.remove', keys: ['d'], description: 'Remove the selected hook (asks first)', hint: 'remove' },
    { id: 'hook.test', keys: ['t'], description: 'Send a test event to the webhook', hint: 'test' },
    ...sortCommands,
    ...copyCommands,
    consoleCommand,
  ],
};

export type DetailCommand = 'detail.close' | 'detail.secrets' | 'nav.up' | 'nav.down' | HookCommand;

export const detailKeys: KeyMap<DetailCommand> = {
  title: 'Hook details',
  commands: [
    { id: 'nav.up', keys: ['up', 'k'], description: 'Scroll up', hint: 'scroll', hintWith: 'nav.down' },
    { id: 'nav.down', keys: ['down', 'j'], description: 'Scroll down' },
    { id: 'hook.edit', keys: ['e'], description: 'Edit this hook', hint: 'edit' },
    { id: 'hook.remove', keys: ['d'], description: 'Remove this hook (asks first)', hint: 'remove' },
    { id: 'hook.test', keys: ['t'], description: 'Send a test event', hint: 'test' },
    ...copyCommands,
    {
      id: 'detail.secrets',
      keys: ['s'],
      description: 'Show or mask the secrets of the URLs (to copy the command line)',
      hint: 'secrets',
    },
    {
      id: 'detail.close',
      keys: ['esc', 'enter', 'left', 'h'],
      description: 'Back to the list',
      hint: 'back',
    },
  ],
};

export type FilterCommand = 'filter.apply' | 'filter.cancel';

export const filterKeys: KeyMap<FilterCommand> = {
  title: 'Filter',
  commands: [
    { id: 'filter.apply', keys: ['enter', 'down', 'up'], description: 'Keep the filter', hint: 'keep' },
    { id: 'filter.cancel', keys: ['esc'], description: 'Clear the filter', hint: 'clear' },
  ],
};

export type ConfirmCommand = 'confirm.yes' | 'confirm.no';

export const confirmKeys: KeyMap<ConfirmCommand> = {
  title: 'Confirm',
  commands: [
    { id: 'confirm.yes', keys: ['y'], description: 'Yes, do it', hint: 'yes' },
    { id: 'confirm.no', keys: ['n', 'esc', 'q'], description: 'No, keep it', hint: 'no' },
  ],
};

export type HelpCommand = 'nav.up' | 'nav.down' | 'nav.pageUp' | 'nav.pageDown' | 'dismiss';

export const helpKeys: KeyMap<HelpCommand> = {
  title: 'This help',
  commands: [
    { id: 'nav.up', keys: ['up', 'k'], description: 'Scroll up', hint: 'scroll', hintWith: 'nav.down' },
    { id: 'nav.down', keys: ['down', 'j'], description: 'Scroll down' },
    { id: 'nav.pageUp', keys: ['pageup'], description: 'Page up', hint: 'page', hintWith: 'nav.pageDown' },
    { id: 'nav.pageDown', keys: ['pagedown'], description: 'Page down' },
    { id: 'dismiss', keys: ['esc', '?', 'enter', 'space'], description: 'Close', hint: 'close' },
  ],
};

export type DismissCommand = 'dismiss';

export const dismissKeys: KeyMap<DismissCommand> = {
  title: 'Message',
  commands: [{ id: 'dismiss', keys: ['esc', 'enter', 'space', '?'], description: 'Close', hint: 'close' }],
};

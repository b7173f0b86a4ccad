// The keys of the welcome screen (first run on the sandbox) and of its question "for which owner?".
import type { KeyMap } from './key-map.js';

export type WelcomeCommand = 'welcome.add' | 'welcome.browse' | 'app.quit';

export const welcomeKeys: KeyMap<WelcomeCommand> = {
  title: 'Welcome',
  commands: [
    { id: 'welcome.add', keys: ['a', 'enter'], description: 'Add your first webhook', hint: 'add a webhook' },
    { id: 'welcome.browse', keys: ['esc', 'b'], description: 'Browse the sandbox', hint: 'browse' },
    { id: 'app.quit', keys: ['q', 'ctrl+c'], description: 'Quit', hint: 'quit' },
  ],
};

export type WelcomeOwnerCommand =
  | 'nav.up'
  | 'nav.down'
  | 'nav.pageUp'
  | 'nav.pageDown'
  | 'nav.top'
  | 'nav.bottom'
  | 'welcome.pick'
  | 'welcome.back';

/** The welcome's question "for which owner?", asked when there are several. */
export const welcomeOwnerKeys: KeyMap<WelcomeOwnerCommand> = {
  title: 'Which owner',
  commands: [
    { id: 'nav.up', keys: ['up', 'k'], description: 'Move up', hint: 'move', hintWith: 'nav.down' },
    { id: 'nav.down', keys: ['down', 'j'], description: 'Move down' },
    { id: 'nav.pageUp', keys: ['pageup'], description: 'Page up' },
    { id: 'nav.pageDown', keys: ['pagedown'], description: 'Page down' },
    { id: 'nav.top', keys: ['home', 'g'], description: 'First owner' },
    { id: 'nav.bottom', keys: ['end', 'G'], description: 'Last owner' },
    { id: 'welcome.pick', keys: ['enter'], description: 'Add the webhook for this owner', hint: 'pick' },
    { id: 'welcome.back', keys: ['esc'], description: 'Back to the welcome', hint: 'back' },
  ],
};

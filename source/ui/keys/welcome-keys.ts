// The keys of the welcome screen (first run on the sandbox) and of its question "for which owner?".
import { type KeyMap, listNavigation, type NavigationCommand } from './key-map.js';

export type WelcomeCommand = 'welcome.add' | 'welcome.browse' | 'app.quit';

export const welcomeKeys: KeyMap<WelcomeCommand> = {
  title: 'Welcome',
  commands: [
    { id: 'welcome.add', keys: ['a', 'enter'], description: 'Add your first webhook', hint: 'add a webhook' },
    { id: 'welcome.browse', keys: ['esc', 'b'], description: 'Browse the sandbox', hint: 'browse' },
    { id: 'app.quit', keys: ['q', 'ctrl+c'], description: 'Quit', hint: 'quit' },
  ],
};

export type WelcomeOwnerCommand = NavigationCommand | 'welcome.pick' | 'welcome.back';

/** The welcome's question "for which owner?", asked when there are several. */
export const welcomeOwnerKeys: KeyMap<WelcomeOwnerCommand> = {
  title: 'Which owner',
  commands: [
    ...listNavigation,
    { id: 'welcome.pick', keys: ['enter'], description: 'Add the webhook for this owner', hint: 'pick' },
    { id: 'welcome.back', keys: ['esc'], description: 'Back to the welcome', hint: 'back' },
  ],
};

// The keys of the text-editing screens: the wizard's steps and every text field (the line editor of
// source/ui/text-field/line-edit.ts). Declared here like every other map, so the footer and `?` show them.
import type { KeyMap } from './key-map.js';

export type WizardCommand =
  | 'wizard.next'
  | 'wizard.back'
  | 'wizard.up'
  | 'wizard.down'
  | 'wizard.pageUp'
  | 'wizard.pageDown'
  | 'wizard.top'
  | 'wizard.bottom'
  | 'wizard.toggle'
  | 'wizard.filter'
  | 'wizard.urlEdit'
  | 'wizard.urlAdd'
  | 'wizard.urlRemove'
  | 'wizard.cancel';

export const wizardKeys: KeyMap<WizardCommand> = {
  title: 'Add or edit a hook',
  commands: [
    { id: 'wizard.next', keys: ['enter'], description: 'Accept this step', hint: 'next' },
    {
      id: 'wizard.back',
      keys: ['esc'],
      description: 'Previous step, keeping what you typed (leaves on the first step)',
      hint: 'back',
    },
    {
      id: 'wizard.up',
      keys: ['up', 'k'],
      description: 'Move up in a list',
      hint: 'move',
      hintWith: 'wizard.down',
    },
    { id: 'wizard.down', keys: ['down', 'j'], description: 'Move down in a list' },
    { id: 'wizard.pageUp', keys: ['pageup'], description: 'Page up in a list' },
    { id: 'wizard.pageDown', keys: ['pagedown'], description: 'Page down in a list' },
    { id: 'wizard.top', keys: ['home', 'g'], description: 'First item of a list' },
    { id: 'wizard.bottom', keys: ['end', 'G'], description: 'Last item of a list' },
    { id: 'wizard.toggle', keys: ['space'], description: 'Toggle the item (events, apps)', hint: 'toggle' },
    { id: 'wizard.filter', keys: ['/'], description: 'Filter the apps and add-ons', hint: 'filter' },
    {
      id: 'wizard.urlEdit',
      keys: ['e'],
      description: 'Edit the URL under the cursor, and its format',
      hint: 'edit',
    },
    { id: 'wizard.urlAdd', keys: ['a'], description: 'Add a URL to the webhook', hint: 'add' },
    { id: 'wizard.urlRemove', keys: ['d'], description: 'Remove the URL under the cursor', hint: 'remove' },
    // Ctrl-C quits everywhere else; here it first asks, when answers would be lost.
    {
      id: 'wizard.cancel',
      keys: ['ctrl+c'],
      description: 'Quit clever-notify (asks first when something was typed)',
    },
  ],
};

export type DiscardCommand = 'discard.yes' | 'discard.no' | 'discard.quit';

/** The question before the wizard throws typed answers away (Esc on the first step, or Ctrl-C). */
export const discardKeys: KeyMap<DiscardCommand> = {
  title: 'Throw the answers away?',
  commands: [
    { id: 'discard.yes', keys: ['y'], description: 'Yes, throw the answers away', hint: 'yes, discard' },
    {
      id: 'discard.no',
      keys: ['n', 'esc'],
      description: 'No, back to the wizard with every answer',
      hint: 'no, keep editing',
    },
    // Ctrl-C twice quits, as in gemini-cli and node's REPL.
    { id: 'discard.quit', keys: ['ctrl+c'], description: 'Quit clever-notify at once' },
  ],
};

export type TextFieldCommand =
  | 'text.left'
  | 'text.right'
  | 'text.start'
  | 'text.end'
  | 'text.erase'
  | 'text.delete'
  | 'text.clearStart'
  | 'text.clearEnd'
  | 'text.deleteWord';

/** The line-editing keys of every typed field (readline's). */
export const textFieldKeys: KeyMap<TextFieldCommand> = {
  title: 'In a text field',
  commands: [
    { id: 'text.left', keys: ['left'], description: 'Cursor left' },
    { id: 'text.right', keys: ['right'], description: 'Cursor right' },
    { id: 'text.start', keys: ['home', 'ctrl+a'], description: 'Cursor to the start' },
    { id: 'text.end', keys: ['end', 'ctrl+e'], description: 'Cursor to the end' },
    { id: 'text.erase', keys: ['backspace'], description: 'Erase the character before the cursor' },
    { id: 'text.delete', keys: ['delete', 'ctrl+d'], description: 'Erase the character under the cursor' },
    { id: 'text.clearStart', keys: ['ctrl+u'], description: 'Erase to the start' },
    { id: 'text.clearEnd', keys: ['ctrl+k'], description: 'Erase to the end' },
    { id: 'text.deleteWord', keys: ['ctrl+w'], description: 'Erase the word before the cursor' },
  ],
};

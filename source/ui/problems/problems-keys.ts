// The keys of the Problems view, declared once: its reducer (../state/problems.ts), the footer and the
// `?` help read this table. The global keys act too (the view closes first), `!` closes it.
import type { KeyMap, ListCommand } from '../keys/key-map.js';

export type ProblemsCommand =
  | Extract<ListCommand, 'nav.up' | 'nav.down' | 'nav.pageUp' | 'nav.pageDown' | 'nav.top' | 'nav.bottom'>
  | 'problems.jump'
  | 'problems.close';

export const problemsKeys: KeyMap<ProblemsCommand> = {
  title: 'Problems',
  commands: [
    { id: 'nav.up', keys: ['up', 'k'], description: 'Move up (newer)', hint: 'move', hintWith: 'nav.down' },
    { id: 'nav.down', keys: ['down', 'j'], description: 'Move down (older)' },
    { id: 'nav.pageUp', keys: ['pageup', 'ctrl+u'], description: 'Page up' },
    { id: 'nav.pageDown', keys: ['pagedown', 'ctrl+d'], description: 'Page down' },
    { id: 'nav.top', keys: ['home', 'g'], description: 'Newest problem' },
    { id: 'nav.bottom', keys: ['end', 'G'], description: 'Oldest problem' },
    {
      id: 'problems.jump',
      keys: ['enter'],
      description: "Go to it: the webhook in its owner's Webhooks tab, or the app in its owner",
      hint: 'go to',
    },
    { id: 'problems.close', keys: ['esc'], description: 'Back to where you were', hint: 'back' },
  ],
};

// The keys of the Problems view, declared once: its reducer (../state/problems.ts), the footer and the
// `?` help read this table. The global keys act too (the view closes first), `!` closes it.
import { type KeyMap, listNavigation, type NavigationCommand } from '../keys/key-map.js';

export type ProblemsCommand = NavigationCommand | 'problems.jump' | 'problems.close';

export const problemsKeys: KeyMap<ProblemsCommand> = {
  title: 'Problems',
  commands: [
    ...listNavigation,
    {
      id: 'problems.jump',
      keys: ['enter'],
      description: "Go to it: the webhook in its owner's Webhooks tab, or the app in its owner",
      hint: 'go to',
    },
    { id: 'problems.close', keys: ['esc'], description: 'Back to where you were', hint: 'back' },
  ],
};

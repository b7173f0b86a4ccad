import type { Tone } from '../table/table.js';

const STATE_LABELS: Record<string, { text: string; tone?: Tone }> = {
  SHOULD_BE_UP: { text: 'up', tone: 'ok' },
  SHOULD_BE_DOWN: { text: 'down' },
  WANTS_TO_BE_UP: { text: 'starting', tone: 'warning' },
  MODERATED: { text: 'moderated', tone: 'error' },
  DEFAULT_OF_PAYMENT: { text: 'unpaid', tone: 'error' },
};

/** An app's state in a word, with its tone. */
export function appStateLabel(state: string): { text: string; tone?: Tone } {
  return STATE_LABELS[state] ?? { text: state.toLowerCase() };
}

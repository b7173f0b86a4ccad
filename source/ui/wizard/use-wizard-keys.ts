// The wizard's keyboard: key names resolved through its key map into reducer actions. The App hands
// the keys over (see `keyRouter`), registered during the commit that shows the wizard, so that a key
// typed right after `a` or `e` is never lost between the frame and a later useInput subscription.
import { useLayoutEffect } from 'react';
import { commandFor, textFieldKeys, wizardKeys } from '../keys/key-map.js';
import type { WizardAction } from './use-wizard-state.js';

export type KeyRoute = (name: string) => void;

export interface KeyRouter {
  /** Sends every key to `route` until the returned function is called. */
  take(route: KeyRoute): () => void;
}

export function wizardAction(name: string): WizardAction | undefined {
  switch (commandFor(wizardKeys, name)) {
    case 'wizard.next':
      return { type: 'next' };
    case 'wizard.back':
      return { type: 'back' };
    case 'wizard.up':
      return { type: 'up' };
    case 'wizard.down':
      return { type: 'down' };
    case 'wizard.toggle':
      return { type: 'toggle' };
    default:
      if (commandFor(textFieldKeys, name)) return { type: 'edit', key: name };
      return [...name].length === 1 ? { type: 'text', text: name } : undefined;
  }
}

export function useWizardKeys(router: KeyRouter, dispatch: (action: WizardAction) => void) {
  useLayoutEffect(
    () =>
      router.take((name) => {
        const action = wizardAction(name);
        if (action) dispatch(action);
      }),
    [router, dispatch],
  );
}

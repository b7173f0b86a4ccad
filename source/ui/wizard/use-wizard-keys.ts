// The wizard's keyboard: key names resolved through its key map into reducer actions. Typed text
// goes to the reducer whole (it decides whether it is text or list navigation).
import { type Key, useInput } from 'ink';
import { commandFor, wizardKeys } from '../keys/key-map.js';
import { keyNames } from '../keys/key-names.js';
import type { WizardAction, WizardState } from './use-wizard-state.js';

export function useWizardKeys(
  state: WizardState,
  dispatch: (action: WizardAction) => void,
  isActive: boolean,
) {
  useInput(
    (input: string, key: Key) => {
      // On the format step ink-select-input owns the arrows, j/k and Enter.
      const selectOwns = state.step === 'format';
      for (const name of keyNames(input, key)) {
        if (name === 'ctrl+c') return;
        const command = commandFor(wizardKeys, name);
        if (selectOwns && (command === 'wizard.up' || command === 'wizard.down' || command === 'wizard.next'))
          continue;
        switch (command) {
          case 'wizard.next':
            dispatch({ type: 'next' });
            break;
          case 'wizard.back':
            dispatch({ type: 'back' });
            break;
          case 'wizard.up':
            dispatch({ type: 'up' });
            break;
          case 'wizard.down':
            dispatch({ type: 'down' });
            break;
          case 'wizard.toggle':
            dispatch({ type: 'toggle' });
            break;
          case 'wizard.erase':
            dispatch({ type: 'erase' });
            break;
          default:
            if (selectOwns && (name === 'j' || name === 'k')) break;
            if ([...name].length === 1) dispatch({ type: 'text', text: name });
        }
      }
    },
    { isActive },
  );
}

// The App's keyboard: every key becomes a name and goes to the reducer, which resolves it through the
// key map of the screen that has focus. A burst ("jjj") is several keys, each handled in turn.
import { useInput } from 'ink';
import { keyNames } from '../keys/key-names.js';
import type { AppAction } from './app-state.js';

export function useAppKeys(dispatch: (action: AppAction) => void, pageSize: number): void {
  useInput((input, key) => {
    for (const name of keyNames(input, key)) dispatch({ type: 'key', name, pageSize });
  });
}

// The App's keyboard: every key becomes a name and goes to the reducer, which resolves it through the
// key map of the screen that has focus, or, while an overlay has taken the keys, to that overlay.
// A burst ("jjj") is several keys, each handled in turn. Ctrl-C always reaches the App (it quits).
import { useInput } from 'ink';
import { useMemo, useRef } from 'react';
import { keyNames } from '../keys/key-names.js';
import type { KeyRoute, KeyRouter } from '../wizard/use-wizard-keys.js';
import type { AppAction } from './use-app-state.js';

export function useAppKeys(dispatch: (action: AppAction) => void, pageSize: number): KeyRouter {
  const route = useRef<KeyRoute | undefined>(undefined);
  useInput((input, key) => {
    for (const name of keyNames(input, key)) {
      if (route.current && name !== 'ctrl+c') route.current(name);
      else dispatch({ type: 'key', name, pageSize });
    }
  });
  return useMemo<KeyRouter>(
    () => ({
      take(next) {
        route.current = next;
        return () => {
          if (route.current === next) route.current = undefined;
        };
      },
    }),
    [],
  );
}

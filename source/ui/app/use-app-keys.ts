// The App's keyboard: every key becomes a name and goes to the reducer, which resolves it through the
// key map of the screen that has focus, or, while an overlay has taken the keys, to that overlay.
// A burst ("jjj") is several keys, each handled in turn. Ctrl-C always reaches the App (it quits).
import { useInput, useStdin } from 'ink';
import { useEffect, useMemo, useRef } from 'react';
import { keyNames } from '../keys/key-names.js';
import type { KeyRoute, KeyRouter } from '../wizard/use-wizard-keys.js';
import type { AppAction } from './use-app-state.js';

export function useAppKeys(
  dispatch: (action: AppAction) => void,
  pageSize: number,
  helpArea: { width: number; height: number },
): KeyRouter {
  const route = useRef<KeyRoute | undefined>(undefined);
  // The sequence behind each key, to tell Delete from Backspace. This listener is added once, before
  // useInput's (which is re-added on every render), so it sees each sequence first.
  const raw = useRef('');
  const { internal_eventEmitter: stdinEvents } = useStdin();
  useEffect(() => {
    const remember = (data: string) => {
      raw.current = data;
    };
    stdinEvents.on('input', remember);
    return () => {
      stdinEvents.off('input', remember);
    };
  }, [stdinEvents]);
  useInput((input, key) => {
    for (const name of keyNames(input, key, raw.current)) {
      if (route.current && name !== 'ctrl+c') route.current(name);
      else dispatch({ type: 'key', name, pageSize, helpArea });
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

// The state lives in a small store outside React: the root reducer runs synchronously on each action
// (so that every key of a burst sees the state left by the one before), and each pane subscribes to
// the narrow part it shows through `useAppSelector`.
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { AppAction, AppState } from './model.js';
import { appReducer, initialAppState } from './root.js';

export interface AppStore {
  getState(): AppState;
  dispatch(action: AppAction): void;
  subscribe(listener: () => void): () => void;
}

export function createAppStore(initial: AppState = initialAppState()): AppStore {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    getState: () => state,
    dispatch(action) {
      const next = appReducer(state, action);
      if (next === state) return;
      state = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export const AppStoreContext = createContext<AppStore | undefined>(undefined);

export function useAppStore(): AppStore {
  const store = useContext(AppStoreContext);
  if (!store) throw new Error('useAppStore outside the App container');
  return store;
}

/** The part of the state that `select` returns; it must return the same value for the same state. */
export function useAppSelector<T>(select: (state: AppState) => T): T {
  const store = useAppStore();
  return useSyncExternalStore(store.subscribe, () => select(store.getState()));
}

export function useDispatch(): AppStore['dispatch'] {
  return useAppStore().dispatch;
}

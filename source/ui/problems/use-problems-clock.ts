// The time the problems are measured from ("failed in the last 24 h", "3m ago"): ticked into the state
// every minute, and every few seconds while the Problems view is open (and at once when it opens).
import { useEffect } from 'react';
import type { AppStore } from '../state/store.js';

const IDLE_MS = 60_000;
const OPEN_MS = 5000;

export function useProblemsClock(store: AppStore): void {
  useEffect(() => {
    let open = false;
    let timer: ReturnType<typeof setInterval> | undefined;
    const tick = () => store.dispatch({ type: 'clock', now: Date.now() });
    const arm = () => {
      clearInterval(timer);
      timer = setInterval(tick, open ? OPEN_MS : IDLE_MS);
    };
    const follow = () => {
      const now = store.getState().overlay.type === 'problems';
      if (now === open) return;
      open = now;
      if (open) tick();
      arm();
    };
    const unsubscribe = store.subscribe(follow);
    arm();
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [store]);
}

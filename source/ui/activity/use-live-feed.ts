// The live model's snapshot (docs/live-model.md) for the Activity tab: the model runs its live sources
// while the tab is shown (and for as long as anyone else watches it).
import { useEffect, useSyncExternalStore } from 'react';
import type { LiveModel, LiveModelSnapshot } from '../../api/live/live-model.js';

const noStore = { subscribe: () => () => {}, getSnapshot: () => undefined };

export function useLiveSnapshot(live: LiveModel | undefined): LiveModelSnapshot | undefined {
  useEffect(() => live?.watch(), [live]);
  const source = live ?? noStore;
  return useSyncExternalStore(source.subscribe, source.getSnapshot);
}

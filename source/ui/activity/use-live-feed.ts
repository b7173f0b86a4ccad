// Follows the live model (docs/live-model.md) while the Activity tab is open: one store per client, kept
// for the session, so that leaving the tab and coming back shows what was there and what happened
// meanwhile (the deployments list is polled on return).
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { LiveModel, LiveModelSnapshot } from '../../api/live/live-model.js';
import { createLiveModel } from '../../api/live/live-store.js';
import type { CleverApi } from '../../api/types.js';

type Credentials = { apiHost: string; authorization: () => string; ca?: string | undefined };

const stores = new WeakMap<CleverApi, LiveModel>();
const VIEW_UPDATE_MS = 100;

function storeFor(api: CleverApi, credentials: Credentials, capacity?: number): LiveModel {
  let store = stores.get(api);
  if (!store) {
    store = createLiveModel({
      api,
      credentials,
      // Ten updates a second read as live; each costs a frame of the whole screen, so no more.
      flushIntervalMs: VIEW_UPDATE_MS,
      ...(capacity ? { capacity } : {}),
    });
    void store.load();
    stores.set(api, store);
  }
  return store;
}

const noStore = { subscribe: () => () => {}, getSnapshot: () => undefined };

export function useLiveFeed(
  api: CleverApi | undefined,
  credentials: Credentials | undefined,
  capacity?: number,
): { snapshot: LiveModelSnapshot | undefined; feed: LiveModel | undefined } {
  const [store, setStore] = useState<LiveModel>();
  // The container may hand a new credentials object on each render: only the host matters here.
  const credentialsRef = useRef(credentials);
  credentialsRef.current = credentials;
  const apiHost = credentials?.apiHost;
  useEffect(() => {
    const current = credentialsRef.current;
    if (!api || !current || !apiHost) return;
    const live = storeFor(api, current, capacity);
    setStore(live);
    return live.watch();
  }, [api, apiHost, capacity]);
  const source = store ?? noStore;
  const snapshot = useSyncExternalStore(source.subscribe, source.getSnapshot);
  return { snapshot, feed: store };
}

// Runs a live feed while the Activity tab is open. Leaving the tab closes it (so that quitting leaves
// no socket behind) but keeps its rows and delivery cursor: coming back resumes where it stopped, and
// a poll recovers the results that happened meanwhile.
import { useEffect, useRef, useState } from 'react';
import { LiveFeed, type LiveSnapshot, type ResumePoint } from '../../api/live/live-feed.js';
import type { CleverApi } from '../../api/types.js';
import { compileLiveFilter } from '../../domain/live-filter.js';

type Credentials = { apiHost: string; authorization: () => string; ca?: string | undefined };

const resumePoints = new WeakMap<CleverApi, ResumePoint>();
const VIEW_UPDATE_MS = 100;

export function useLiveFeed(
  api: CleverApi | undefined,
  credentials: Credentials | undefined,
  capacity?: number,
): { snapshot: LiveSnapshot | undefined; feed: LiveFeed | undefined } {
  const [snapshot, setSnapshot] = useState<LiveSnapshot>();
  const [feed, setFeed] = useState<LiveFeed>();
  // The container may hand a new credentials object on each render: only the host matters here.
  const credentialsRef = useRef(credentials);
  credentialsRef.current = credentials;
  const apiHost = credentials?.apiHost;

  useEffect(() => {
    const current = credentialsRef.current;
    if (!api || !current || !apiHost) return;
    const live = new LiveFeed({
      api,
      credentials: {
        apiHost,
        authorization: () => credentialsRef.current?.authorization() ?? current.authorization(),
        ca: current.ca,
      },
      filter: compileLiveFilter({}),
      deliveries: api.target.kind === 'sandbox',
      onChange: setSnapshot,
      // Ten updates a second read as live; each costs a frame of the whole screen, so no more.
      flushIntervalMs: VIEW_UPDATE_MS,
      ...(capacity ? { capacity } : {}),
      resume: resumePoints.get(api),
    });
    setFeed(live);
    setSnapshot(live.snapshot());
    void live.start();
    return () => {
      resumePoints.set(api, live.resumePoint());
      live.close();
    };
  }, [api, apiHost, capacity]);

  return { snapshot, feed };
}

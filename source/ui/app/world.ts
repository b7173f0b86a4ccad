// The session's live model and what the first screen shows, asked as soon as the session is open:
// `clever-notify tui` starts it before React, Ink and the App are loaded, and mounts the App once it is
// in, so that the first frame Ink draws is the one with the account and the first owner's hooks
// (docs/performance.md, "The TUI asks first, draws after"). The App's state made from it is in
// world-state.ts.
import type { LiveModel } from '../../api/live/live-model.js';
import { createLiveModel } from '../../api/live/live-store.js';
import type { EventCatalogue } from '../../domain/events.js';
import type { TuiSession } from './session.js';

/** The live model notifies at most this often: ten frames a second read as live. */
const LIVE_UPDATE_MS = 100;

/** An open session and its live model, whose first load is under way or done. */
export interface World {
  session: TuiSession;
  live: LiveModel;
  /** The API's event catalogue once it answered; until then (or if it failed) the built-in one serves. */
  catalogue(): EventCatalogue | undefined;
  catalogueIn: Promise<EventCatalogue | undefined>;
  /** Settles once every request of the first screen has left (the first owner's hooks wait for the summary). */
  asked: Promise<void>;
  /** Settles once the first screen's answers are in: who, the owners, the first owner's hooks, the catalogue. */
  firstScreen: Promise<void>;
  /** Whether `firstScreen` has settled. */
  ready(): boolean;
}

export function startWorld(session: TuiSession): World {
  const { api } = session;
  const live = createLiveModel({
    api,
    credentials: session.credentials,
    // Ten updates a second read as live; each costs a frame of the whole screen, so no more.
    flushIntervalMs: LIVE_UPDATE_MS,
  });
  let catalogue: EventCatalogue | undefined;
  const catalogueIn = api.eventCatalogue().then(
    (answer) => {
      catalogue = answer;
      return answer;
    },
    () => undefined,
  );
  // The owner remembered from the last session is most likely the one opened: its hooks are asked at
  // once, without waiting for the summary to confirm it is still listed.
  const remembered = session.lastOwnerId ? live.loadHooks(session.lastOwnerId) : Promise.resolve();
  // The App's reducers choose the first owner; they are loaded while the summary is on its way, so
  // that nothing but the client and the live model stands between the start and the first requests.
  const choice = import('./world-state.js');
  const owner = live.load().then(
    async () => (await choice).firstOwnerId(session, live),
    () => undefined,
  );
  const hooks = owner.then((ownerId) => (ownerId ? live.loadHooks(ownerId) : undefined));
  const settled = (promises: Promise<unknown>[]) => Promise.allSettled(promises).then(() => undefined);
  let ready = false;
  const firstScreen = settled([hooks, remembered, catalogueIn]).then(() => {
    ready = true;
  });
  return {
    session,
    live,
    catalogue: () => catalogue,
    catalogueIn,
    asked: settled([owner]),
    firstScreen,
    ready: () => ready,
  };
}

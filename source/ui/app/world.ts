// The session's live model and what the first screen shows, asked as soon as the session is open:
// `clever-notify tui` starts it before React, Ink and the App are loaded, and mounts the App once it is
// in, so that the first frame Ink draws is the one with the account and the first owner's hooks
// (docs/performance.md, "The TUI asks first, draws after").
import type { LiveModel } from '../../api/live/live-model.js';
import { createLiveModel } from '../../api/live/live-store.js';
import type { EventCatalogue } from '../../domain/events.js';
import type { AppState } from '../state/model.js';
import { appReducer, initialAppState } from '../state/root.js';
import { selectedOwner } from '../state/selectors.js';
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
  const owner = live.load().then(
    () => selectedOwner(connectedState(session, live, undefined))?.id,
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

/**
 * The App's state as the world's answers so far make it: connected, the live model's snapshot, the
 * catalogue if it is in. The same actions as a session that connects while the App is on screen, so
 * the first owner is chosen by the App's own rule.
 */
export function worldState(world: World): AppState {
  const state = connectedState(world.session, world.live, world.catalogue());
  // On a first run the welcome is the first screen, once the owners it offers are known.
  return world.ready() && world.session.showWelcome ? appReducer(state, { type: 'welcome' }) : state;
}

function connectedState(
  session: TuiSession,
  live: LiveModel,
  catalogue: EventCatalogue | undefined,
): AppState {
  let state = appReducer(initialAppState(), {
    type: 'connected',
    ...(session.lastOwnerId ? { preferredOwnerId: session.lastOwnerId } : {}),
    ...(session.tableSorts ? { sorts: session.tableSorts } : {}),
  });
  state = appReducer(state, { type: 'live', snapshot: live.getSnapshot() });
  return catalogue ? appReducer(state, { type: 'catalogueLoaded', catalogue }) : state;
}

// The App's state as an open world's answers make it (world.ts opens the world before the App's
// modules are loaded).
import type { LiveModel } from '../../api/live/live-model.js';
import type { EventCatalogue } from '../../domain/events.js';
import type { AppState } from '../state/model.js';
import { appReducer, initialAppState } from '../state/root.js';
import { selectedOwner } from '../state/selectors.js';
import type { TuiSession } from './session.js';
import type { World } from './world.js';

/** The owner the App opens on, once the live model's summary is in: chosen by the App's own rule. */
export function firstOwnerId(session: TuiSession, live: LiveModel): string | undefined {
  return selectedOwner(connectedState(session, live, undefined))?.id;
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

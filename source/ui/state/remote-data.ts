// The remote slice: what the API says (who we are, the owners and their apps, each owner's hooks,
// the event catalogue), as the live model holds it. Only the live model and the connection change
// it; keys never do.
import { BUILTIN_CATALOGUE } from '../../domain/events.js';
import { remoteFromLive } from './from-live.js';
import type { AppAction, RemoteData } from './model.js';

export function initialRemote(): RemoteData {
  return {
    owners: { status: 'loading' },
    hooks: {},
    catalogue: BUILTIN_CATALOGUE,
    connectAttempt: 0,
    lastDeployments: new Map(),
    everyOwner: { loading: false, appsLeftOut: 0 },
  };
}

export function remoteReducer(remote: RemoteData, action: AppAction): RemoteData {
  switch (action.type) {
    case 'connectFailed':
      return { ...remote, connectError: action.error, owners: { status: 'failed', error: action.error } };
    case 'live':
      return remoteFromLive(remote, action.snapshot);
    case 'catalogueLoaded':
      return { ...remote, catalogue: action.catalogue };
    default:
      return remote;
  }
}

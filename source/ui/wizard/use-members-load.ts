// Loads the members of the hook's owner when the wizard's state asks for them (the recipients step
// opened), and hands the answer or the error back to the reducer.
import { useEffect } from 'react';
import type { CleverApi } from '../../api/types.js';
import { errorText } from '../app/session.js';
import type { WizardAction, WizardState } from './wizard-state.js';

export function useMembersLoad(
  state: WizardState,
  dispatch: (action: WizardAction) => void,
  api: () => CleverApi | undefined,
) {
  const wanted = state.members.status === 'loading';
  const { ownerId } = state.context;
  useEffect(() => {
    if (!wanted) return;
    const client = api();
    if (!client) {
      dispatch({ type: 'membersFailed', message: 'not connected to the API yet' });
      return;
    }
    let current = true;
    client.members(ownerId).then(
      (members) => current && dispatch({ type: 'membersLoaded', members }),
      (error: unknown) => current && dispatch({ type: 'membersFailed', message: errorText(error) }),
    );
    return () => {
      current = false;
    };
  }, [wanted, ownerId, api, dispatch]);
}

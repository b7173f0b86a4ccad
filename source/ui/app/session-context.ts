// What panes that talk to the API themselves (the wizard's save, the Activity feed) get from the
// container: the client and its credentials once connected. The state itself is in ../state.
import { createContext, useContext } from 'react';
import type { LiveModel } from '../../api/live/live-model.js';
import type { CleverApi } from '../../api/types.js';
import type { Hook } from '../../domain/hooks.js';
import type { EmailHookInput, WebhookInput } from '../../domain/schemas.js';

export type HookInput = { kind: 'webhook'; body: WebhookInput } | { kind: 'email'; body: EmailHookInput };

export interface SessionActions {
  /** Creates the hook, or edits it when `hookId` is given; answers the saved hook. */
  saveHook(ownerId: string, hookId: string | undefined, input: HookInput): Promise<Hook>;
  /** Undefined until connected. */
  api(): CleverApi | undefined;
  credentials(): { apiHost: string; authorization: () => string; ca?: string | undefined } | undefined;
}

export const SessionContext = createContext<SessionActions | undefined>(undefined);

/** The live model of the session (docs/live-model.md); undefined until connected. */
export const LiveModelContext = createContext<LiveModel | undefined>(undefined);

export function useLiveModel(): LiveModel | undefined {
  return useContext(LiveModelContext);
}

export function useSession(): SessionActions {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside the App container');
  return session;
}

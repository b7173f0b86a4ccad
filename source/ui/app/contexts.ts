// One container owns the state; presentational components read it (and the derived view of it) from
// this context and act through the actions context only.
import { createContext, useContext } from 'react';
import type { CleverApi } from '../../api/types.js';
import type { EmailHook, EmailHookInput, Webhook, WebhookInput } from '../../domain/schemas.js';
import type { KeyRouter } from '../wizard/use-wizard-keys.js';
import type { HookKind } from '../wizard/wizard-model.js';
import type { AppAction, AppRow, AppState, OwnerEntry, OwnerHooks } from './use-app-state.js';

export interface AppView {
  state: AppState;
  owners: OwnerEntry[];
  owner?: OwnerEntry;
  apps: AppRow[];
  app?: AppRow & { kind: 'app' };
  ownerHooks?: OwnerHooks;
  hooks: (Webhook | EmailHook)[];
  /** App and add-on names of the selected owner, by id, for scope columns. */
  names: ReadonlyMap<string, string>;
  now: number;
}

export interface AppActions {
  dispatch: (action: AppAction) => void;
  saveHook(
    kind: HookKind,
    ownerId: string,
    hookId: string | undefined,
    input: WebhookInput | EmailHookInput,
  ): Promise<Webhook | EmailHook>;
  /** Lets an overlay with its own keyboard (the wizard) take every key while it is open. */
  keys: KeyRouter;
  /** The client, for panes that talk to the API themselves (Activity). Undefined until connected. */
  api(): CleverApi | undefined;
  credentials(): { apiHost: string; authorization: () => string } | undefined;
}

export const AppViewContext = createContext<AppView | undefined>(undefined);
export const AppActionsContext = createContext<AppActions | undefined>(undefined);

export function useAppView(): AppView {
  const view = useContext(AppViewContext);
  if (!view) throw new Error('useAppView outside the App container');
  return view;
}

export function useAppActions(): AppActions {
  const actions = useContext(AppActionsContext);
  if (!actions) throw new Error('useAppActions outside the App container');
  return actions;
}

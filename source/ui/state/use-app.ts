// The narrow hooks panes read: each subscribes to one derived value, memoised once in ./selectors.
import type { HookKind } from '../../domain/hooks.js';
import type { KeyMap } from '../keys/key-map.js';
import { activeKeyMaps, helpKeyMaps } from './key-maps.js';
import type { AppState, ListState, Pane } from './model.js';
import * as select from './selectors.js';
import { useAppSelector } from './store.js';

export const useWho = () => useAppSelector((s) => s.remote.who);
export const useConnectError = () => useAppSelector((s) => s.remote.connectError);
export const useOwnersRemote = () => useAppSelector((s) => s.remote.owners);
export const useCatalogue = () => useAppSelector((s) => s.remote.catalogue);
export const useOwnerRows = () => useAppSelector(select.visibleOwners);
export const useOwnerCount = () => useAppSelector((s) => s.remote.owners.data?.length ?? 0);
export const useSelectedOwner = () => useAppSelector(select.selectedOwner);
export const useAppRows = () => useAppSelector(select.visibleApps);
export const useSelectedApp = () => useAppSelector(select.selectedApp);
export const useOwnerHooks = () => useAppSelector(select.ownerHooks);
export const useHookRows = () => useAppSelector(select.visibleHooks);
export const useNames = () => useAppSelector(select.names);
export const usePeople = () => useAppSelector(select.people);
export const useTab = () => useAppSelector((s) => s.lists.tab);
/** How the table of the tab shown is sorted (none on the Activity tab). */
export const useTableSort = () =>
  useAppSelector((s) => {
    const { tab, sorts } = s.lists;
    return tab === 'webhooks' || tab === 'emailHooks' ? sorts[tab] : undefined;
  });
export const useFocus = () => useAppSelector((s) => s.lists.focus);
export const useOverlay = () => useAppSelector((s) => s.overlay);
export const useStatus = () => useAppSelector((s) => s.status);

const LISTS: Record<Pane, (s: AppState) => ListState> = {
  owners: (s) => s.lists.owners,
  apps: (s) => s.lists.apps,
  hooks: (s) => s.lists.hooks,
};
export const useList = (pane: Pane) => useAppSelector(LISTS[pane]);

/** Whether a pane has the keyboard: it is focused and no overlay is open. */
export const usePaneFocused = (pane: Pane) =>
  useAppSelector((s) => s.lists.focus === pane && s.overlay.type === 'none');

export function useHook(kind: HookKind, hookId: string) {
  return useAppSelector((s) => select.findHook(s, kind, hookId));
}

// Key maps are plain data chosen by a few fields: one cached answer per combination.
const keyMapCache = new Map<string, KeyMap[]>();
function cached(key: string, compute: () => KeyMap[]): KeyMap[] {
  let maps = keyMapCache.get(key);
  if (!maps) {
    maps = compute();
    keyMapCache.set(key, maps);
  }
  return maps;
}
function screenKey(s: AppState): string {
  const list = s.lists[s.lists.focus];
  // The welcome's owner picker has keys of its own; help over the Problems view returns to it.
  const overlay =
    s.overlay.type === 'help' && s.overlay.under
      ? `help:${s.overlay.under}`
      : s.overlay.type === 'welcome' && s.overlay.picking !== undefined
        ? 'welcome-owner'
        : s.overlay.type;
  return `${overlay}|${s.lists.focus}|${s.lists.tab}|${list.filtering}`;
}

export const useActiveKeyMaps = () =>
  useAppSelector((s) => cached(`a:${screenKey(s)}`, () => activeKeyMaps(s)));
export const useHelpKeyMaps = () => useAppSelector((s) => cached(`h:${screenKey(s)}`, () => helpKeyMaps(s)));

import { describe, expect, it } from 'vitest';
import type { AppState, OwnerEntry } from '../../source/ui/state/model.js';
import { appReducer, initialAppState } from '../../source/ui/state/root.js';

const owner = (id: string, name: string): OwnerEntry => ({
  id,
  name,
  kind: id.startsWith('user_') ? 'user' : 'organisation',
  apps: [],
  addons: [],
});

function welcomed(owners: OwnerEntry[]): AppState {
  const state = initialAppState();
  return {
    ...state,
    remote: { ...state.remote, owners: { status: 'ready', data: owners } },
    overlay: { type: 'welcome' },
  };
}

const press = (state: AppState, ...names: string[]) =>
  names.reduce(
    (s, name) => appReducer(s, { type: 'key', name, pageSize: 10, helpArea: { width: 80, height: 21 } }),
    state,
  );

describe("the welcome's add", () => {
  it('opens the wizard at once for the only owner', () => {
    const state = press(welcomed([owner('user_1', 'Ada (personal)')]), 'a');
    expect(state.overlay).toMatchObject({ type: 'wizard', kind: 'webhook' });
  });

  it('asks for which owner when there are several, and opens the wizard for the one picked', () => {
    const owners = [owner('user_1', 'Ada (personal)'), owner('orga_a', 'Acme'), owner('orga_b', 'Labs')];
    let state = press(welcomed(owners), 'enter');
    expect(state.overlay).toEqual({ type: 'welcome', picking: 0 });
    state = press(state, 'G', 'k', 'j', 'j', 'up');
    expect(state.overlay).toEqual({ type: 'welcome', picking: 1 });
    // Esc goes back to the welcome; the question starts again from the selected owner.
    expect(press(state, 'esc').overlay).toEqual({ type: 'welcome' });
    state = press(state, 'enter');
    expect(state.overlay).toMatchObject({ type: 'wizard', kind: 'webhook' });
    expect(state.lists.owners.selectedId).toBe('orga_a');
  });
});

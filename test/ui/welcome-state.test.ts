import { describe, expect, it } from 'vitest';
import type { AppState, OwnerEntry } from '../../source/ui/state/model.js';
import { appReducer, initialAppState } from '../../source/ui/state/root.js';
import { urlsDiff } from '../../source/ui/wizard/wizard-diff.js';

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

describe('the URLs of an edit, compared', () => {
  it('marks removed and added URLs, keeps the others, and names a changed secret that masking hides', () => {
    const slack = (secret: string) => ({
      url: `https://hooks.slack.com/services/T/B/${secret}`,
      format: 'slack' as const,
    });
    const raw = { url: 'https://a.example/x', format: 'raw' as const };
    const diff = urlsDiff([raw, slack('old')], [raw, slack('new')]);
    expect(diff.changed).toBe(true);
    expect(diff.lines).toEqual([
      { mark: ' ', text: 'raw https://a.example/x' },
      { mark: '-', text: 'slack https://hooks.slack.com/services/T/B/••••' },
      { mark: '+', text: 'slack https://hooks.slack.com/services/T/B/•••• (secret changed)' },
    ]);
    expect(urlsDiff([raw], [raw]).changed).toBe(false);
    // A URL with control characters is shown with them escaped.
    const evil = urlsDiff([], [{ url: 'https://e.example/\u001b[31m', format: 'raw' }]);
    expect(evil.lines[0]?.text).not.toContain('\u001b');
  });
});

// o: the Clever Cloud Console page of the selected app, else owner. On the sandbox the address is
// shown, not opened (its ids are not in the real Console).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleUrl } from '../../source/domain/console-url.js';
import { browserOpener } from '../../source/ui/app/open-browser.js';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, renderApp } from './support.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

describe('consoleUrl', () => {
  it('points at an organisation, a personal app, and an organisation app', () => {
    expect(consoleUrl({ id: 'orga_1', kind: 'organisation' })).toBe(
      'https://console.clever-cloud.com/organisations/orga_1',
    );
    expect(consoleUrl({ id: 'user_1', kind: 'user' }, 'app_2')).toBe(
      'https://console.clever-cloud.com/users/me/applications/app_2',
    );
    expect(consoleUrl({ id: 'orga_1', kind: 'organisation' }, 'app_2')).toBe(
      'https://console.clever-cloud.com/organisations/orga_1/applications/app_2',
    );
  });
});

describe('browserOpener', () => {
  it('uses open on macOS, xdg-open with a display, and nothing without one (SSH)', () => {
    expect(browserOpener('darwin', {})).toBe('open');
    expect(browserOpener('linux', { DISPLAY: ':0' })).toBe('xdg-open');
    expect(browserOpener('linux', { WAYLAND_DISPLAY: 'wayland-0' })).toBe('xdg-open');
    expect(browserOpener('linux', { SSH_CONNECTION: '1 2 3 4' })).toBeUndefined();
  });
});

describe('the Console key on the sandbox', () => {
  it("shows the owner's page, then the selected app's, without opening them", async () => {
    const { acme, apps } = seedIds(sandbox);
    // Wide enough for the whole address on one line.
    const app = await renderApp(sandbox, { size: { columns: 200, rows: 36 } });
    await app.waitFor('Acme Shop');
    await app.press('j');
    await app.waitFor('webhooks of Acme Shop');
    await app.press('o');
    const owner = await app.waitFor('Console page of Acme Shop');
    expect(owner).toContain(`https://console.clever-cloud.com/organisations/${acme.id}`);
    expect(owner).toContain('This is the sandbox');
    await app.press(KEYS.esc, KEYS.tab, '/', 'shop-api', KEYS.enter, 'j', 'o');
    const page = await app.waitFor('Console page of shop-api');
    expect(page).toContain(
      `https://console.clever-cloud.com/organisations/${acme.id}/applications/${apps.shopApi.id}`,
    );
    await app.unmount();
  });
});

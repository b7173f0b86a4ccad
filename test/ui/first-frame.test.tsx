// The binary mounts the App once the first screen's answers are in (source/ui/run-tui.tsx): the first
// frame Ink draws must then be the one with the account and the first owner's hooks, with no
// "connecting" or loading frame before it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { renderApp } from './support.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

const hookNames = (ownerId: string) => sandbox.store.webhooks(ownerId).map((h) => h.name ?? h.id);

describe('the first frame of a connected App', () => {
  it('shows the account, the owners and the personal space’s webhooks', async () => {
    const ids = seedIds(sandbox);
    const app = await renderApp(sandbox, { connected: true });
    const [first] = app.frames();
    expect(first).toContain('SANDBOX');
    expect(first).toContain(ids.user.name);
    expect(first).toContain(ids.acme.name);
    expect(first).toMatch(/webhooks? of Ada Lovelace \(personal\)/);
    const names = hookNames(ids.user.id);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(first).toContain(name);
    expect(first).not.toMatch(/connecting|loading/i);
    await app.unmount();
  });

  it('opens on the owner looked at last, with its webhooks', async () => {
    const ids = seedIds(sandbox);
    const app = await renderApp(sandbox, { connected: true, lastOwnerId: ids.acme.id });
    const [first] = app.frames();
    expect(first).toContain(`› ${ids.acme.name}`);
    expect(first).toMatch(new RegExp(`webhooks? of ${ids.acme.name}`));
    for (const name of hookNames(ids.acme.id)) expect(first).toContain(name);
    await app.unmount();
  });

  it('is the welcome on a first run', async () => {
    const app = await renderApp(sandbox, { connected: true, showWelcome: true });
    expect(app.frames()[0]).toContain('Welcome to clever-notify');
    await app.unmount();
  });

  it('without a connection given, says it is connecting, then shows the same rows', async () => {
    const ids = seedIds(sandbox);
    const app = await renderApp(sandbox);
    expect(app.frames()[0]).toContain('connecting');
    const frame = await app.waitFor(/webhooks? of Ada Lovelace \(personal\)/);
    for (const name of hookNames(ids.user.id)) expect(frame).toContain(name);
    await app.unmount();
  });
});

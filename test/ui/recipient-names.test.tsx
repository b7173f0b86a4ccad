// E-mail hooks of an organisation name the members they notify by user id, in the table and in the
// details (where the id stays beside the name), against a real sandbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, renderApp } from './support.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

describe('recipients named in the hooks table and details', () => {
  it("shows an organisation member's name for a userid recipient, and keeps the id in the details", async () => {
    const { acme } = seedIds(sandbox);
    const margaret = sandbox.store.members(acme.id).find((m) => m.member.email === 'margaret@acme.example');
    if (!margaret) throw new Error('no Margaret in the sandbox');
    const app = await renderApp(sandbox);
    await app.api.addEmailHook(acme.id, {
      name: 'Pager for Margaret',
      notified: [{ type: 'userid', target: margaret.member.id }],
    });
    await app.waitFor('Acme Shop');
    await app.press('j', '2');
    const table = await app.waitFor(/Pager for Margaret\s+Margaret Ham/);
    expect(table).not.toContain(margaret.member.id.slice(0, 12));
    await app.press(KEYS.tab, KEYS.tab, '/', 'pager', KEYS.enter, KEYS.enter);
    await app.waitFor(`Margaret Hamilton (${margaret.member.id})`);
    await app.unmount();
  });
});

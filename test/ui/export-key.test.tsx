// The owners' export key: x asks for a path (the owner's name as a default), Enter writes the
// owner's hooks as a notifications file, Esc cancels; a path that cannot be written is an error.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotifications } from '../../source/as-code/document.js';
import { startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, renderApp } from './support.js';

let sandbox: TestSandbox;
let dir: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  dir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-export-key-'));
});
afterAll(async () => {
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the export key of the owners pane', () => {
  it('exports the selected owner to the path typed, and says which variables the file uses', async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Acme Shop');
    await app.press('j');
    await app.waitFor('webhooks of Acme Shop');
    expect(app.frame()).toContain('x export');
    await app.press('x');
    const prompt = await app.waitFor('Export the hooks of Acme Shop to a file');
    expect(prompt).toContain('acme-shop.notifications.yaml');
    expect(prompt).toMatch(/Enter export/);
    // The default is selected: typing replaces it.
    const file = path.join(dir, 'acme.yaml');
    await app.press(file);
    await app.waitFor(`File: ${file}`);
    await app.press(KEYS.enter);
    const done = await app.waitFor('Exported Acme Shop');
    expect(done).toContain('2 webhooks and 2 e-mail hooks written to');
    expect(done).toContain('ACME_SHOP_SLACK_DEPLOYS_SLACK_TOKEN: Slack token of Slack #deploys');
    const parsed = parseNotifications(await readFile(file, 'utf8'), file, {
      ACME_SHOP_SLACK_DEPLOYS_SLACK_TOKEN: 'token',
    });
    expect(parsed.owners.map((o) => o.name)).toEqual(['Acme Shop']);
    expect(parsed.owners[0]!.webhooks!.map((h) => h.name)).toEqual(['Audit log (raw)', 'Slack #deploys']);
    await app.press(KEYS.esc);
    await app.waitForNo('Exported Acme Shop');
    await app.unmount();
  });

  it('cancels with Esc, and reports a path that cannot be written', async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Acme Shop');
    await app.press('x');
    await app.waitFor('Export the hooks of Ada Lovelace');
    expect(app.frame()).toContain('ada-lovelace.notifications.yaml');
    await app.press(KEYS.esc);
    await app.waitForNo('Export the hooks of');
    await app.press('x', path.join(dir, 'missing', 'x.yaml'), KEYS.enter);
    const error = await app.waitFor('Could not export the hooks');
    expect(error).toContain(`cannot write ${path.join(dir, 'missing', 'x.yaml')}: its folder`);
    await app.unmount();
  });
});

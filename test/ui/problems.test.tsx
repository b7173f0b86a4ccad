// The Problems view (!) at 80×24 and 120×36, on a real sandbox with a real receiver answering 410: a
// webhook of another owner than the one on screen appears, disabled, with no key pressed; the owners
// show their problem counts; Enter goes to the webhook in its owner's Webhooks tab; Esc goes back.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, renderApp, sandboxApi } from './support.js';

let sandbox: TestSandbox;
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ plugins: [createEventsPlugin({ retryBaseMs: 50 })] });
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(410).end('gone'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await new Promise((resolve) => receiver?.close(resolve));
  await sandbox?.close();
});

/** The owners list's line of an owner. */
function ownerLine(frame: string, name: RegExp): string {
  return frame.split('\n').find((line) => name.test(line.slice(0, 40))) ?? '';
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 36 },
])('the Problems view at $columns×$rows', (size) => {
  it('lists a hook of another owner disabled by a 410 as it happens, counts it, and Enter goes to it', async () => {
    const { acme } = seedIds(sandbox);
    const billing = sandbox.store.applications(acme.id).find((a) => a.name === 'billing-worker')!;
    const name = `gone ${size.columns}`;
    // Only this hook hears a GIT_PUSH of billing-worker: the seeded hooks stay as they are.
    const gone = await sandbox.store.createWebhook(acme.id, {
      name,
      urls: [{ format: 'raw', url: receiverUrl }],
      events: ['GIT_PUSH'],
      scope: [billing.id],
    });
    const app = await renderApp(sandbox, { size });
    try {
      // The personal space is on screen, not Acme Shop.
      await app.waitFor('Personal notifier');
      await app.press('!');
      await app.waitFor('Old CI trigger');
      const before = await app.waitFor('recommendations');
      expect(before).toContain('Problems of every owner');
      expect(before).toContain('deployment failed');
      expect(before).not.toContain(name);

      const pushed = await sandboxFetch(sandbox, '/sandbox/v1/events', {
        method: 'POST',
        json: { event: 'GIT_PUSH', appId: billing.id },
      });
      expect(pushed.status).toBe(202);
      // Its failure comes first, then its state: the row says "delivery failed", then "disabled".
      const after = await app.waitFor(new RegExp(`${name}.*disabled after HTTP 410`), 10_000);
      expect(after).toContain('Acme Shop');
      // The cursor stayed on the row it was on; the newest problem is first.
      expect(after).toMatch(/› .*Old CI trigger/);
      expect(after.indexOf(name)).toBeLessThan(after.indexOf('Old CI trigger'));

      await app.press(KEYS.esc);
      const back = await app.waitForNo('Problems of every owner');
      expect(back).toContain('Personal notifier');
      expect(ownerLine(back, /Acme Shop/)).toMatch(/2 ✗/);
      expect(ownerLine(back, /[ ›] Lovelace/)).toMatch(/1 ✗/);

      await app.press('!', 'g', KEYS.enter);
      const jumped = await app.waitForNo('Problems of every owner');
      expect(jumped).toMatch(/ 1 Webhooks /);
      expect(jumped).toMatch(new RegExp(`› .*${name}`));
      expect(ownerLine(jumped, /Acme Shop/)).toMatch(/›/);
      // E on it: the confirmation of the hook Enter went to.
      await app.press('E');
      await app.waitFor(`Re-enable the webhook "${name}"?`);
      await app.press('n');
      await app.waitForNo('Re-enable the webhook');

      // ? shows the view's keys and goes back to it; G and Enter go to the app, in its owner.
      await app.press('!', '?');
      await app.waitFor("Go to it: the webhook in its owner's Webhooks tab");
      await app.press('?');
      await app.waitFor('Problems of every owner');
      await app.press('G', KEYS.enter);
      const onApp = await app.waitForNo('Problems of every owner');
      expect(onApp).toMatch(/› recommen/);
    } finally {
      await app.unmount();
      await sandbox.store.removeWebhook(acme.id, gone.id);
    }
  }, 30_000);
});

describe('the Problems view when an owner cannot be listed', () => {
  it('says whose hooks it could not list, rather than showing them as having no problem', async () => {
    const { labs } = seedIds(sandbox);
    // The API answers every request but this owner's webhooks, as a 403 on one organisation would.
    const api = await sandboxApi(sandbox);
    const list = api.listWebhooks.bind(api);
    api.listWebhooks = (ownerId) =>
      ownerId === labs.id ? Promise.reject(new Error('403 Forbidden')) : list(ownerId);
    const app = await renderApp(sandbox, { api, size: { columns: 80, rows: 24 } });
    try {
      await app.waitFor('Personal notifier');
      await app.press('!');
      await app.waitFor('Hooks of Lovelace Labs not listed (r to retry)');
      const frame = await app.waitFor('recommendations');
      expect(frame).not.toContain('Old CI trigger');
    } finally {
      await app.unmount();
    }
  });
});

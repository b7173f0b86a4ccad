// Every list says where it is when it does not fit ("13–40 of 41") and takes g G Home End PgUp PgDn,
// at 80×24 and at 120×36: the owners, the apps, the webhooks and the Activity tab. The world is made
// long on purpose: organisations written into the sandbox's snapshot, apps and hooks into its store.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { startSandbox } from '../../source/sandbox/start.js';
import { type Receiver, startReceiver, waitFor } from '../sandbox-events/support.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, type RenderedApp, renderApp } from './support.js';

const ORGS = 20;
const APPS = 30;
const HOOKS = 41;

let dataDir: string;
let sandbox: TestSandbox;
let receiver: Receiver;

/** A long world: 20 more organisations, 30 more personal apps, 41 more personal webhooks. */
beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-lists-'));
  const first = await startSandbox({ dataDir, port: 0 });
  await first.close();
  const file = path.join(dataDir, 'world.snapshot.json');
  const snapshot = JSON.parse(await readFile(file, 'utf8')) as {
    state: { organisations: { id: string; name: string; role: string }[] };
  };
  for (let i = 1; i <= ORGS; i++) {
    const n = String(i).padStart(2, '0');
    snapshot.state.organisations.push({
      id: `orga_00000000-0000-0000-0000-0000000000${n}`,
      name: `Org ${n}`,
      role: 'ADMIN',
    });
  }
  await writeFile(file, JSON.stringify(snapshot));
  sandbox = await startTestSandbox({
    dataDir,
    plugins: [createEventsPlugin({ retryBaseMs: 60_000, deliveryTimeoutMs: 2000, heartbeatMs: 2000 })],
  });
  receiver = await startReceiver();
  const { store } = sandbox;
  const ids = seedIds(sandbox);
  for (let i = 1; i <= APPS; i++) {
    const n = String(i).padStart(2, '0');
    await store.putApplication({
      ...ids.apps.blog,
      id: `app_00000000-0000-0000-0000-0000000000${n}`,
      name: `app-${n}`,
    });
  }
  for (let i = 1; i <= HOOKS; i++) {
    await store.createWebhook(ids.user.id, {
      name: `hook ${String(i).padStart(2, '0')}`,
      urls: [{ format: 'raw', url: receiver.url }],
      events: ['DEPLOYMENT_SUCCESS'],
    });
  }
});
afterAll(async () => {
  await receiver?.close();
  await sandbox?.close();
  await rm(dataDir, { recursive: true, force: true });
});

/**
 * The window of a list of `count` rows that shows `rows` of them: where it starts, G and End at the
 * bottom, g and Home back at the top, PgDn a page down (the cursor one past the first window), PgUp back.
 */
async function walk(app: RenderedApp, count: number, rows: number): Promise<void> {
  const first = `1–${rows} of ${count}`;
  const last = `${count - rows + 1}–${count} of ${count}`;
  await app.waitFor(first);
  await app.press('G');
  await app.waitFor(last);
  await app.press('g');
  await app.waitFor(first);
  await app.press(KEYS.end);
  await app.waitFor(last);
  await app.press(KEYS.home);
  await app.waitFor(first);
  await app.press(KEYS.pageDown);
  await app.waitFor(`2–${rows + 1} of ${count}`);
  await app.press(KEYS.pageUp);
  await app.waitFor(first);
}

const SIZES = [
  // Rows each list shows at that size: owners, apps, webhooks, Activity lines.
  { size: { columns: 80, rows: 24 }, owners: 5, apps: 10, hooks: 16, activity: 17 },
  { size: { columns: 120, rows: 36 }, owners: 10, apps: 17, hooks: 28, activity: 29 },
];

describe.each(SIZES)('where a list is, at $size.columns×$size.rows', ({ size, ...rows }) => {
  const owners = 3 + ORGS;
  // "All apps", the seed's two personal apps, and ours.
  const apps = 1 + 2 + APPS;
  const hooks = 1 + HOOKS;

  it('the owners, the apps and the webhooks', async () => {
    const app = await renderApp(sandbox, { size });
    await app.waitFor('Personal notifier');
    await walk(app, owners, rows.owners);
    await app.press(KEYS.tab);
    await walk(app, apps, rows.apps);
    // Back to "All apps": every webhook of the personal space.
    await app.press('g', KEYS.tab);
    await walk(app, hooks, rows.hooks);
    await app.press('G');
    const frame = await app.waitFor(new RegExp(`› .*hook ${HOOKS}`));
    for (const line of frame.split('\n')) expect([...line].length).toBeLessThanOrEqual(size.columns);
    await app.unmount();
  });

  it('the Activity tab', async () => {
    const ids = seedIds(sandbox);
    const app = await renderApp(sandbox, { size });
    await app.waitFor('Personal notifier');
    await app.press(KEYS.tab, KEYS.tab, '3');
    await app.waitFor('connected');
    const before = receiver.requests.length;
    const res = await sandboxFetch(sandbox, '/sandbox/v1/deployments', {
      method: 'POST',
      json: { appId: ids.apps.blog.id, durationMs: 100 },
    });
    expect(res.status).toBe(202);
    await waitFor(() => receiver.requests.length === before + HOOKS, 20_000);
    // Every line is in: the deployment's two rows (its GIT_PUSH and itself), one line per hook.
    const count = 2 + HOOKS;
    await app.waitFor(`of ${count} `, 10_000);
    await app.waitFor(`↳ 200 attempt 1 delivered`);
    await walk(app, count, rows.activity);
    await app.unmount();
  });
});

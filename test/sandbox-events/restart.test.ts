import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { DeliveryPage } from '../../source/domain/deliveries.js';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { sandboxFetch, seedIds, startTestSandbox } from '../support/sandbox.js';
import { startReceiver, waitFor } from './support.js';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

it('keeps pending retries across a restart and delivers them after it', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-restart-'));
  dirs.push(dataDir);
  let up = false;
  const receiver = await startReceiver((_q, _i, res) => {
    res.statusCode = up ? 200 : 503;
    res.end(up ? 'ok' : 'down');
  });
  // The first retry is due 1.2 to 1.8 s after the first attempt: the sandbox stops before that.
  const first = await startTestSandbox({ dataDir, plugins: [createEventsPlugin({ retryBaseMs: 1500 })] });
  const { labs, apps } = seedIds(first);
  const hookRes = await sandboxFetch(first, `/v2/notifications/webhooks/${labs.id}`, {
    method: 'POST',
    json: { name: 'restart', urls: [{ format: 'raw', url: receiver.url }] },
  });
  const hook = (await hookRes.json()) as { id: string };
  for (let i = 0; i < 3; i++) {
    await sandboxFetch(first, '/sandbox/v1/events', {
      method: 'POST',
      json: { event: 'APPLICATION_STOP', appId: apps.mlGateway.id },
    });
  }
  await waitFor(() => receiver.requests.length === 3);
  await waitFor(async () => {
    const page = DeliveryPage.parse(
      await (await sandboxFetch(first, `/sandbox/v1/deliveries?hook=${hook.id}`)).json(),
    );
    return page.items.length === 3;
  });
  await first.close();

  up = true;
  const second = await startTestSandbox({ dataDir, plugins: [createEventsPlugin({ retryBaseMs: 20 })] });
  try {
    await waitFor(() => receiver.requests.length === 6, 5000);
    const page = await waitFor(async () => {
      const p = DeliveryPage.parse(
        await (await sandboxFetch(second, `/sandbox/v1/deliveries?hook=${hook.id}`)).json(),
      );
      return p.items.length === 6 ? p : undefined;
    });
    expect(page.items.map((d) => [d.attempt, d.status, d.final])).toEqual([
      [1, 503, false],
      [1, 503, false],
      [1, 503, false],
      [2, 200, true],
      [2, 200, true],
      [2, 200, true],
    ]);
    // Each retry came when its own first attempt said it was due (each has its own jitter), not at
    // once on the restart.
    for (const retry of page.items.slice(3)) {
      const first = page.items.find((d) => d.attempt === 1 && d.eventId === retry.eventId);
      expect(retry.at).toBeGreaterThanOrEqual(first!.nextAttemptAt!);
    }
  } finally {
    await second.close();
  }
  await receiver.close();
});

it('marks a deployment cut short by a stop CANCELLED at the next start', async () => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-restart-'));
  dirs.push(dataDir);
  const first = await startTestSandbox({ dataDir });
  const { apps } = seedIds(first);
  const res = await sandboxFetch(first, '/sandbox/v1/deployments', {
    method: 'POST',
    json: { appId: apps.blog.id, durationMs: 60_000 },
  });
  const { uuid } = (await res.json()) as { uuid: string };
  expect(first.store.deployments(apps.blog.id, { limit: 1 })[0]).toMatchObject({ uuid, state: 'WIP' });
  await first.close();
  const second = await startTestSandbox({ dataDir });
  try {
    expect(second.store.deployments(apps.blog.id, { limit: 1 })[0]).toMatchObject({
      uuid,
      state: 'CANCELLED',
    });
  } finally {
    await second.close();
  }
});

// The recipe that used to take the sandbox down (issue: a webhook with thousands of URLs, a matching
// event, a dead receiver, then restarts): with the hook at the URL limit and five events, the built
// sandbox is restarted twice while it retries; it answers `GET /v2/self` throughout, and its journals
// stay bounded.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DeliveryPage } from '../../source/domain/deliveries.js';
import { MAX_URLS_PER_WEBHOOK } from '../../source/sandbox/validation.js';
import { type BuiltSandbox, startBuiltSandbox } from '../support/built-sandbox.js';

let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-huge-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

type Started = BuiltSandbox;

/** The built sandbox on this test's data folder, killed after the test if it still runs. */
async function startBuilt(): Promise<Started> {
  const started = await startBuiltSandbox(dataDir, { CLEVER_NOTIFY_SANDBOX_RETRY_BASE_MS: '30' });
  children.push(started.child);
  return started;
}

function call(s: Started, method: string, pathname: string, body?: unknown): Promise<Response> {
  return fetch(`${s.url}${pathname}`, {
    method,
    headers: { authorization: s.authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

/** Asks GET /v2/self again and again until stopped; every answer must be a 200. */
function poll(s: Started): { stop(): Promise<number> } {
  let running = true;
  let answers = 0;
  const loop = (async () => {
    while (running) {
      const res = await call(s, 'GET', '/v2/self');
      expect(res.status).toBe(200);
      await res.arrayBuffer();
      answers += 1;
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return answers;
    },
  };
}

async function stop(s: Started): Promise<void> {
  const exited = new Promise((resolve) => s.child.once('exit', resolve));
  s.child.kill('SIGTERM');
  await exited;
}

/** A loopback port where nothing listens: every delivery fails at once. */
async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The cursor of the newest record of the delivery log: how many attempts were made so far. */
async function deliveryCount(s: Started): Promise<number> {
  let since = '0';
  for (;;) {
    const page = DeliveryPage.parse(
      await (await call(s, 'GET', `/sandbox/v1/deliveries?since=${since}&limit=500`)).json(),
    );
    since = page.next;
    if (page.items.length < 500) return Number(since);
  }
}

test('a hook at the URL limit, five events, a dead receiver, two restarts: it answers throughout', async () => {
  const port = await deadPort();
  const first = await startBuilt();
  const [acme] = (await (await call(first, 'GET', '/v2/organisations')).json()) as { id: string }[];
  const apps = (await (await call(first, 'GET', `/v2/organisations/${acme!.id}/applications`)).json()) as {
    id: string;
  }[];
  const urls = Array.from({ length: MAX_URLS_PER_WEBHOOK }, (_, i) => ({
    format: 'raw',
    url: `http://127.0.0.1:${port}/dead/${i}`,
  }));
  const created = await call(first, 'POST', `/v2/notifications/webhooks/${acme!.id}`, { name: 'wide', urls });
  expect(created.status).toBe(200);

  let polling = poll(first);
  for (let i = 0; i < 5; i++) {
    const res = await call(first, 'POST', '/sandbox/v1/events', {
      event: 'APPLICATION_STOP',
      appId: apps[0]!.id,
    });
    expect(res.status).toBe(202);
  }
  // Retries under way (more records than first attempts), then the first restart.
  const waitForRecords = async (s: Started, n: number) => {
    for (;;) {
      if ((await deliveryCount(s)) >= n) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  await waitForRecords(first, 800);
  expect(await polling.stop()).toBeGreaterThan(0);
  await stop(first);

  const second = await startBuilt();
  polling = poll(second);
  const afterFirst = await deliveryCount(second);
  await waitForRecords(second, afterFirst + 300);
  expect(await polling.stop()).toBeGreaterThan(0);
  await stop(second);

  const third = await startBuilt();
  try {
    polling = poll(third);
    const afterSecond = await deliveryCount(third);
    await waitForRecords(third, afterSecond + 200);
    expect(await polling.stop()).toBeGreaterThan(0);
    // Bounded by the data, not by the traffic: thousands of failed attempts later.
    for (const file of ['world.journal', 'deliveries.journal']) {
      const { size } = await stat(path.join(dataDir, file));
      expect(size, file).toBeLessThan(16 * 1024 * 1024);
    }
    const hooks = (await (await call(third, 'GET', `/v2/notifications/webhooks/${acme!.id}`)).json()) as {
      name: string;
      failures: unknown[];
    }[];
    expect(hooks.find((h) => h.name === 'wide')!.failures).toHaveLength(20);
  } finally {
    await stop(third);
  }
}, 120_000);

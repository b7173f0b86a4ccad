// SIGKILL in the middle of a burst of writes: after a restart, every write the sandbox acknowledged
// (2xx) is there, exactly, and the data loads.
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Webhook } from '../../source/domain/schemas.js';
import { type BuiltSandbox, startBuiltSandbox } from '../support/built-sandbox.js';

let dataDir: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-crash-'));
});
afterAll(async () => {
  for (const child of children) child.kill('SIGKILL');
  await rm(dataDir, { recursive: true, force: true });
});

type Started = BuiltSandbox;

/** The built sandbox on this test's data folder, killed after the test if it still runs. */
async function startBuilt(): Promise<Started> {
  const started = await startBuiltSandbox(dataDir);
  children.push(started.child);
  return started;
}

async function call(s: Started, method: string, pathname: string, body?: unknown): Promise<Response> {
  return fetch(`${s.url}${pathname}`, {
    method,
    headers: { authorization: s.authorization, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

test('every acknowledged write survives a SIGKILL mid-burst', async () => {
  const first = await startBuilt();
  const [acme] = (await (await call(first, 'GET', '/v2/organisations')).json()) as { id: string }[];
  const hooksPath = `/v2/notifications/webhooks/${acme!.id}`;
  const seeded = (await (await call(first, 'GET', hooksPath)).json()) as Webhook[];

  const acked = new Map<string, Webhook>();
  const removed = new Set<string>();
  let attempts = 0;
  let failed = 0;
  const killAt = 300;
  const exited = new Promise((resolve) => first.child.once('exit', resolve));
  const kill = () => {
    if (first.child.exitCode === null && !first.child.killed) first.child.kill('SIGKILL');
  };

  // Forty clients write without pause; the kill lands while each has a request in flight.
  const worker = async (w: number) => {
    for (let n = 0; ; n++) {
      const i = attempts++;
      try {
        if (n === 0 && w < seeded.length) {
          const res = await call(first, 'DELETE', `${hooksPath}/${seeded[w]!.id}`);
          if (res.ok) removed.add(seeded[w]!.id);
        } else {
          const res = await call(first, 'POST', hooksPath, {
            name: `burst ${i}`,
            urls: [{ format: 'raw', url: `https://burst.example/${i}` }],
            events: ['DEPLOYMENT_FAIL'],
          });
          if (!res.ok) throw new Error(`status ${res.status}`);
          const hook = (await res.json()) as Webhook;
          acked.set(hook.id, hook);
          if (acked.size === killAt) kill();
        }
      } catch {
        // Cut by the kill: not acknowledged, so nothing is promised.
        failed += 1;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: 40 }, (_, w) => worker(w)));
  kill();
  await exited;
  expect(acked.size).toBeGreaterThanOrEqual(killAt);
  expect(failed).toBe(40);

  const second = await startBuilt();
  try {
    const after = (await (await call(second, 'GET', hooksPath)).json()) as Webhook[];
    const byId = new Map(after.map((h) => [h.id, h]));
    for (const [id, hook] of acked) expect(byId.get(id)).toEqual(hook);
    for (const id of removed) expect(byId.has(id)).toBe(false);
    expect(new Set(after.map((h) => h.id)).size).toBe(after.length);
    // The world is whole: the rest of it still answers.
    expect((await call(second, 'GET', '/v2/summary')).status).toBe(200);
  } finally {
    second.child.kill('SIGTERM');
  }
});

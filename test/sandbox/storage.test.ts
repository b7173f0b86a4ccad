// The journal under load and under a full disk (docs/sandbox.md, "Durability"): a delivery failure is
// a small record, the journal is folded into the snapshot as it grows, a write the disk cannot take
// answers 507 and is never seen, writes work again once space is freed, and a data folder of the
// wrong shape is refused in one line.
import { execFileSync } from 'node:child_process';
import { mkdtemp, open, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { startSandbox } from '../../source/sandbox/start.js';
import { COMPACT_MIN_BYTES } from '../../source/sandbox/storage/durable-state.js';
import { sandboxFetch, seedIds, startTestSandbox } from '../support/sandbox.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-storage-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

test('a delivery failure is a small journal record, and the journal stays bounded by the data', async () => {
  const sandbox = await startSandbox({ dataDir, port: 0, plugins: [] });
  const owner = sandbox.store.organisations()[0]!.id;
  const urls = Array.from({ length: 100 }, (_, i) => ({
    format: 'raw' as const,
    url: `https://r.example/${i}`,
  }));
  const hook = await sandbox.store.createWebhook(owner, { name: 'wide', urls });
  const afterCreate = sandbox.store.journalSize;
  await sandbox.store.appendWebhookFailure(owner, hook.id, {
    url: urls[0]!.url,
    networkFailure: 'ECONNREFUSED',
  });
  // The failure alone, not the hook with its hundred URLs again.
  expect(sandbox.store.journalSize - afterCreate).toBeLessThan(400);

  // Thousands of failures (in groups, as a busy dispatcher commits them): the journal is compacted.
  let largest = 0;
  for (let round = 0; round < 30; round++) {
    await Promise.all(
      Array.from({ length: 500 }, (_, i) =>
        sandbox.store.appendWebhookFailure(owner, hook.id, {
          url: urls[i % 100]!.url,
          networkFailure: `ECONNREFUSED ${round}-${i}`,
        }),
      ),
    );
    largest = Math.max(largest, sandbox.store.journalSize);
  }
  const snapshotBytes = (await stat(path.join(dataDir, 'world.snapshot.json'))).size;
  expect(largest).toBeLessThan(Math.max(COMPACT_MIN_BYTES, snapshotBytes) + 500 * 400);
  expect((await stat(path.join(dataDir, 'world.journal'))).size).toBe(sandbox.store.journalSize);
  const kept = sandbox.store.webhook(owner, hook.id)!.failures;
  expect(kept).toHaveLength(20);
  await sandbox.close();

  const again = await startSandbox({ dataDir, port: 0, plugins: [] });
  expect(again.store.webhook(owner, hook.id)!.failures).toEqual(kept);
  await again.close();
});

test('a snapshot or a journal line of the wrong shape is refused in one line naming the file and the field', async () => {
  const first = await startSandbox({ dataDir, port: 0, plugins: [] });
  await first.close();
  const snapshot = path.join(dataDir, 'world.snapshot.json');
  const good = JSON.parse(await readFile(snapshot, 'utf8'));
  const wrong = structuredClone(good);
  wrong.state.webhooks[0].urls[0].url = 42;
  await writeFile(snapshot, JSON.stringify(wrong));
  const error = await startSandbox({ dataDir, port: 0, plugins: [] }).then(
    () => undefined,
    (e: Error) => e,
  );
  expect(error?.message).toMatch(
    new RegExp(
      `^cannot read the sandbox data file ${snapshot}: state\\.webhooks\\.0\\.urls\\.0\\.url: Invalid input: expected string, received number\\. `,
    ),
  );
  expect(error?.message).not.toContain('\n');

  await writeFile(snapshot, JSON.stringify(good));
  const journal = path.join(dataDir, 'world.journal');
  await writeFile(
    journal,
    `${JSON.stringify({ seq: good.seq + 1, op: { type: 'webhook.state', ownerId: 'o', id: 'h', state: 'ASLEEP' } })}\n`,
  );
  await expect(startSandbox({ dataDir, port: 0, plugins: [] })).rejects.toThrow(
    new RegExp(`^cannot read the sandbox data file ${journal}: line 1: op\\.state: Invalid option`),
  );
});

// A real full disk: a small tmpfs, which only root may mount.
const mountable =
  process.getuid?.() === 0 ? tryMount() : 'not running as root: mounting a small tmpfs needs root';

function tryMount(): string | undefined {
  try {
    execFileSync('mount', ['--version'], { stdio: 'ignore' });
    return undefined;
  } catch {
    return 'no mount command';
  }
}

test.skipIf(mountable !== undefined)(
  `a full disk: 507 naming the file, the change never seen, writes again once space is freed${mountable ? ` (skipped: ${mountable})` : ''}`,
  async (ctx) => {
    const mountPoint = path.join(dataDir, 'small');
    execFileSync('mkdir', ['-p', mountPoint]);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', mountPoint], { stdio: 'pipe' });
    } catch (error) {
      ctx.skip(`mount -t tmpfs failed: ${(error as Error).message.split('\n')[0]}`);
    }
    try {
      const data = path.join(mountPoint, 'data');
      const sandbox = await startTestSandbox({ dataDir: data });
      const { acme } = seedIds(sandbox);
      const hooks = `/v2/notifications/webhooks/${acme.id}`;
      const before = sandbox.store.webhooks(acme.id).length;
      const filler = path.join(mountPoint, 'filler');
      await fillDisk(filler);

      const refused = await sandboxFetch(sandbox, hooks, {
        method: 'POST',
        json: { name: 'no room', urls: [{ format: 'raw', url: 'https://r.example/' }] },
      });
      expect(refused.status).toBe(507);
      const { message } = (await refused.json()) as { message: string };
      expect(message).toContain(
        `the disk is full: the sandbox could not write ${path.join(data, 'world.journal')}`,
      );
      // Not seen then, nor later.
      const listed = (await (await sandboxFetch(sandbox, hooks)).json()) as { name: string }[];
      expect(listed.map((h) => h.name)).not.toContain('no room');
      expect(sandbox.store.webhooks(acme.id)).toHaveLength(before);
      // An event while the disk is full: the delivery log keeps going in memory.
      const event = await sandboxFetch(sandbox, '/sandbox/v1/events', {
        method: 'POST',
        json: { event: 'APPLICATION_STOP', appId: seedIds(sandbox).apps.shopApi.id },
      });
      expect(event.status).toBe(202);

      await rm(filler);
      const accepted = await sandboxFetch(sandbox, hooks, {
        method: 'POST',
        json: { name: 'room again', urls: [{ format: 'raw', url: 'https://r.example/' }] },
      });
      expect(accepted.status).toBe(200);
      const names = ((await (await sandboxFetch(sandbox, hooks)).json()) as { name: string }[]).map(
        (h) => h.name,
      );
      expect(names).toContain('room again');
      expect(names).not.toContain('no room');
      await sandbox.close();

      const again = await startTestSandbox({ dataDir: data });
      const kept = again.store.webhooks(acme.id).map((h) => h.name);
      expect(kept).toContain('room again');
      expect(kept).not.toContain('no room');
      await again.close();
    } finally {
      execFileSync('umount', [mountPoint]);
    }
  },
);

/** Writes until the file system refuses (ENOSPC). */
async function fillDisk(file: string): Promise<void> {
  const handle = await open(file, 'w');
  const chunk = Buffer.alloc(64 * 1024, 1);
  try {
    for (;;) await handle.write(chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  } finally {
    await handle.close();
  }
}

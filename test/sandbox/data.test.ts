// The data folder: kept across restarts, one sandbox at a time, stale locks taken over, secrets 0600,
// DATA/env, and unreadable files reported by name rather than replaced.
import { spawnSync } from 'node:child_process';
import { appendFile, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { readRunningSandbox } from '../../source/sandbox/lock.js';
import { startSandbox } from '../../source/sandbox/start.js';

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-data-'));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

test('a restart keeps the world, the credentials and every write; files are 0600', async () => {
  const first = await startSandbox({ dataDir, port: 0 });
  expect(first.seeded).toBe(true);
  const owner = first.store.organisations()[0]!.id;
  const hook = await first.store.createWebhook(owner, {
    name: 'kept',
    urls: [{ format: 'raw', url: 'https://kept.example' }],
  });
  await first.store.setWebhookState(owner, hook.id, 'DISABLED');
  const env = await readFile(path.join(dataDir, 'env'), 'utf8');
  expect(env).toBe(
    `export API_HOST=${first.url}\nexport CLEVER_TOKEN=${first.token}\nexport CLEVER_SECRET=${first.secret}\n`,
  );
  for (const file of ['env', 'credentials.json', 'sandbox.lock', 'world.snapshot.json', 'world.journal']) {
    expect((await stat(path.join(dataDir, file))).mode & 0o777, file).toBe(0o600);
  }
  expect(await readRunningSandbox(dataDir)).toEqual({
    pid: process.pid,
    url: first.url,
    port: first.port,
    host: '127.0.0.1',
  });
  await first.close();
  expect(await readRunningSandbox(dataDir)).toBeUndefined();

  const second = await startSandbox({ dataDir, port: 0 });
  expect(second.seeded).toBe(false);
  expect([second.token, second.secret, second.apiToken]).toEqual([first.token, first.secret, first.apiToken]);
  expect(second.store.self()).toEqual(first.store.self());
  expect(second.store.webhook(owner, hook.id)).toMatchObject({ name: 'kept', state: 'DISABLED' });
  await second.close();
});

test('one sandbox per folder: a second start names the process and port; a stale lock does not block', async () => {
  const first = await startSandbox({ dataDir, port: 0 });
  await expect(startSandbox({ dataDir, port: 0 })).rejects.toThrow(
    new RegExp(`in use by process ${process.pid}, listening on ${first.url} \\(port ${first.port}\\)`),
  );
  await first.close();

  // A lock left by a process that is gone (killed without cleaning up).
  const dead = spawnSync(process.execPath, [
    '-e',
    'process.stdout.write(String(process.pid))',
  ]).stdout.toString();
  await writeFile(
    path.join(dataDir, 'sandbox.lock'),
    JSON.stringify({
      pid: Number(dead),
      port: 1,
      host: '127.0.0.1',
      url: 'http://127.0.0.1:1',
      startedAt: '',
    }),
  );
  expect(await readRunningSandbox(dataDir)).toBeUndefined();
  const again = await startSandbox({ dataDir, port: 0 });
  await again.close();

  // A lock whose pid lives (reused by another program) but where nothing listens any more.
  await writeFile(
    path.join(dataDir, 'sandbox.lock'),
    JSON.stringify({
      pid: process.ppid,
      port: 1,
      host: '127.0.0.1',
      url: 'http://127.0.0.1:1',
      startedAt: '',
    }),
  );
  expect(await readRunningSandbox(dataDir)).toBeUndefined();
  await (await startSandbox({ dataDir, port: 0 })).close();
});

test('a port in use is named, with --port', async () => {
  const blocker = net.createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as net.AddressInfo).port;
  try {
    await expect(startSandbox({ dataDir, port })).rejects.toThrow(
      `port ${port} on 127.0.0.1 is already in use: stop what uses it or choose another with --port`,
    );
    // The failed start released the folder.
    expect(await readRunningSandbox(dataDir)).toBeUndefined();
    await (await startSandbox({ dataDir, port: 0 })).close();
  } finally {
    blocker.close();
  }
});

test('a torn last journal line is dropped; any other unreadable line or file stops the start, by name', async () => {
  const first = await startSandbox({ dataDir, port: 0 });
  const owner = first.store.self().id;
  await first.store.createWebhook(owner, { name: 'a', urls: [{ format: 'raw', url: 'https://a.example' }] });
  const count = first.store.webhooks(owner).length;
  await first.close();
  // close() does not compact: the journal holds the write. Add a write cut short by a crash.
  const journal = path.join(dataDir, 'world.journal');
  expect((await readFile(journal, 'utf8')).split('\n')).toHaveLength(2);
  await appendFile(journal, '{"seq":99,"op":{"type":"webhook.rem');
  const second = await startSandbox({ dataDir, port: 0 });
  expect(second.store.webhooks(owner)).toHaveLength(count);
  await second.close();

  await writeFile(journal, 'garbage\n{"seq":1}\n');
  await expect(startSandbox({ dataDir, port: 0 })).rejects.toThrow(
    `cannot read the sandbox data file ${journal}: line 1:`,
  );
  await writeFile(journal, '');
  const snapshot = path.join(dataDir, 'world.snapshot.json');
  const good = await readFile(snapshot, 'utf8');
  await writeFile(snapshot, good.slice(0, 100));
  await expect(startSandbox({ dataDir, port: 0 })).rejects.toThrow(
    `cannot read the sandbox data file ${snapshot}`,
  );
  await writeFile(snapshot, JSON.stringify({ format: 1, seq: 0, state: { user: {} } }));
  await expect(startSandbox({ dataDir, port: 0 })).rejects.toThrow(
    `cannot read the sandbox data file ${snapshot}`,
  );
  // Nothing was replaced behind the user's back.
  expect(await readFile(snapshot, 'utf8')).toContain('"state":{"user":{}}');

  const credentials = path.join(dataDir, 'credentials.json');
  await writeFile(snapshot, good);
  await writeFile(credentials, '{');
  await expect(startSandbox({ dataDir, port: 0 })).rejects.toThrow(
    `cannot read the sandbox data file ${credentials}`,
  );
});

test('a data folder that cannot be made is named', async () => {
  const file = path.join(dataDir, 'a-file');
  await writeFile(file, '');
  await expect(startSandbox({ dataDir: path.join(file, 'data'), port: 0 })).rejects.toThrow(
    `cannot use the sandbox data folder ${path.join(file, 'data')}`,
  );
});

// The official CLI's `clever activity --follow` against a --tls sandbox: it opens the event socket
// with wss: and must show a triggered deployment live, WIP then its result.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { SandboxExtensionsClient } from '../../source/api/sandbox-extensions.js';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from './support.js';

const CLEVER = path.resolve('node_modules/.bin/clever');
let sandbox: TestSandbox;
let home: string;
let child: ChildProcess | undefined;

beforeAll(async () => {
  sandbox = await startTestSandbox({ tls: true, plugins: [createEventsPlugin({ heartbeatMs: 1000 })] });
  home = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-home-'));
});
afterAll(async () => {
  child?.kill();
  await sandbox.close();
  await rm(home, { recursive: true, force: true });
});

it('shows sandbox deployments live in `clever activity --follow`, WIP then the result', async () => {
  expect(sandbox.url).toMatch(/^https:/);
  expect(sandbox.env.NODE_EXTRA_CA_CERTS).toBe(sandbox.caPath);
  const { apps } = seedIds(sandbox);
  const appId = apps.blog.id;
  const lines: Array<Record<string, unknown>> = [];
  let stderr = '';
  child = spawn(process.execPath, [CLEVER, 'activity', '--app', appId, '--follow', '-F', 'json-stream'], {
    env: {
      PATH: process.env.PATH ?? '',
      ...sandbox.env,
      HOME: home,
      NO_UPDATE_NOTIFIER: '1',
      NODE_OPTIONS: '--experimental-websocket',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let end = buffer.indexOf('\n');
    while (end >= 0) {
      const line = buffer.slice(0, end).trim();
      buffer = buffer.slice(end + 1);
      if (line.startsWith('{')) lines.push(JSON.parse(line));
      end = buffer.indexOf('\n');
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });

  // The history comes first; the socket is open once a heartbeat has reached the server's clients.
  const history = await waitFor(() => lines.length > 0 && lines.length, 15_000).catch(() => {
    throw new Error(`clever activity printed no history; stderr: ${stderr}`);
  });
  const client = new SandboxExtensionsClient({
    apiHost: sandbox.url,
    authorization: () => `Bearer ${sandbox.apiToken}`,
    ca: await readFile(sandbox.caPath!, 'utf8'),
  });
  const start = async (fail: boolean) =>
    (await client.triggerDeployment({ appId, durationMs: 300, fail })).uuid;
  // A deployment that begins before the socket is ready is missed, or seen from its END only when
  // the socket opens in between: retry until one is seen from its start.
  let uuid = '';
  await waitFor(async () => {
    uuid = await start(false);
    const ended = await waitFor(() => lines.some((l) => l.uuid === uuid && l.state === 'OK'), 1500).catch(
      () => false,
    );
    return ended && lines.some((l) => l.uuid === uuid && l.state === 'WIP');
  }, 15_000).catch(() => {
    throw new Error(`clever activity never showed a deployment; stderr: ${stderr}`);
  });
  const ours = lines.slice(history).filter((l) => l.uuid === uuid);
  expect(ours.map((l) => l.state)).toEqual(['WIP', 'OK']);
  expect(ours[0]).toMatchObject({ action: 'DEPLOY', cause: 'Git' });

  const failed = await start(true);
  await waitFor(() => lines.some((l) => l.uuid === failed && l.state === 'FAIL'), 5000);
  expect(lines.filter((l) => l.uuid === failed).map((l) => l.state)).toEqual(['WIP', 'FAIL']);
  await client.close();
}, 40_000);

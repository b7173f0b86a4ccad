// The live model against a real sandbox: its event socket, its deployments list and its delivery log,
// with real webhook receivers on loopback. Every wait is on a condition.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCleverApi } from '../../source/api/client.js';
import { resolveCredentials } from '../../source/api/credentials.js';
import type { LiveModel, LiveModelSnapshot } from '../../source/api/live/live-model.js';
import { createLiveModel } from '../../source/api/live/live-store.js';
import { SandboxExtensionsClient } from '../../source/api/sandbox-extensions.js';
import { resolveTailFilter } from '../../source/commands/tail/filter.js';
import type { ActivityRow } from '../../source/domain/live-activity.js';
import { latestAttempt } from '../../source/domain/live-activity.js';
import { compileLiveFilter } from '../../source/domain/live-filter.js';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from './wait.js';

let sandbox: TestSandbox;
let api: HttpCleverApi;
let credentials: { apiHost: string; authorization: () => string };
let ids: ReturnType<typeof seedIds>;
/** Raw sockets of the event socket's upgrades, so that a test can cut them on the server side. */
const upgraded = new Set<Socket>();

beforeAll(async () => {
  sandbox = await startTestSandbox({
    plugins: [createEventsPlugin({ retryBaseMs: 150, heartbeatMs: 2000 })],
  });
  sandbox.server.on('upgrade', (_req: IncomingMessage, socket: Socket) => {
    upgraded.add(socket);
    socket.on('close', () => upgraded.delete(socket));
  });
  ids = seedIds(sandbox);
  const resolved = (await resolveCredentials(sandbox.env))!;
  api = new HttpCleverApi(resolved, { kind: 'sandbox' });
  credentials = { apiHost: resolved.apiHost, authorization: resolved.authorization };
});

afterAll(async () => {
  await api?.close();
  await sandbox?.close();
});

interface Receiver {
  url: string;
  port: number;
  hits: number;
  listen(): Promise<void>;
  close(): Promise<void>;
}

/** A webhook receiver; `status` picks its answer. It can start closed (connection refused). */
async function receiver(status: () => number, port = 0): Promise<Receiver> {
  let server: Server | undefined;
  const state: Receiver = {
    url: '',
    port,
    hits: 0,
    async listen() {
      server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          state.hits++;
          res.writeHead(status(), { 'content-type': 'text/plain' }).end('received');
        });
      });
      await new Promise<void>((resolve) => server!.listen(state.port, '127.0.0.1', resolve));
      state.port = (server.address() as AddressInfo).port;
      state.url = `http://127.0.0.1:${state.port}/hook`;
    },
    close: () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  };
  await state.listen();
  return state;
}

function startFeed(options: { socketBaseDelayMs?: number; pollIntervalMs?: number } = {}) {
  const snapshots: LiveModelSnapshot[] = [];
  const feed = createLiveModel({
    api,
    credentials,
    filter: compileLiveFilter({ ownerIds: [ids.user.id] }),
    pollIntervalMs: options.pollIntervalMs ?? 200,
    ...(options.socketBaseDelayMs ? { socketBaseDelayMs: options.socketBaseDelayMs } : {}),
  });
  feed.subscribe(() => snapshots.push(feed.getSnapshot()));
  const latest = () => snapshots.at(-1);
  const row = (uuid: string): ActivityRow | undefined =>
    latest()?.activity.rows.find((r) => r.key === `deployment:${uuid}`);
  return { feed, snapshots, latest, row };
}

async function connected(feed: LiveModel) {
  await feed.load();
  feed.watch();
  await waitFor(
    () =>
      feed.getSnapshot().connection.socket.state === 'connected' &&
      feed.getSnapshot().connection.deliveries?.state === 'connected',
    10_000,
    'the socket and the delivery log',
  );
}

async function deploy(body: { fail?: boolean; durationMs?: number }): Promise<string> {
  const response = await sandboxFetch(sandbox, '/sandbox/v1/deployments', {
    method: 'POST',
    json: { appId: ids.apps.blog.id, ...body },
  });
  expect(response.status).toBe(202);
  return ((await response.json()) as { uuid: string }).uuid;
}

async function addHook(name: string, url: string): Promise<string> {
  const hook = await api.addWebhook(ids.user.id, {
    name,
    urls: [{ format: 'raw', url }],
    events: ['META_DEPLOYMENT_RESULT'],
  });
  return hook.id;
}

describe('the live model on a sandbox', () => {
  it('shows a triggered deployment as WIP, then OK in the same row', async () => {
    const { feed, row, snapshots } = startFeed();
    try {
      await connected(feed);
      const uuid = await deploy({ durationMs: 400 });
      await waitFor(() => row(uuid)?.deployment?.state === 'WIP', 5000, 'WIP');
      await waitFor(() => row(uuid)?.deployment?.state === 'OK', 5000, 'OK');
      // The poll may tell the result first; the socket's DEPLOYMENT_SUCCESS lands in the same row.
      await waitFor(
        () => row(uuid)?.event === 'DEPLOYMENT_SUCCESS' && row(uuid)?.source === 'socket',
        5000,
        'the socket result',
      );
      const rows = snapshots.at(-1)!.activity.rows.filter((r) => r.key === `deployment:${uuid}`);
      expect(rows).toHaveLength(1);
    } finally {
      feed.close();
    }
  });

  it('shows a failed deployment as FAIL with its failed deliveries', async () => {
    const failing = await receiver(() => 500);
    const hookId = await addHook('always 500', failing.url);
    const { feed, row } = startFeed();
    try {
      await connected(feed);
      const uuid = await deploy({ fail: true, durationMs: 100 });
      await waitFor(() => row(uuid)?.deployment?.state === 'FAIL', 5000, 'FAIL');
      await waitFor(
        () =>
          row(uuid)?.deliveries.some((l) => l.hookId === hookId && latestAttempt(l).status === 500) ?? false,
        5000,
        'a failed delivery under the deployment',
      );
      const line = row(uuid)!.deliveries.find((l) => l.hookId === hookId)!;
      expect(line.eventType).toBe('DEPLOYMENT_FAIL');
      expect(latestAttempt(line).ok).toBe(false);
    } finally {
      feed.close();
      await api.removeWebhook(ids.user.id, hookId);
      await failing.close();
    }
  });

  it('shows the retries to a receiver that is down, then its success once it is up', async () => {
    const flaky = await receiver(() => 200);
    await flaky.close();
    const hookId = await addHook('down then up', flaky.url);
    const { feed, row } = startFeed();
    try {
      await connected(feed);
      const uuid = await deploy({ durationMs: 50 });
      const line = () => row(uuid)?.deliveries.find((l) => l.hookId === hookId);
      await waitFor(() => (line()?.attempts.length ?? 0) >= 2, 8000, 'two failed attempts');
      expect(line()!.attempts.every((a) => !a.ok && a.networkFailure)).toBe(true);
      await flaky.listen();
      await waitFor(() => (line() ? latestAttempt(line()!).ok : false), 15_000, 'the successful retry');
      const attempts = line()!.attempts;
      expect(attempts.map((a) => a.attempt)).toEqual(attempts.map((_, i) => i + 1));
      expect(attempts.at(-1)!.status).toBe(200);
    } finally {
      feed.close();
      await api.removeWebhook(ids.user.id, hookId);
      await flaky.close();
    }
  });

  it('reconnects when the socket is cut mid-deployment and still shows the result', async () => {
    const { feed, row, latest } = startFeed({ socketBaseDelayMs: 50 });
    try {
      await connected(feed);
      const uuid = await deploy({ durationMs: 1500 });
      await waitFor(() => row(uuid)?.deployment?.state === 'WIP', 5000, 'WIP');
      for (const socket of upgraded) socket.destroy();
      await waitFor(
        () => {
          const s = latest()?.connection.socket;
          return s?.state === 'connected' && s.connections >= 2;
        },
        5000,
        'the reconnection',
      );
      await waitFor(() => row(uuid)?.deployment?.state === 'OK', 5000, 'OK');
    } finally {
      feed.close();
    }
  });

  it('recovers an END that the socket missed by polling the deployments list', async () => {
    // The socket comes back after 1.5 s; the deployment ends while it is away.
    const { feed, row, latest } = startFeed({ socketBaseDelayMs: 1500, pollIntervalMs: 100 });
    try {
      await connected(feed);
      const uuid = await deploy({ durationMs: 300 });
      await waitFor(() => row(uuid)?.deployment?.state === 'WIP', 5000, 'WIP');
      for (const socket of upgraded) socket.destroy();
      await waitFor(() => row(uuid)?.deployment?.state === 'OK', 8000, 'OK from the poll');
      expect(row(uuid)!.source).toBe('poll');
      expect(latest()!.activity.rows.filter((r) => r.key === `deployment:${uuid}`)).toHaveLength(1);
    } finally {
      feed.close();
    }
  });

  it('loses and doubles no delivery when the delivery log stream is cut', async () => {
    const ok = await receiver(() => 200);
    const hookId = await addHook('stream cut', ok.url);
    const { feed, latest } = startFeed();
    try {
      await connected(feed);
      const uuids: string[] = [];
      for (let i = 0; i < 6; i++) {
        uuids.push(await deploy({ durationMs: 10 }));
        if (i % 2 === 0) feed.dropStreams();
      }
      const mine = () =>
        latest()!
          .activity.rows.filter((r) => uuids.some((u) => r.key === `deployment:${u}`))
          .flatMap((r) => r.deliveries.filter((l) => l.hookId === hookId));
      await waitFor(
        () => mine().length === 6 && mine().every((l) => latestAttempt(l).ok),
        10_000,
        'six deliveries',
      );
      expect(mine().flatMap((l) => l.attempts)).toHaveLength(6);
      expect(ok.hits).toBe(6);
    } finally {
      feed.close();
      await api.removeWebhook(ids.user.id, hookId);
      await ok.close();
    }
  });
});

describe('the live feed on a sandbox serving TLS', () => {
  it('follows the socket (wss:) and the delivery log over TLS with the sandbox CA', async () => {
    const tls = await startTestSandbox({ tls: true, plugins: [createEventsPlugin({ retryBaseMs: 150 })] });
    const resolved = (await resolveCredentials(tls.env))!;
    const ca = await readFile(tls.env.NODE_EXTRA_CA_CERTS!, 'utf8');
    const tlsApi = new HttpCleverApi({ ...resolved, ca }, { kind: 'sandbox' });
    const snapshots: LiveModelSnapshot[] = [];
    const feed = createLiveModel({
      api: tlsApi,
      credentials: { apiHost: resolved.apiHost, authorization: resolved.authorization, ca },
    });
    feed.subscribe(() => snapshots.push(feed.getSnapshot()));
    try {
      expect(resolved.apiHost).toMatch(/^https:/);
      await connected(feed);
      const app = seedIds(tls).apps.blog.id;
      const extensions = new SandboxExtensionsClient({
        apiHost: resolved.apiHost,
        authorization: resolved.authorization,
        ca,
      });
      const { uuid } = await extensions.triggerDeployment({ appId: app, durationMs: 50 });
      await extensions.close();
      await waitFor(
        () =>
          snapshots
            .at(-1)
            ?.activity.rows.some((r) => r.key === `deployment:${uuid}` && r.deployment?.state === 'OK') ??
          false,
        5000,
        'OK over TLS',
      );
    } finally {
      feed.close();
      await tlsApi.close();
      await tls.close();
    }
  });
});

describe('the filter of tail', () => {
  it('resolves --org and --app by name and checks --event against the catalogue', async () => {
    const filter = await resolveTailFilter(api, {
      org: 'Acme Shop',
      app: 'shop-front',
      event: 'meta_deployment_result,GIT_PUSH',
    });
    expect(filter).toEqual({
      ownerIds: [ids.acme.id],
      appId: ids.apps.shopFront.id,
      events: ['META_DEPLOYMENT_RESULT', 'GIT_PUSH'],
    });
    await expect(resolveTailFilter(api, { event: 'DEPLOYMENT_DONE' })).rejects.toThrow(
      /unknown event DEPLOYMENT_DONE/,
    );
    await expect(resolveTailFilter(api, { app: 'no-such-app' })).rejects.toThrow(
      /no application is named "no-such-app"/,
    );
  });
});

describe('clever-notify tail (the built binary)', () => {
  it('prints a deployment as json-stream lines: WIP, then OK, with the same key', async () => {
    const child = spawn(process.execPath, ['dist/cli.js', 'tail', '-F', 'json-stream', '--app', 'blog'], {
      env: { ...process.env, ...sandbox.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const lines: Record<string, unknown>[] = [];
    let stderr = '';
    let buffer = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffer += chunk;
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const part of parts) lines.push(JSON.parse(part) as Record<string, unknown>);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    try {
      // Deployments started before the tail's socket is in are not news to it: deploy until one shows WIP.
      const events = () => lines.filter((l) => l.type === 'event');
      const deployed: string[] = [];
      let lastDeploy = 0;
      let uuid: string | undefined;
      await waitFor(
        async () => {
          if (child.exitCode !== null) throw new Error(`tail exited: ${stderr}`);
          uuid = deployed.find((u) =>
            events().some(
              (l) => l.key === `deployment:${u}` && (l.deployment as { state: string }).state === 'WIP',
            ),
          );
          if (uuid) return true;
          if (Date.now() - lastDeploy > 1000) {
            lastDeploy = Date.now();
            deployed.push(await deploy({ durationMs: 300 }));
          }
          return false;
        },
        15_000,
        'a WIP line from the tail',
      );
      await waitFor(
        () =>
          events().some(
            (l) => l.key === `deployment:${uuid}` && (l.deployment as { state: string }).state === 'OK',
          ),
        5000,
        'the OK line',
      );
      const states = events()
        .filter((l) => l.key === `deployment:${uuid}`)
        .map((l) => (l.deployment as { state: string }).state);
      expect(states[0]).toBe('WIP');
      expect(states.at(-1)).toBe('OK');
      expect(events().every((l) => l.appName === 'blog')).toBe(true);
    } finally {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    expect(child.exitCode).toBe(0);
  });
});

/** Runs the built `tail` with these arguments; `lines()` are its json-stream objects so far. */
function spawnTail(args: string[]) {
  const child = spawn(process.execPath, ['dist/cli.js', 'tail', '-F', 'json-stream', ...args], {
    env: { ...process.env, ...sandbox.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  let buffer = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const part of parts) lines.push(JSON.parse(part) as Record<string, unknown>);
  });
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  return {
    lines,
    stderr: () => stderr,
    alive: () => {
      if (child.exitCode !== null) throw new Error(`tail exited: ${stderr}`);
      return true;
    },
    async stop() {
      child.kill('SIGINT');
      if (child.exitCode === null) await new Promise((resolve) => child.once('exit', resolve));
      return child.exitCode;
    },
  };
}

/** Until the tail's socket and streams are in: a deployment of another app shows in it. */
async function tailReady(tail: ReturnType<typeof spawnTail>, appId: string) {
  let lastDeploy = 0;
  const uuids: string[] = [];
  await waitFor(
    async () => {
      tail.alive();
      if (tail.lines.some((l) => uuids.some((u) => l.key === `deployment:${u}`))) return true;
      if (Date.now() - lastDeploy > 1000) {
        lastDeploy = Date.now();
        const response = await sandboxFetch(sandbox, '/sandbox/v1/deployments', {
          method: 'POST',
          json: { appId, durationMs: 10 },
        });
        uuids.push(((await response.json()) as { uuid: string }).uuid);
      }
      return false;
    },
    20_000,
    'the tail to be live',
  );
}

describe('clever-notify tail: what is news', () => {
  it('prints nothing of a deployment that failed before it started; --since 10m replays it, marked', async () => {
    const failing = await receiver(() => 500);
    const hookId = await addHook('fails before the tail', failing.url);
    const uuid = await deploy({ fail: true, durationMs: 10 });
    try {
      // Retries go on (150 ms × 3ⁿ here): the tails start while they do.
      await waitFor(() => failing.hits >= 1, 10_000, 'the failed delivery');
      const plain = spawnTail([]);
      const replaying = spawnTail(['--since', '10m']);
      try {
        // Both are live (a deployment of another app shows), and the replay has been printed.
        await tailReady(plain, ids.apps.shopFront.id);
        await waitFor(
          () => replaying.lines.some((l) => l.key === `deployment:${uuid}`),
          10_000,
          'the replay',
        );
        const hits = failing.hits;
        await waitFor(() => failing.hits > hits, 40_000, 'one more retry while the tails run');
        await tailReady(plain, ids.apps.shopFront.id);
        expect(
          plain.lines.filter((l) => l.key === `deployment:${uuid}` || l.eventKey === `deployment:${uuid}`),
        ).toEqual([]);
        expect(plain.lines.filter((l) => l.hookId === hookId)).toEqual([]);
        const replayed = replaying.lines.filter((l) => l.key === `deployment:${uuid}`);
        expect(replayed.at(-1)).toMatchObject({ replay: true, event: 'DEPLOYMENT_FAIL', kind: 'event' });
        expect((replayed.at(-1)!.deployment as { state: string }).state).toBe('FAIL');
        const deliveries = replaying.lines.filter(
          (l) => l.eventKey === `deployment:${uuid}` && l.hookId === hookId,
        );
        expect(deliveries.length).toBeGreaterThanOrEqual(2);
        expect(deliveries.every((l) => l.replay === true && l.status === 500)).toBe(true);
      } finally {
        expect(await plain.stop()).toBe(0);
        expect(await replaying.stop()).toBe(0);
      }
    } finally {
      await api.removeWebhook(ids.user.id, hookId);
      await failing.close();
    }
  }, 120_000);

  it('shows `webhooks test` with "kind":"test", and nowhere as a deployment', async () => {
    const ok = await receiver(() => 200);
    const hookId = await addHook('tested', ok.url);
    const tail = spawnTail([]);
    try {
      await tailReady(tail, ids.apps.shopFront.id);
      const before = new Set(tail.lines.map((l) => l.key ?? l.eventKey));
      const test = spawn(
        process.execPath,
        ['dist/cli.js', 'webhooks', 'test', hookId, '--org', ids.user.id],
        {
          env: { ...process.env, ...sandbox.env },
          stdio: 'ignore',
        },
      );
      expect(await new Promise((resolve) => test.once('exit', resolve))).toBe(0);
      await waitFor(
        () => tail.lines.some((l) => l.type === 'delivery' && l.hookId === hookId && l.kind === 'test'),
        10_000,
        'the test delivery',
      );
      const fresh = tail.lines.filter((l) => !before.has((l.key ?? l.eventKey) as string));
      const testRow = fresh.find((l) => l.type === 'event' && l.kind === 'test')!;
      expect(testRow).toMatchObject({ hookId, appId: null, deployment: null });
      // No deployment row came out of it: every new event line is the test's own.
      expect(fresh.filter((l) => l.type === 'event' && l.deployment !== null)).toEqual([]);
      expect(fresh.filter((l) => l.type === 'delivery').every((l) => l.eventKey === testRow.key)).toBe(true);
    } finally {
      expect(await tail.stop()).toBe(0);
      await api.removeWebhook(ids.user.id, hookId);
      await ok.close();
    }
  }, 60_000);
});

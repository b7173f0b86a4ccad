// `webhooks test`: through the sandbox's dispatcher (the binary), and straight from this machine
// when the API is Clever Cloud (the client, in process, with a real receiver).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCleverApi } from '../../source/api/client.js';
import { resolveCredentials } from '../../source/api/credentials.js';
import { confirm } from '../../source/commands/confirm.js';
import { USER_AGENT } from '../../source/domain/version.js';
import { startCleverCloudProxy } from '../support/clever-cloud-proxy.js';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { cleanEnv, runCli } from './cli-support.js';
import { type Receiver, startReceiver } from './receiver.js';

let sandbox: TestSandbox;
let receiver: Receiver;
let home: string;
let env: Record<string, string>;
let ownerId: string;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  receiver = await startReceiver();
  ownerId = seedIds(sandbox).acme.id;
  home = await mkdtemp(join(tmpdir(), 'clever-notify-webhook-test-'));
  env = cleanEnv({ ...sandbox.env, HOME: home, CLEVER_NOTIFY_CONFIG_DIR: join(home, 'settings') });
});
afterAll(async () => {
  await sandbox.close();
  await receiver.close();
  await rm(home, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli(args, { env, cwd: home });

async function addHook(name: string, ...urls: string[]): Promise<string> {
  const added = await cli('webhooks', 'add', name, ...urls, '--org', ownerId, '--json');
  expect(added.code).toBe(0);
  return (JSON.parse(added.stdout) as { id: string }).id;
}

describe('webhooks test on the sandbox', () => {
  it('sends a sample event through the dispatcher to every URL, with no prompt', async () => {
    const id = await addHook('to-test', `${receiver.url}/raw`, `slack=${receiver.url}/slack`);
    receiver.received.length = 0;
    const result = await cli('webhooks', 'test', id, '--org', ownerId, '-F', 'json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const results = JSON.parse(result.stdout) as { url: string; ok: boolean; status: number }[];
    expect(results.map((r) => [r.url, r.ok, r.status]).sort()).toEqual([
      [`${receiver.url}/raw`, true, 200],
      [`${receiver.url}/slack`, true, 200],
    ]);
    expect(receiver.received.map((r) => r.path).sort()).toEqual(['/raw', '/slack']);
  });

  it('exits non-zero, after the table, when a URL refuses', async () => {
    const failing = await startReceiver(500);
    try {
      const id = await addHook('failing', `${failing.url}/x`);
      const result = await cli('webhooks', 'test', id, '--org', ownerId);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/raw\s+http:\/\/127\.0\.0\.1:\d+\/x\s+HTTP 500/);
      expect(result.stderr).toBe('clever-notify: the URL did not accept the test event\n');
    } finally {
      await failing.close();
    }
  });
});

/** The sandbox behind a stand-in for Clever Cloud on 127.0.0.1: the client must take it for Clever Cloud. */
async function cleverCloudApi(): Promise<HttpCleverApi> {
  const proxy = await startCleverCloudProxy(sandbox.url);
  const credentials = await resolveCredentials({ ...sandbox.env, API_HOST: proxy.url });
  const api = new HttpCleverApi(credentials!);
  expect((await api.identify()).kind).toBe('clever-cloud');
  const close = api.close.bind(api);
  api.close = async () => {
    await close();
    await proxy.close();
  };
  return api;
}

describe('webhooks test against Clever Cloud', () => {
  it('posts the body of each format straight to the URLs, without the credentials', async () => {
    const api = await cleverCloudApi();
    try {
      const id = await addHook('direct', `${receiver.url}/raw`, `slack=${receiver.url}/slack`);
      const hook = (await api.listWebhooks(ownerId)).find((h) => h.id === id)!;
      receiver.received.length = 0;
      const results = await api.testWebhook(hook);
      expect(results.every((r) => r.ok && r.status === 200 && r.responseExcerpt === 'ok')).toBe(true);
      const byPath = Object.fromEntries(receiver.received.map((r) => [r.path, r]));
      expect(byPath['/raw']?.body).toMatchObject({ event: 'DEPLOYMENT_SUCCESS', date: expect.any(Number) });
      expect(byPath['/slack']?.body).toMatchObject({ text: expect.any(String) });
      for (const request of receiver.received) {
        expect(request.headers['user-agent']).toBe(USER_AGENT);
        expect(request.headers.authorization).toBeUndefined();
      }
    } finally {
      await api.close();
    }
  });

  it('reports a URL that cannot be reached', async () => {
    const api = await cleverCloudApi();
    const [result] = await api.testWebhook({
      id: 'x',
      ownerId,
      urls: [{ format: 'raw', url: 'http://127.0.0.1:1/' }],
      createdAt: 0,
      failures: [],
      state: 'ENABLED',
    });
    expect(result).toMatchObject({ ok: false, networkFailure: 'ECONNREFUSED' });
    await api.close();
  });

  it('asks first, and refuses without a terminal unless --yes', async () => {
    const notATerminal = new PassThrough() as unknown as NodeJS.ReadStream;
    await expect(confirm('Send it?', { input: notATerminal })).rejects.toThrow(
      /no terminal to ask: add --yes/,
    );
    await expect(confirm('Send it?', { input: notATerminal, yes: true })).resolves.toBe(true);
    const terminal = Object.assign(new PassThrough(), { isTTY: true }) as unknown as NodeJS.ReadStream;
    const output = new PassThrough() as unknown as NodeJS.WriteStream;
    const answer = confirm('Send it?', { input: terminal, output });
    (terminal as unknown as PassThrough).write('y\n');
    await expect(answer).resolves.toBe(true);
  });
});

// `clever-notify tail --wait` (the built binary) against a real sandbox: the exit code of each result,
// the timeout, and a result that the event socket missed because a proxy cut it mid-deployment.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { waitFor } from '../sandbox-events/support.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { jsonLines, type RunningCli, startCli, startProxy, type TcpProxy } from './support.js';

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;
const clis: RunningCli[] = [];
let proxy: TcpProxy | undefined;

beforeAll(async () => {
  sandbox = await startTestSandbox({ plugins: [createEventsPlugin({ heartbeatMs: 2000 })] });
  ids = seedIds(sandbox);
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await Promise.all(clis.splice(0).map((c) => c.stop()));
  await proxy?.close();
  proxy = undefined;
});

/** Starts `tail --wait` and returns once it has said what it waits for (its socket is connected). */
async function wait(args: string[], env: Record<string, string> = sandbox.env): Promise<RunningCli> {
  const cli = startCli(['tail', '--wait', ...args], env);
  clis.push(cli);
  await waitFor(() => cli.stderr.length > 0, 15_000).catch((error) => {
    throw new Error(`${error}; stdout: ${cli.stdout.join('\n')}`);
  });
  expect(cli.stderr[0]).toMatch(/^Waiting for /);
  return cli;
}

async function deploy(appId: string, options: { fail?: boolean; durationMs?: number } = {}): Promise<string> {
  const res = await sandboxFetch(sandbox, '/sandbox/v1/deployments', {
    method: 'POST',
    json: { appId, durationMs: 300, ...options },
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { uuid: string }).uuid;
}

async function listedState(ownerId: string, appId: string, uuid: string): Promise<string | undefined> {
  const res = await sandboxFetch(sandbox, `/v2/organisations/${ownerId}/applications/${appId}/deployments`);
  const list = (await res.json()) as { uuid: string; state: string }[];
  return list.find((d) => d.uuid === uuid)?.state;
}

describe('tail --wait', { timeout: 60_000 }, () => {
  it('exits 0 when the next deployment ends OK, printing one line', async () => {
    const cli = await wait(['--app', 'shop-front']);
    expect(cli.stderr[0]).toBe('Waiting for the next deployment of shop-front…');
    const uuid = await deploy(ids.apps.shopFront.id);
    expect(await cli.exited).toBe(0);
    expect(cli.stdout).toEqual([
      expect.stringMatching(new RegExp(`^shop-front: deployment ${uuid} OK after \\d+ s$`)),
    ]);
  });

  it('exits 1 when the deployment in progress fails', async () => {
    // Long enough to be in progress once the binary has started, on a busy machine too.
    const uuid = await deploy(ids.apps.shopApi.id, { fail: true, durationMs: 8000 });
    const cli = await wait(['--app', ids.apps.shopApi.id, '-F', 'json-stream']);
    expect(cli.stderr[0]).toBe(`Waiting for deployment ${uuid} of shop-api…`);
    expect(await cli.exited).toBe(1);
    expect(jsonLines(cli.stdout)).toEqual([
      expect.objectContaining({ appId: ids.apps.shopApi.id, deployment: uuid, state: 'FAIL', exitCode: 1 }),
    ]);
  });

  it('exits 2 when the deployment is CANCELLED (an END event injected into the sandbox)', async () => {
    const uuid = await deploy(ids.apps.shopFront.id, { durationMs: 60_000 });
    const cli = await wait(['--app', 'shop-front', '--deployment', uuid]);
    const res = await sandboxFetch(sandbox, '/sandbox/v1/events', {
      method: 'POST',
      json: {
        event: 'DEPLOYMENT_ACTION_END',
        appId: ids.apps.shopFront.id,
        data: { uuid, state: 'CANCELLED' },
      },
    });
    expect(res.status).toBe(202);
    expect(await cli.exited).toBe(2);
    expect(cli.stdout).toEqual([
      expect.stringMatching(new RegExp(`^shop-front: deployment ${uuid} CANCELLED after \\d+ s$`)),
    ]);
  });

  it('exits 3 at --timeout, saying that nothing started', async () => {
    const cli = await wait(['--app', 'blog', '--timeout', '1s']);
    expect(await cli.exited).toBe(3);
    expect(cli.stdout).toEqual([
      expect.stringMatching(/^blog: no deployment started after \d+ s \(--timeout 1s\)$/),
    ]);
  });

  it('exits 4, not 1, when it cannot wait at all', async () => {
    const cli = startCli(['tail', '--wait', '--app', 'no-such-app'], sandbox.env);
    clis.push(cli);
    expect(await cli.exited).toBe(4);
    expect(cli.stderr.join('\n')).toContain('unknown application "no-such-app"');
  });

  it('gets the result from the deployments list when the socket was cut during the deployment', async () => {
    proxy = await startProxy(new URL(sandbox.url).port ? Number(new URL(sandbox.url).port) : 80);
    const env = { ...sandbox.env, API_HOST: proxy.url };
    const appId = ids.apps.shopApi.id;
    const uuid = await deploy(appId, { durationMs: 8000 });
    const cli = await wait(['--app', appId, '--deployment', uuid], env);
    // Cut every connection and refuse new ones until the deployment is over: the END is never seen.
    proxy.cut();
    await waitFor(async () => (await listedState(ids.acme.id, appId, uuid)) === 'OK', 15_000);
    proxy.restore();
    expect(await cli.exited).toBe(0);
    expect(cli.stdout).toEqual([
      expect.stringMatching(
        new RegExp(`^shop-api: deployment ${uuid} OK after \\d+ s, read from the deployments list$`),
      ),
    ]);
  });
});

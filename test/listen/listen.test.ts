// `clever-notify listen` (the built binary) against a real sandbox: what it forwards is compared, byte
// for byte, with what the sandbox's own webhooks receive for the same events, on real receivers.

import type { AddressInfo } from 'node:net';
import { createServer } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Webhook } from '../../source/domain/schemas.js';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { type Receiver, startReceiver, waitFor } from '../sandbox-events/support.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { jsonLines, type RunningCli, startCli, startProxy } from './support.js';

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;
const receivers: Receiver[] = [];
const clis: RunningCli[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({
    plugins: [createEventsPlugin({ retryBaseMs: 20, deliveryTimeoutMs: 2000, heartbeatMs: 2000 })],
  });
  ids = seedIds(sandbox);
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await Promise.all(clis.splice(0).map((c) => c.stop()));
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(reply?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const r = await startReceiver(reply);
  receivers.push(r);
  return r;
}

/** Starts `listen` and waits for its ready line (the socket is connected). */
async function listen(args: string[], env: Record<string, string> = sandbox.env): Promise<RunningCli> {
  const cli = startCli(['listen', ...args], env);
  clis.push(cli);
  await waitFor(() => cli.stderr.some((l) => l.startsWith('Ready:')), 15_000);
  return cli;
}

async function addHook(body: Record<string, unknown>): Promise<Webhook> {
  const res = await sandboxFetch(sandbox, `/v2/notifications/webhooks/${ids.acme.id}`, {
    method: 'POST',
    json: { name: 'listen-test', ...body },
  });
  expect(res.status).toBe(200);
  return Webhook.parse(await res.json());
}

async function removeHook(hook: Webhook): Promise<void> {
  await sandboxFetch(sandbox, `/v2/notifications/webhooks/${hook.ownerId}/${hook.id}`, { method: 'DELETE' });
}

async function deploy(appId: string): Promise<string> {
  const res = await sandboxFetch(sandbox, '/sandbox/v1/deployments', {
    method: 'POST',
    json: { appId, durationMs: 100 },
  });
  expect(res.status).toBe(202);
  return ((await res.json()) as { uuid: string }).uuid;
}

async function trigger(event: string, appId: string): Promise<void> {
  const res = await sandboxFetch(sandbox, '/sandbox/v1/events', { method: 'POST', json: { event, appId } });
  expect(res.status).toBe(202);
}

const eventOf = (body: string) => (JSON.parse(body) as { event?: string }).event;
const DEPLOY_EVENTS = ['GIT_PUSH', 'DEPLOYMENT_ACTION_BEGIN', 'DEPLOYMENT_ACTION_END', 'DEPLOYMENT_SUCCESS'];

describe('listen --forward-to', { timeout: 60_000 }, () => {
  it('forwards a deployment in raw format byte for byte as a raw webhook receives it, headers included', async () => {
    const hookReceiver = await receiver();
    const local = await receiver();
    const hook = await addHook({
      urls: [{ format: 'raw', url: hookReceiver.url }],
      scope: [ids.apps.shopFront.id],
    });
    try {
      const cli = await listen([
        '--app',
        'shop-front',
        '--forward-to',
        local.url.replace('http://', ''),
        '-H',
        'X-Dev-Token: secret',
      ]);
      expect(cli.stderr.find((l) => l.startsWith('Ready:'))).toMatch(
        /every event of shop-front on the sandbox.*forwarding to http:\/\/127\.0\.0\.1:\d+\/hook as raw webhook requests\. Press Ctrl-C to stop\./,
      );
      await deploy(ids.apps.shopFront.id);
      await waitFor(() => hookReceiver.requests.length === 4 && local.requests.length === 4, 15_000);
      const byEvent = (r: Receiver) => new Map(r.requests.map((q) => [eventOf(q.body), q]));
      const sent = byEvent(hookReceiver);
      const forwarded = byEvent(local);
      expect([...forwarded.keys()].sort()).toEqual([...DEPLOY_EVENTS].sort());
      for (const event of DEPLOY_EVENTS) {
        expect(forwarded.get(event)!.body).toBe(sent.get(event)!.body);
        for (const header of ['content-type', 'user-agent']) {
          expect(forwarded.get(event)!.headers[header]).toBe(sent.get(event)!.headers[header]);
        }
        expect(forwarded.get(event)!.headers['x-dev-token']).toBe('secret');
      }
      await waitFor(() => cli.stdout.length >= 4);
      expect(cli.stdout.join('\n')).toMatch(/DEPLOYMENT_SUCCESS\s+shop-front\s+→ 200\s+\d+ ms/);
      expect(await cli.stop()).toBe(0);
      expect(cli.stderr.at(-1)).toBe('Stopped: 4 events forwarded, 0 not accepted.');
    } finally {
      await removeHook(hook);
    }
  });

  it('--format slack forwards the Slack body that a slack webhook receives', async () => {
    const hookReceiver = await receiver();
    const local = await receiver();
    const hook = await addHook({
      urls: [{ format: 'slack', url: hookReceiver.url }],
      events: ['DEPLOYMENT_SUCCESS'],
      scope: [ids.apps.shopApi.id],
    });
    try {
      const cli = await listen([
        '--app',
        ids.apps.shopApi.id,
        '--event',
        'DEPLOYMENT_SUCCESS',
        '--format',
        'slack',
        '--forward-to',
        local.url,
        '-F',
        'json-stream',
      ]);
      await deploy(ids.apps.shopApi.id);
      await waitFor(() => hookReceiver.requests.length === 1 && local.requests.length === 1, 15_000);
      expect(local.requests[0]!.body).toBe(hookReceiver.requests[0]!.body);
      const slack = JSON.parse(local.requests[0]!.body);
      expect(slack.text).toMatch(/^shop-api: deployment succeeded \(OK, commit [0-9a-f]{7}\)$/);
      expect(slack.attachments[0]).toMatchObject({ color: 'good', footer: 'Clever Cloud' });
      await waitFor(() => jsonLines(cli.stdout).length === 1);
      expect(jsonLines(cli.stdout)[0]).toMatchObject({
        type: 'forward',
        event: 'DEPLOYMENT_SUCCESS',
        appId: ids.apps.shopApi.id,
        appName: 'shop-api',
        format: 'slack',
        status: 200,
        error: null,
        ok: true,
      });
    } finally {
      await removeHook(hook);
    }
  });

  it('--load-from-hook forwards what that hook receives: its events, its scope, its format', async () => {
    const hookReceiver = await receiver();
    const local = await receiver();
    const hook = await addHook({
      urls: [{ format: 'gitter', url: hookReceiver.url }],
      events: ['META_DEPLOYMENT_RESULT', 'APPLICATION_STOP'],
      scope: [ids.apps.shopApi.id],
    });
    try {
      const cli = await listen(['--load-from-hook', hook.id, '--forward-to', local.url, '-F', 'json-stream']);
      expect(cli.stderr.find((l) => l.startsWith('Ready:'))).toContain(
        `as webhook listen-test (${hook.id}) would receive them`,
      );
      await deploy(ids.apps.shopFront.id); // out of the hook's scope
      await trigger('APPLICATION_STOP', ids.apps.mlGateway.id); // another owner
      await trigger('APPLICATION_REDEPLOY', ids.apps.shopApi.id); // not one of its events
      await trigger('APPLICATION_STOP', ids.apps.shopApi.id);
      await deploy(ids.apps.shopApi.id);
      // META_DEPLOYMENT_RESULT is the SUCCESS (or FAIL) of each deployment: the last event of the lot.
      await waitFor(() => hookReceiver.requests.length === 2 && jsonLines(cli.stdout).length === 2, 15_000);
      expect(local.requests.map((q) => q.body)).toEqual(hookReceiver.requests.map((q) => q.body));
      expect(jsonLines(cli.stdout).map((l) => [l.event, l.appId, l.format])).toEqual([
        ['APPLICATION_STOP', ids.apps.shopApi.id, 'gitter'],
        ['DEPLOYMENT_SUCCESS', ids.apps.shopApi.id, 'gitter'],
      ]);
    } finally {
      await removeHook(hook);
    }
  });

  it('a receiver that is down gets a clear line, and listen goes on to the next event', async () => {
    // A port that nothing listens on, then a receiver on that very port.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const cli = await listen([
      '--app',
      'shop-api',
      '--event',
      'APPLICATION_STOP',
      '--forward-to',
      `127.0.0.1:${port}/in`,
    ]);
    await trigger('APPLICATION_STOP', ids.apps.shopApi.id);
    await waitFor(() => cli.stdout.length === 1, 15_000);
    expect(cli.stdout[0]).toMatch(
      new RegExp(
        `APPLICATION_STOP\\s+shop-api\\s+→ ECONNREFUSED: nothing listens at http://127\\.0\\.0\\.1:${port}/in \\(is your receiver running\\?\\)`,
      ),
    );

    const { createServer: createHttpServer } = await import('node:http');
    const bodies: string[] = [];
    const server = createHttpServer((req, res) => {
      let body = '';
      req
        .on('data', (c) => (body += c))
        .on('end', () => {
          bodies.push(body);
          res.writeHead(202).end();
        });
    });
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      await trigger('APPLICATION_STOP', ids.apps.shopApi.id);
      await waitFor(() => cli.stdout.length === 2, 15_000);
      expect(cli.stdout[1]).toMatch(/APPLICATION_STOP\s+shop-api\s+→ 202/);
      // The first event was reported, not retried behind the user's back.
      expect(bodies).toHaveLength(1);
      expect(await cli.stop()).toBe(0);
      expect(cli.stderr.at(-1)).toBe('Stopped: 2 events forwarded, 1 not accepted.');
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('reconnects after a cut, says so, and does not invent the events it missed', async () => {
    const proxy = await startProxy(Number(new URL(sandbox.url).port));
    const local = await receiver();
    try {
      const cli = await listen(
        ['--app', 'shop-api', '--event', 'APPLICATION_STOP,APPLICATION_REDEPLOY', '--forward-to', local.url],
        { ...sandbox.env, API_HOST: proxy.url },
      );
      proxy.cut();
      await waitFor(() => cli.stderr.some((l) => l.startsWith('Event socket lost')), 15_000);
      await trigger('APPLICATION_STOP', ids.apps.shopApi.id); // while the socket is down
      proxy.restore();
      await waitFor(() => cli.stderr.some((l) => l.startsWith('Event socket connected again')), 15_000);
      expect(cli.stderr.find((l) => l.startsWith('Event socket connected again'))).toMatch(
        /events sent while it was down are not replayed/,
      );
      await trigger('APPLICATION_REDEPLOY', ids.apps.shopApi.id);
      await waitFor(() => cli.stdout.length === 1, 15_000);
      expect(local.requests.map((q) => eventOf(q.body))).toEqual(['APPLICATION_REDEPLOY']);
    } finally {
      await proxy.close();
    }
  });

  it('refuses a --forward-to that is not an http URL, and a malformed --header, before connecting', async () => {
    const bad = startCli(['listen', '--forward-to', 'ftp://example.test/x'], sandbox.env);
    expect(await bad.exited).toBe(1);
    expect(bad.stderr.join('\n')).toContain('--forward-to must be an http:// or https:// URL, not ftp://');
    const header = startCli(['listen', '--forward-to', 'localhost:3000', '-H', 'no colon'], sandbox.env);
    expect(await header.exited).toBe(1);
    expect(header.stderr.join('\n')).toContain('--header "no colon" is not "Name: value"');
  });
});

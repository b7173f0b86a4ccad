// `clever-notify deliveries list|show|redeliver` (the built binary) on a hook whose receiver answers 500
// and then 200, against a real sandbox; and the one line it gives on Clever Cloud.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery } from '../../source/domain/deliveries.js';
import { Webhook } from '../../source/domain/schemas.js';
import { USER_AGENT } from '../../source/domain/version.js';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { cleanEnv, runCli } from '../commands/cli-support.js';
import { type Receiver, startReceiver, waitFor } from '../sandbox-events/support.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;
let receiver: Receiver;
let hook: Webhook;

const cli = (...args: string[]) => runCli(args, { env: cleanEnv(sandbox.env), cwd: process.cwd() });

beforeAll(async () => {
  sandbox = await startTestSandbox({
    plugins: [createEventsPlugin({ retryBaseMs: 50, deliveryTimeoutMs: 2000, heartbeatMs: 2000 })],
  });
  ids = seedIds(sandbox);
  // 500 the first time, 200 after: one retry, then delivered.
  receiver = await startReceiver((_request, index, res) => {
    res
      .writeHead(index === 0 ? 500 : 200, { 'content-type': 'text/plain', 'x-receiver': 'test' })
      .end(index === 0 ? 'busy, try later' : 'thanks');
  });
  const res = await sandboxFetch(sandbox, `/v2/notifications/webhooks/${ids.acme.id}`, {
    method: 'POST',
    json: {
      name: 'flaky receiver',
      urls: [{ format: 'raw', url: receiver.url }],
      events: ['DEPLOYMENT_SUCCESS'],
      scope: [ids.apps.shopApi.id],
    },
  });
  hook = Webhook.parse(await res.json());
  const trigger = await sandboxFetch(sandbox, '/sandbox/v1/events', {
    method: 'POST',
    json: { event: 'DEPLOYMENT_SUCCESS', appId: ids.apps.shopApi.id },
  });
  expect(trigger.status).toBe(202);
  await waitFor(() => receiver.requests.length === 2, 10_000);
});
afterAll(async () => {
  await receiver?.close();
  await sandbox?.close();
});

async function listJson(...flags: string[]): Promise<Delivery[]> {
  const result = await cli('deliveries', 'list', '--hook', hook.id, ...flags, '-F', 'json');
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout) as Delivery[];
}

// Each case runs the binary several times: generous on a busy machine.
describe('deliveries', { timeout: 60_000 }, () => {
  it('list: both attempts, with their statuses and the headers kept for them', async () => {
    await waitFor(async () => (await listJson()).length === 2, 10_000);
    const [first, second] = await listJson();
    expect(first).toMatchObject({
      attempt: 1,
      status: 500,
      ok: false,
      final: false,
      responseExcerpt: 'busy, try later',
    });
    expect(first!.nextAttemptAt).toBeTypeOf('number');
    expect(second).toMatchObject({ attempt: 2, status: 200, ok: true, final: true, eventId: first!.eventId });
    expect(first!.requestHeaders).toEqual({ 'content-type': 'application/json', 'user-agent': USER_AGENT });
    expect(first!.responseHeaders).toMatchObject({ 'x-receiver': 'test', 'content-type': 'text/plain' });
    expect(first!.requestBody).toBe(receiver.requests[0]!.body);

    expect((await listJson('--failed')).map((d) => d.id)).toEqual([first!.id]);
    expect(await listJson('--event', 'DEPLOYMENT_FAIL')).toEqual([]);
    expect(await listJson('--event', 'META_DEPLOYMENT_RESULT')).toHaveLength(2);
    expect(await listJson('--since', '1h')).toHaveLength(2);
    const future = await cli('deliveries', 'list', '--hook', hook.id, '--since', '2999-01-01T00:00:00Z');
    expect(future.code).toBe(1);
    expect(future.stderr).toContain('--since 2999-01-01T00:00:00Z is in the future');

    const human = await cli('deliveries', '--hook', hook.id);
    expect(human.code).toBe(0);
    expect(human.stdout).toMatch(
      /DEPLOYMENT_SUCCESS\s+flaky receiver\s+127\.0\.0\.1:\d+\s+1\s+500, retry at \d\d:\d\d:\d\d/,
    );
    expect(human.stdout).toContain(first!.id.slice(0, 8));
    expect(human.stdout).toMatch(/\s2\s+200\s+\d+ ms/);
  });

  it('show: the request headers and body, and each attempt with its answer, by an id prefix', async () => {
    const [first, second] = await listJson();
    const shown = await cli('deliveries', 'show', second!.id.slice(0, 8));
    expect(shown.stderr).toBe('');
    expect(shown.stdout).toContain(`Delivery ${second!.id}`);
    expect(shown.stdout).toContain('Attempts (2)');
    expect(shown.stdout).toContain(`  content-type: application/json\n  user-agent: ${USER_AGENT}`);
    expect(shown.stdout).toContain(receiver.requests[0]!.body);
    expect(shown.stdout).toMatch(
      /Response to attempt 1 .*\n {2}HTTP 500\n(.*\n)* {2}x-receiver: test\n(.*\n)*\nbusy, try later/,
    );
    expect(shown.stdout).toMatch(/Response to attempt 2 .*\n {2}HTTP 200\n(.*\n)*\nthanks/);

    const json = JSON.parse((await cli('deliveries', 'show', first!.id, '-F', 'json')).stdout);
    expect(json.delivery.id).toBe(first!.id);
    expect(json.attempts.map((d: Delivery) => d.id)).toEqual([first!.id, second!.id]);

    const missing = await cli('deliveries', 'show', 'ffffffff');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('no delivery "ffffffff" in the sandbox’s log');
  });

  it('redeliver: the same body to the same URL, as a new delivery, with its answer', async () => {
    const [first] = await listJson();
    const result = await cli('deliveries', 'redeliver', first!.id);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      /^Redelivered DEPLOYMENT_SUCCESS to http:\/\/127\.0\.0\.1:\d+\/hook: 200 in \d+ ms \(delivery [0-9a-f-]{36}\)\n$/,
    );
    expect(receiver.requests).toHaveLength(3);
    expect(receiver.requests[2]!.body).toBe(receiver.requests[0]!.body);
    const after = await listJson();
    expect(after).toHaveLength(3);
    expect(after[2]).toMatchObject({ eventId: first!.eventId, attempt: 1, status: 200, ok: true });
  });

  it('on Clever Cloud, says in one line that there is no delivery log and what to use instead', async () => {
    const env = cleanEnv({
      API_HOST: 'https://api.clever-cloud.example',
      CLEVER_TOKEN: 'token',
      CLEVER_SECRET: 'secret',
      CONFIGURATION_FILE: '/nonexistent/clever-tools.json',
    });
    for (const args of [['deliveries'], ['deliveries', 'show', 'abc'], ['deliveries', 'redeliver', 'abc']]) {
      const result = await runCli(args, { env, cwd: process.cwd() });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toEqual([
        'clever-notify: Clever Cloud keeps no delivery log (the sandbox does): run `clever-notify listen --forward-to URL` to receive the events here, and `clever-notify webhooks` for each hook’s latest failures',
      ]);
    }
  });
});

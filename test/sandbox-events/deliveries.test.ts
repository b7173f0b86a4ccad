import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Delivery, DeliveryPage } from '../../source/domain/deliveries.js';
import { formatPayload } from '../../source/domain/payloads.js';
import { Webhook } from '../../source/domain/schemas.js';
import { USER_AGENT } from '../../source/domain/version.js';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { type Receiver, startReceiver, waitFor } from './support.js';

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;
const receivers: Receiver[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox({
    plugins: [createEventsPlugin({ retryBaseMs: 20, deliveryTimeoutMs: 400, heartbeatMs: 1000 })],
  });
  ids = seedIds(sandbox);
});
afterAll(() => sandbox.close());
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

async function receiver(reply?: Parameters<typeof startReceiver>[0]): Promise<Receiver> {
  const r = await startReceiver(reply);
  receivers.push(r);
  return r;
}

async function addHook(urls: { format: string; url: string }[], events?: string[]): Promise<Webhook> {
  const res = await sandboxFetch(sandbox, `/v2/notifications/webhooks/${ids.acme.id}`, {
    method: 'POST',
    json: { name: 'test', urls, ...(events ? { events } : {}), scope: [ids.apps.shopApi.id] },
  });
  expect(res.status).toBe(200);
  return Webhook.parse(await res.json());
}

async function trigger(event = 'DEPLOYMENT_SUCCESS', appId = ids.apps.shopApi.id): Promise<string> {
  const res = await sandboxFetch(sandbox, '/sandbox/v1/events', { method: 'POST', json: { event, appId } });
  expect(res.status).toBe(202);
  return ((await res.json()) as { eventId: string }).eventId;
}

async function deliveries(hookId: string): Promise<Delivery[]> {
  const res = await sandboxFetch(sandbox, `/sandbox/v1/deliveries?hook=${hookId}&limit=500`);
  return DeliveryPage.parse(await res.json()).items;
}

function hookNow(hook: Webhook): Webhook {
  return sandbox.store.webhook(hook.ownerId, hook.id)!;
}

describe('webhook deliveries', () => {
  it('POSTs the exact body of each format, with the User-Agent, and logs each attempt', async () => {
    const r = await receiver();
    const formats = ['raw', 'slack', 'gitter', 'flowdock'] as const;
    const hook = await addHook(formats.map((format) => ({ format, url: `${r.url}?f=${format}` })));
    const eventId = await trigger();
    await waitFor(() => r.requests.length === 4);
    const byFormat = Object.fromEntries(
      r.requests.map((q) => [new URL(q.url, 'http://x').searchParams.get('f'), q]),
    );
    const raw = JSON.parse(byFormat.raw!.body);
    expect(Object.keys(raw)).toEqual(['event', 'date', 'data']);
    expect(raw.event).toBe('DEPLOYMENT_SUCCESS');
    expect(typeof raw.data).toBe('string');
    expect(JSON.parse(raw.data)).toMatchObject({
      id: ids.apps.shopApi.id,
      ownerId: ids.acme.id,
      state: 'OK',
    });
    const app = ids.apps.shopApi;
    const context = {
      ownerName: ids.acme.name,
      appName: app.name,
      consoleUrl: `https://console.clever-cloud.com/goto/${app.id}`,
      appUrl: `https://${(app.vhosts as { fqdn: string }[])[0]!.fqdn}`,
    };
    for (const format of formats) {
      expect(byFormat[format]!.method).toBe('POST');
      expect(byFormat[format]!.headers['user-agent']).toBe(USER_AGENT);
      expect(byFormat[format]!.headers['content-type']).toBe('application/json');
      expect(byFormat[format]!.body).toBe(JSON.stringify(formatPayload(format, raw, context)));
    }
    const slack = JSON.parse(byFormat.slack!.body);
    expect(slack.attachments[0].color).toBe('good');

    const log = await waitFor(async () => {
      const items = await deliveries(hook.id);
      return items.length === 4 ? items : undefined;
    });
    for (const d of log) {
      expect(d).toMatchObject({
        eventId,
        eventType: 'DEPLOYMENT_SUCCESS',
        ok: true,
        final: true,
        attempt: 1,
        status: 200,
      });
      expect(d.responseExcerpt).toBe('ok');
      expect(d.requestBody).toBe(byFormat[d.format]!.body);
    }
    expect(log.find((d) => d.format === 'gitter')!.warning).toMatch(/Gitter/);
    expect(log.find((d) => d.format === 'flowdock')!.warning).toMatch(/Flowdock/);
    expect(log.find((d) => d.format === 'raw')!.warning).toBeUndefined();
  });

  it('sends the user:password of a URL as Basic authentication, not in the request line', async () => {
    const r = await receiver();
    const withPassword = r.url.replace('http://', 'http://bot:hunt%40er2@');
    await addHook([{ format: 'raw', url: withPassword }]);
    await trigger('DEPLOYMENT_SUCCESS');
    await waitFor(() => r.requests.length === 1);
    const auth = String(r.requests[0]!.headers.authorization);
    expect(Buffer.from(auth.replace(/^Basic /, ''), 'base64').toString()).toBe('bot:hunt@er2');
  });

  it('only reaches enabled hooks that match the event', async () => {
    const r = await receiver();
    await addHook([{ format: 'raw', url: r.url }], ['META_DEPLOYMENT_RESULT']);
    await trigger('GIT_PUSH');
    await trigger('DEPLOYMENT_FAIL');
    await trigger('DEPLOYMENT_SUCCESS', ids.apps.shopFront.id);
    await waitFor(() => r.requests.length === 1);
    await trigger('DEPLOYMENT_SUCCESS');
    await waitFor(() => r.requests.length === 2);
    expect(r.requests.map((q) => JSON.parse(q.body).event)).toEqual([
      'DEPLOYMENT_FAIL',
      'DEPLOYMENT_SUCCESS',
    ]);
  });

  it('retries 5xx with backoff until the receiver recovers, recording each failure', async () => {
    const r = await receiver((_q, i, res) => {
      res.statusCode = i < 3 ? 503 : 200;
      res.end(i < 3 ? 'busy' : 'ok');
    });
    const hook = await addHook([{ format: 'raw', url: r.url }]);
    await trigger();
    const log = await waitFor(async () => {
      const items = await deliveries(hook.id);
      return items.some((d) => d.ok) ? items : undefined;
    });
    expect(log.map((d) => [d.attempt, d.status, d.final])).toEqual([
      [1, 503, false],
      [2, 503, false],
      [3, 503, false],
      [4, 200, true],
    ]);
    for (const d of log.slice(0, 3)) expect(d.nextAttemptAt).toBeGreaterThanOrEqual(d.at);
    // The backoff grows (base × 3^(n−1), ±20 %): read from the waits the sandbox scheduled, since
    // the gaps the receiver sees also hold the machine's own delays, large on a busy CI.
    const waits = log.slice(0, 3).map((d) => d.nextAttemptAt! - d.at);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
    expect(waits[2]!).toBeGreaterThan(waits[1]!);
    // And no retry comes before its time (a few ms for the two clocks' readings).
    for (const [i, d] of log.slice(0, 3).entries())
      expect(r.requests[i + 1]!.at).toBeGreaterThanOrEqual(d.nextAttemptAt! - 5);
    const after = await waitFor(() => (hookNow(hook).failures.length === 3 ? hookNow(hook) : undefined));
    expect(after.state).toBe('ENABLED');
    expect(after.failures.map((f) => [f.url, f.status, f.partialBody])).toEqual([
      [r.url, 503, 'busy'],
      [r.url, 503, 'busy'],
      [r.url, 503, 'busy'],
    ]);
    expect(typeof after.failures[0]!.createdAt).toBe('string');
  });

  it('honours Retry-After on a 429', async () => {
    const r = await receiver((_q, i, res) => {
      if (i === 0) {
        res.writeHead(429, { 'retry-after': '1' });
        res.end('slow down');
      } else res.end('ok');
    });
    await addHook([{ format: 'slack', url: r.url }]);
    await trigger();
    await waitFor(() => r.requests.length === 2, 5000);
    expect(r.requests[1]!.at - r.requests[0]!.at).toBeGreaterThanOrEqual(950);
  });

  it('treats another 4xx as final', async () => {
    const r = await receiver((_q, _i, res) => {
      res.statusCode = 400;
      res.end('bad payload');
    });
    const hook = await addHook([{ format: 'raw', url: r.url }]);
    await trigger();
    const [d] = await waitFor(async () => {
      const items = await deliveries(hook.id);
      return items.length > 0 ? items : undefined;
    });
    expect(d).toMatchObject({ status: 400, final: true, ok: false, responseExcerpt: 'bad payload' });
    expect(d!.nextAttemptAt).toBeUndefined();
    await trigger('APPLICATION_EDITION');
    await waitFor(() => hookNow(hook).failures.length === 2);
    expect(r.requests).toHaveLength(2);
    expect(hookNow(hook).state).toBe('ENABLED');
  });

  it('disables a hook on 410, and PUT enables it again', async () => {
    const r = await receiver((_q, _i, res) => {
      res.statusCode = 410;
      res.end('gone');
    });
    const hook = await addHook([{ format: 'raw', url: r.url }]);
    await trigger();
    await waitFor(() => hookNow(hook).state === 'DISABLED');
    expect(r.requests).toHaveLength(1);
    await trigger();
    const res = await sandboxFetch(sandbox, `/v2/notifications/webhooks/${hook.ownerId}/${hook.id}`, {
      method: 'PUT',
      json: { name: 'test', urls: hook.urls, scope: hook.scope },
    });
    expect(res.status).toBe(200);
    expect(hookNow(hook).state).toBe('ENABLED');
    await trigger();
    await waitFor(() => r.requests.length === 2);
  });

  it('disables a hook after five deliveries in a row fail', async () => {
    const r = await receiver((_q, _i, res) => {
      res.statusCode = 404;
      res.end('not here');
    });
    const hook = await addHook([{ format: 'raw', url: r.url }]);
    for (let i = 0; i < 4; i++) await trigger();
    await waitFor(() => r.requests.length === 4);
    expect(hookNow(hook).state).toBe('ENABLED');
    await trigger();
    await waitFor(() => hookNow(hook).state === 'DISABLED');
  });

  it('gives up on a receiver that does not answer in time, and retries it', async () => {
    const r = await receiver(() => {
      // Never answers.
    });
    const hook = await addHook([{ format: 'raw', url: r.url }]);
    await trigger();
    const d = await waitFor(async () => (await deliveries(hook.id))[0]);
    expect(d.networkFailure).toBe('timeout after 400 ms');
    expect(d.durationMs).toBeGreaterThanOrEqual(390);
    expect(d.final).toBe(false);
    // The hook's failure is journaled beside the log record, and seen once it is on disk.
    const failure = await waitFor(() => hookNow(hook).failures[0]);
    expect(failure.networkFailure).toBe('timeout after 400 ms');
  });

  it('gives up on a body that stalls after the headers', async () => {
    const r = await receiver((_q, _i, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('partial');
    });
    const hook = await addHook([{ format: 'raw', url: r.url }]);
    await trigger();
    const d = await waitFor(async () => (await deliveries(hook.id))[0]);
    expect(d).toMatchObject({ networkFailure: 'timeout after 400 ms', final: false, ok: false });
  });

  it('retries a closed port as a network failure', async () => {
    const closed = await startReceiver();
    await closed.close();
    const hook = await addHook([{ format: 'raw', url: closed.url }]);
    await trigger();
    const log = await waitFor(async () => {
      const items = await deliveries(hook.id);
      return items.length >= 2 ? items : undefined;
    });
    expect(log[0]).toMatchObject({ networkFailure: 'ECONNREFUSED', final: false, attempt: 1 });
    expect(log[1]!.attempt).toBe(2);
  });
});

describe('a hanging receiver', () => {
  it('does not delay deliveries to the others', async () => {
    // Its own sandbox, with a delivery timeout far beyond the test: the hanging receiver holds its
    // slots the whole time, and the fast one must still get every event.
    const own = await startTestSandbox({ plugins: [createEventsPlugin({ deliveryTimeoutMs: 30_000 })] });
    try {
      const { labs, apps } = seedIds(own);
      let open = 0;
      let mostOpen = 0;
      const hanging = await receiver((_q, _i, res) => {
        open += 1;
        mostOpen = Math.max(mostOpen, open);
        res.on('close', () => {
          open -= 1;
        });
      });
      const fast = await receiver();
      for (const url of [hanging.url, fast.url]) {
        const res = await sandboxFetch(own, `/v2/notifications/webhooks/${labs.id}`, {
          method: 'POST',
          json: { name: 'hang', urls: [{ format: 'raw', url }] },
        });
        expect(res.status).toBe(200);
      }
      for (let i = 0; i < 30; i++) {
        await sandboxFetch(own, '/sandbox/v1/events', {
          method: 'POST',
          json: { event: 'APPLICATION_STOP', appId: apps.mlGateway.id },
        });
      }
      await waitFor(() => fast.requests.length === 30);
      await waitFor(() => hanging.requests.length === 4);
      expect(mostOpen).toBe(4);
    } finally {
      await own.close();
    }
  });
});

describe('the delivery log', () => {
  it('pages by hook and cursor, streams from a cursor without losses, and redelivers', async () => {
    const r = await receiver();
    const hook = await addHook([{ format: 'raw', url: r.url }]);
    for (let i = 0; i < 5; i++) await trigger();
    await waitFor(() => r.requests.length === 5);
    const all = await waitFor(async () => {
      const items = await deliveries(hook.id);
      return items.length === 5 ? items : undefined;
    });
    const page1 = DeliveryPage.parse(
      await (await sandboxFetch(sandbox, `/sandbox/v1/deliveries?hook=${hook.id}&limit=2`)).json(),
    );
    expect(page1.items.map((d) => d.id)).toEqual(all.slice(0, 2).map((d) => d.id));
    const page2 = DeliveryPage.parse(
      await (
        await sandboxFetch(sandbox, `/sandbox/v1/deliveries?hook=${hook.id}&limit=2&since=${page1.next}`)
      ).json(),
    );
    expect(page2.items.map((d) => d.id)).toEqual(all.slice(2, 4).map((d) => d.id));

    // Stream from the second record: the backlog, then live records, then resume after a cut.
    const seen: Delivery[] = [];
    const read = async (since: string, until: number) => {
      const controller = new AbortController();
      const res = await sandboxFetch(sandbox, '/sandbox/v1/deliveries/stream', {
        headers: { 'last-event-id': since },
        signal: controller.signal,
      });
      expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      while (seen.length < until) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          const id = /^id: (.*)$/m.exec(block)?.[1];
          if (data && JSON.parse(data).hookId === hook.id) {
            const d = Delivery.parse(JSON.parse(data));
            expect(id).toBe(d.cursor);
            seen.push(d);
          }
          end = buffer.indexOf('\n\n');
        }
      }
      controller.abort();
    };
    await read(all[0]!.cursor, 4);
    await trigger();
    await trigger();
    await read(seen.at(-1)!.cursor, 6);
    expect(seen.map((d) => d.eventId)).toEqual([
      ...all.slice(1).map((d) => d.eventId),
      ...(await deliveries(hook.id)).slice(5).map((d) => d.eventId),
    ]);
    expect(new Set(seen.map((d) => d.id)).size).toBe(6);

    const res = await sandboxFetch(sandbox, `/sandbox/v1/deliveries/${all[0]!.id}/redeliver`, {
      method: 'POST',
    });
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ eventId: all[0]!.eventId });
    await waitFor(() => r.requests.length === 8);
    expect(r.requests[7]!.body).toBe(all[0]!.requestBody);
    const missing = await sandboxFetch(sandbox, '/sandbox/v1/deliveries/nope/redeliver', { method: 'POST' });
    expect(missing.status).toBe(404);
  });

  it('tests a hook, even a disabled one, answering after the first attempt to each URL', async () => {
    const ok = await receiver();
    const bad = await receiver((_q, _i, res) => {
      res.statusCode = 500;
      res.end('boom');
    });
    const hook = await addHook([
      { format: 'slack', url: ok.url },
      { format: 'raw', url: bad.url },
    ]);
    await sandbox.store.setWebhookState(hook.ownerId, hook.id, 'DISABLED');
    const res = await sandboxFetch(sandbox, `/sandbox/v1/webhooks/${hook.ownerId}/${hook.id}/test`, {
      method: 'POST',
    });
    expect(res.status).toBe(200);
    const results = (await res.json()) as Array<Record<string, unknown>>;
    expect(results).toMatchObject([
      { url: ok.url, format: 'slack', ok: true, status: 200, responseExcerpt: 'ok' },
      { url: bad.url, format: 'raw', ok: false, status: 500, responseExcerpt: 'boom' },
    ]);
    expect(JSON.parse(ok.requests[0]!.body).text).toMatch(/deployment succeeded/);
    expect(hookNow(hook).state).toBe('DISABLED');
  });

  it('answers triggers with clear errors', async () => {
    const bad = await sandboxFetch(sandbox, '/sandbox/v1/events', {
      method: 'POST',
      json: { event: 'NOPE', appId: ids.apps.blog.id },
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { message: string }).message).toMatch(
      /unknown event NOPE: expected one of ACCOUNT_CREATION/,
    );
    const noApp = await sandboxFetch(sandbox, '/sandbox/v1/events', {
      method: 'POST',
      json: { event: 'GIT_PUSH', ownerId: ids.acme.id },
    });
    expect(noApp.status).toBe(400);
    const unauth = await sandboxFetch(sandbox, '/sandbox/v1/deliveries', { auth: false });
    expect(unauth.status).toBe(401);
  });
});

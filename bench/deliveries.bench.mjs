// The sandbox's events, on the built binary over loopback: webhook deliveries per second to a local
// receiver, event-to-delivery latency at a steady 100 events/s, and events per second fanned out to
// 10 event-socket clients. Targets: >= 1,000 deliveries/s, p99 < 50 ms, 1,000 events/s to 10 clients.
// Then a test's latency (`POST …/webhooks/OWNER/HOOK/test`) to a URL with 1,000 deliveries queued to a
// receiver that holds them, against the same test to an idle URL of the same receiver: a test goes
// ahead of any queue (docs/sandbox.md), target within 2× of the idle one.
// Latency is measured from the moment the bench sends the trigger request to the moment its receiver
// has the delivery's body, so it includes the trigger's own round trip.
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { percentile, pool, request, startSandbox, stopSandbox, until } from './support.mjs';

/** A receiver that answers 200 at once and notes when each body arrived, by the bench's sequence number. */
async function startReceiver() {
  const arrivals = new Map();
  let count = 0;
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const at = performance.now();
      count += 1;
      const body = JSON.parse(Buffer.concat(chunks).toString());
      const seq = JSON.parse(body.data).benchSeq;
      if (seq !== undefined && !arrivals.has(seq)) arrivals.set(seq, at);
      res.end('ok');
    });
  });
  server.keepAliveTimeout = 10_000;
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    arrivals,
    get count() {
      return count;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

/** A receiver that answers tests at once and holds every event delivery marked `benchHold` until closed. */
async function startHoldingReceiver() {
  const holding = new Set();
  const server = http.createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString();
      if (body.includes('benchHold')) {
        holding.add(res);
        res.on('close', () => holding.delete(res));
      } else res.end('ok');
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    get holding() {
      return holding.size;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clever-notify-bench-events-'));
const sandbox = await startSandbox(dataDir, { stderr: 'inherit' });
const receiver = await startReceiver();
const held = await startHoldingReceiver();
try {
  // An owner whose seeded webhooks are all disabled, so that only the bench's hooks receive.
  const summary = await request(sandbox, 'GET', '/v2/summary');
  const owners = [summary.user, ...summary.organisations];
  let owner;
  for (const candidate of owners) {
    const hooks = (await request(sandbox, 'GET', `/v2/notifications/webhooks/${candidate.id}`)) ?? [];
    if (hooks.every((h) => h.state === 'DISABLED') && candidate.applications.length > 0) owner = candidate;
  }
  if (!owner) throw new Error('no seeded owner without enabled webhooks');
  const appId = owner.applications[0].id;
  const trigger = (seq) =>
    request(sandbox, 'POST', '/sandbox/v1/events', {
      event: 'DEPLOYMENT_SUCCESS',
      appId,
      data: { benchSeq: seq },
    });

  // 1. Throughput: one hook with 10 URLs on the receiver; 1,000 events as fast as they are accepted.
  const urls = Array.from({ length: 10 }, (_, i) => ({ format: 'raw', url: `${receiver.url}/t${i}` }));
  const hook = await request(sandbox, 'POST', `/v2/notifications/webhooks/${owner.id}`, {
    name: 'bench',
    urls,
  });
  await trigger(-1);
  await until(() => receiver.count >= 10, 10_000, 'warm-up deliveries');
  const events = 1000;
  const expected = receiver.count + events * urls.length;
  const t0 = performance.now();
  await pool(events, 16, (i) => trigger(-2 - i));
  await until(() => receiver.count >= expected, 60_000, 'throughput deliveries');
  const seconds = (performance.now() - t0) / 1000;
  const throughput = (events * urls.length) / seconds;
  process.stdout.write(
    `deliveries/s to a loopback receiver: ${Math.round(throughput)} (${events * urls.length} deliveries of ${events} events to 10 URLs in ${seconds.toFixed(2)} s; target >= 1000)\n`,
  );
  await request(sandbox, 'DELETE', `/v2/notifications/webhooks/${owner.id}/${hook.id}`);

  // 2. Latency at 100 events/s for 10 s, one URL.
  await request(sandbox, 'POST', `/v2/notifications/webhooks/${owner.id}`, {
    name: 'bench latency',
    urls: [{ format: 'raw', url: `${receiver.url}/latency` }],
  });
  const sentAt = new Map();
  const total = 1000;
  const begin = performance.now();
  const inflight = [];
  for (let i = 0; i < total; i++) {
    const due = begin + i * 10;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    sentAt.set(i, performance.now());
    inflight.push(trigger(i));
  }
  await Promise.all(inflight);
  await until(() => [...sentAt.keys()].every((i) => receiver.arrivals.has(i)), 30_000, 'latency deliveries');
  const latencies = [...sentAt].map(([i, t]) => receiver.arrivals.get(i) - t).sort((a, b) => a - b);
  process.stdout.write(
    `event-to-delivery latency at 100 events/s: median ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms, max ${latencies.at(-1).toFixed(1)} ms (${total} events; target p99 < 50 ms)\n`,
  );

  // 3. Fan-out: 10 socket clients; 5,000 events (no webhook of this owner matches APPLICATION_EDITION... they do:
  //    the latency hook listens to all, so remove it first to measure the socket alone).
  const hooks = await request(sandbox, 'GET', `/v2/notifications/webhooks/${owner.id}`);
  for (const h of hooks.filter((h) => h.state === 'ENABLED')) {
    await request(sandbox, 'DELETE', `/v2/notifications/webhooks/${owner.id}/${h.id}`);
  }
  const clients = await Promise.all(
    Array.from({ length: 10 }, async () => {
      const ws = new WebSocket(`ws://${sandbox.url.host}/v2/events/event-socket`);
      const client = { ws, events: 0, ready: false };
      ws.on('message', (raw) => {
        const frame = JSON.parse(raw.toString());
        if (frame.message_type === 'socket_ready') client.ready = true;
        else if (frame.type === 'heartbeat')
          ws.send(JSON.stringify({ type: 'heartbeat', heartbeat_msg: 'pong' }));
        else if (frame.event) client.events += 1;
      });
      await new Promise((resolve, reject) => {
        ws.once('open', resolve);
        ws.once('error', reject);
      });
      ws.send(JSON.stringify({ message_type: 'oauth', authorization: `Bearer ${sandbox.apiToken}` }));
      await until(() => client.ready, 5000, 'socket_ready');
      return client;
    }),
  );
  const fanEvents = 5000;
  const f0 = performance.now();
  await pool(fanEvents, 32, () =>
    request(sandbox, 'POST', '/sandbox/v1/events', { event: 'APPLICATION_EDITION', appId }),
  );
  await until(() => clients.every((c) => c.events >= fanEvents), 60_000, 'socket events');
  const fanSeconds = (performance.now() - f0) / 1000;
  process.stdout.write(
    `events/s fanned out to 10 socket clients: ${Math.round(fanEvents / fanSeconds)} (${fanEvents} events, ${fanEvents * 10} frames in ${fanSeconds.toFixed(2)} s, every client got every event; target >= 1000)\n`,
  );
  for (const c of clients) c.ws.close();

  // 4. A test's latency with 1,000 deliveries queued to its URL.
  const queued = `${held.url}/queued`;
  const idle = `${held.url}/idle`;
  const queuedHook = await request(sandbox, 'POST', `/v2/notifications/webhooks/${owner.id}`, {
    name: 'bench queue',
    urls: [{ format: 'raw', url: queued }],
  });
  const idleHook = await request(sandbox, 'POST', `/v2/notifications/webhooks/${owner.id}`, {
    name: 'bench idle',
    urls: [{ format: 'raw', url: idle }],
    events: ['ACCOUNT_CREATION'],
  });
  const testOnce = async (hookId) => {
    const t = performance.now();
    const results = await request(sandbox, 'POST', `/sandbox/v1/webhooks/${owner.id}/${hookId}/test`);
    if (!results[0].ok) throw new Error(`the test failed: ${JSON.stringify(results[0])}`);
    return performance.now() - t;
  };
  await pool(1000, 16, () =>
    request(sandbox, 'POST', '/sandbox/v1/events', {
      event: 'APPLICATION_STOP',
      appId,
      data: { benchHold: true },
    }),
  );
  await until(() => held.holding >= 4, 10_000, 'deliveries held by the receiver');
  // In turns, so that both see the same load: the only difference is the queue.
  const idleTimes = [];
  const queuedTimes = [];
  for (let i = 0; i < 20; i++) {
    idleTimes.push(await testOnce(idleHook.id));
    queuedTimes.push(await testOnce(queuedHook.id));
  }
  idleTimes.sort((a, b) => a - b);
  queuedTimes.sort((a, b) => a - b);
  process.stdout.write(
    `a test's latency with 1,000 deliveries queued to its URL: median ${percentile(queuedTimes, 50).toFixed(1)} ms, max ${queuedTimes.at(-1).toFixed(1)} ms (idle URL: median ${percentile(idleTimes, 50).toFixed(1)} ms; target median within 2× of idle)\n`,
  );
} finally {
  await held.close();
  await receiver.close();
  await stopSandbox(sandbox);
  rmSync(dataDir, { recursive: true, force: true });
}

// `clever-notify listen` forwarding 500 events per second for 10 s (the built binary, against the built
// sandbox over loopback) to a local receiver. Then the same load is delivered by a raw webhook of the
// sandbox to the same receiver: the sandbox's own dispatcher is the baseline measured in the same run.
// Figures: events forwarded and lost, event-to-forward latency (p50, p99, max: from the event's `date`
// to its arrival at the receiver), the same for the webhook, and listen's CPU.
// Targets: none lost; listen's p99 within 2 × the webhook's.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  benchUser,
  CLI,
  cpuTicks,
  percentile,
  request,
  sleep,
  startSandbox,
  stopSandbox,
  until,
} from './support.mjs';

const RATE = 500;
const SECONDS = 10;

/**
 * Receives both streams, in a process of its own so that the load generator does not slow it down:
 * `/listen` from clever-notify listen, `/hook` from the sandbox's webhook. Each arrival is kept as the
 * time from the event's `date` to its arrival, keyed by the event's number.
 */
const RECEIVER = `
const http = require('node:http');
const arrivals = { listen: {}, hook: {} };
let duplicates = 0;
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const at = performance.timeOrigin + performance.now();
    const body = JSON.parse(Buffer.concat(chunks).toString());
    const seq = JSON.parse(body.data).seq;
    const stream = req.url.startsWith('/listen') ? arrivals.listen : arrivals.hook;
    if (seq !== undefined) {
      if (seq in stream) duplicates++;
      else stream[seq] = at - body.date;
    }
    res.end('ok');
  });
});
server.keepAliveTimeout = 10000;
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }));
process.on('message', (m) => {
  if (m === 'counts') process.send({ listen: Object.keys(arrivals.listen).length, hook: Object.keys(arrivals.hook).length });
  if (m === 'report') process.send({ listen: Object.values(arrivals.listen), hook: Object.values(arrivals.hook), duplicates });
});
`;

async function startReceiver() {
  const child = spawn(process.execPath, ['-e', RECEIVER], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const ask = (what) =>
    new Promise((resolve) => {
      child.once('message', resolve);
      child.send(what);
    });
  const { port } = await new Promise((resolve) => child.once('message', resolve));
  return {
    port,
    counts: () => ask('counts'),
    report: () => ask('report'),
    close: () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      return exited;
    },
  };
}

/** CREDITS_ADDED on the personal space, numbered: RATE per second in 10 ms slices. */
async function load(sandbox, ownerId, pid) {
  const slice = RATE / 100;
  const pending = new Set();
  let sent = 0;
  let refused = 0;
  const ticks0 = cpuTicks(pid);
  const start = performance.now();
  let seq = 0;
  for (let i = 0; i < SECONDS * 100; i++) {
    for (let j = 0; j < slice; j++) {
      const p = request(sandbox, 'POST', '/sandbox/v1/events', {
        event: 'CREDITS_ADDED',
        ownerId,
        data: { seq: seq++ },
      }).then(
        () => {
          sent++;
        },
        () => {
          refused++;
        },
      );
      pending.add(p);
      p.finally(() => pending.delete(p));
    }
    const wait = start + (i + 1) * 10 - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await Promise.all(pending);
  const seconds = (performance.now() - start) / 1000;
  return { sent, refused, seconds, cpu: ((cpuTicks(pid) - ticks0) / 100 / seconds) * 100 };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'clever-notify-listen-bench-'));
const { env, dataDir } = benchUser(dir);
let sandbox;
let receiver;
let listen;
try {
  sandbox = await startSandbox(dataDir, { env, maxSockets: 32 });
  receiver = await startReceiver();
  const self = await request(sandbox, 'GET', '/v2/self');
  listen = spawn(
    process.execPath,
    [
      CLI,
      'listen',
      '--event',
      'CREDITS_ADDED',
      '--forward-to',
      `127.0.0.1:${receiver.port}/listen`,
      '-F',
      'json-stream',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env },
  );
  let lines = 0;
  let notOk = 0;
  const errors = new Set();
  let buffer = '';
  listen.stdout.setEncoding('utf8').on('data', (chunk) => {
    buffer += chunk;
    const parts = buffer.split('\n');
    buffer = parts.pop();
    for (const line of parts) {
      lines++;
      const record = JSON.parse(line);
      if (!record.ok) {
        notOk++;
        errors.add(record.error ?? record.status);
      }
    }
  });
  let ready = false;
  listen.stderr.setEncoding('utf8').on('data', (chunk) => {
    if (chunk.includes('Ready:')) ready = true;
  });
  await until(() => ready, 15_000, 'the ready line of listen');

  // Phase 1: listen alone (the personal space has no webhook).
  const result = await load(sandbox, self.id, listen.pid);
  await until(async () => (await receiver.counts()).listen >= result.sent, 30_000, 'the last forwards').catch(
    () => {},
  );
  await sleep(200);
  const exited = new Promise((resolve) => listen.once('exit', resolve));
  listen.kill('SIGINT');
  await exited;

  // Phase 2, the baseline: the same load delivered by a raw webhook of the sandbox itself.
  await request(sandbox, 'POST', `/v2/notifications/webhooks/${self.id}`, {
    name: 'bench baseline',
    urls: [{ format: 'raw', url: `http://127.0.0.1:${receiver.port}/hook` }],
    events: ['CREDITS_ADDED'],
  });
  const baseline = await load(sandbox, self.id, sandbox.child.pid);
  await until(
    async () => (await receiver.counts()).hook >= baseline.sent,
    30_000,
    'the last deliveries',
  ).catch(() => {});
  await sleep(200);
  const report = await receiver.report();

  const figures = (values) =>
    `p50 ${percentile(values, 50).toFixed(1)} ms, p99 ${percentile(values, 99).toFixed(1)} ms, max ${percentile(values, 100).toFixed(1)} ms`;
  console.log(
    `${result.sent} events sent in ${result.seconds.toFixed(1)} s (${(result.sent / result.seconds).toFixed(0)}/s, ${result.refused} refused by the sandbox)`,
  );
  console.log(
    `listen: ${report.listen.length} forwarded, ${result.sent - report.listen.length} lost, ${report.duplicates} duplicates, ${notOk} not accepted (${[...errors].join(', ') || 'none'}), ${lines} output lines  [target 0 lost]`,
  );
  console.log(`  event-to-forward: ${figures(report.listen)}`);
  console.log(`  CPU: ${result.cpu.toFixed(1)} % of one core`);
  console.log(
    `baseline, the sandbox's raw webhook: ${baseline.sent} events sent in ${baseline.seconds.toFixed(1)} s (${(baseline.sent / baseline.seconds).toFixed(0)}/s), ${report.hook.length} delivered; event-to-delivery: ${figures(report.hook)}`,
  );
  console.log(
    `  listen's p99 / the webhook's p99: ${(percentile(report.listen, 99) / percentile(report.hook, 99)).toFixed(2)}  [target ≤ 2]`,
  );
} finally {
  if (listen && listen.exitCode === null) {
    const exited = new Promise((resolve) => listen.once('exit', resolve));
    listen.kill('SIGINT');
    await exited;
  }
  await receiver?.close();
  if (sandbox) await stopSandbox(sandbox);
  rmSync(dir, { recursive: true, force: true });
}

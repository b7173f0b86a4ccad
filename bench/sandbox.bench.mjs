// The sandbox's figures, on the built binary over loopback: start to listening, listing the hooks of
// an owner that has 1,000, requests per second of a mixed read/write load (with zero errors), and
// resident memory with 10,000 hooks. Targets: < 0.3 s, < 20 ms median, >= 500 req/s, ≤ 120 MB (no V8 flag).
// Then the recipe that once took it down: one event to a hook at the URL limit whose receiver is dead,
// every attempt of every URL made (retries a few ms apart): resident memory and the journals' size,
// against an idle sandbox's in the same run (bounded: memory within 1.5×, journals within the
// snapshot's size or 1 MiB, whichever is larger; see docs/sandbox.md).
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  median,
  percentile,
  pool,
  rssMb,
  send,
  sleep,
  startSandbox,
  stopSandbox,
  until,
} from './support.mjs';

/** The sandbox's limit of URLs per webhook (docs/sandbox.md, "Limits"). */
const MAX_URLS_PER_WEBHOOK = 100;

const hookBody = (i) => ({
  name: `bench ${i}`,
  urls: [{ format: i % 2 ? 'raw' : 'slack', url: `https://bench.example/${i}` }],
  events: ['DEPLOYMENT_FAIL', 'META_DEPLOYMENT_RESULT'],
});

async function addHooks(sandbox, ownerId, count) {
  await pool(count, 64, async (i) => {
    const res = await send(sandbox, 'POST', `/v2/notifications/webhooks/${ownerId}`, hookBody(i));
    if (res.status !== 200) throw new Error(`POST answered ${res.status}`);
  });
}

const figures = [];
const report = (label, value, target) => {
  figures.push(`${label.padEnd(46)} ${value.padStart(12)}   (target ${target})`);
  process.stdout.write(`${figures.at(-1)}\n`);
};

const dirs = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'clever-notify-bench-'));
  dirs.push(dir);
  return dir;
};

try {
  // Start to listening: a first start (seeds the world) and restarts of the same folder.
  const firstStarts = [];
  const restarts = [];
  for (let i = 0; i < 5; i++) {
    const dir = tempDir();
    const a = await startSandbox(dir);
    firstStarts.push(a.ms);
    await stopSandbox(a);
    const b = await startSandbox(dir);
    restarts.push(b.ms);
    await stopSandbox(b);
  }
  report(
    'start to listening, first start (median of 5)',
    `${(median(firstStarts) / 1000).toFixed(3)} s`,
    '< 0.3 s',
  );
  report('start to listening, restart (median of 5)', `${(median(restarts) / 1000).toFixed(3)} s`, '< 0.3 s');

  // Listing the hooks of an owner that has 1,000.
  const sandbox = await startSandbox(tempDir());
  const [acme, labs] = (await send(sandbox, 'GET', '/v2/organisations')).body;
  await addHooks(
    sandbox,
    acme.id,
    1000 - (await send(sandbox, 'GET', `/v2/notifications/webhooks/${acme.id}`)).body.length,
  );
  const listPath = `/v2/notifications/webhooks/${acme.id}`;
  const latencies = [];
  for (let i = 0; i < 300; i++) {
    const begin = performance.now();
    const res = await send(sandbox, 'GET', listPath);
    latencies.push(performance.now() - begin);
    if (res.body.length !== 1000) throw new Error(`expected 1000 hooks, got ${res.body.length}`);
  }
  report('list 1,000 webhooks, median', `${percentile(latencies, 50).toFixed(2)} ms`, '< 20 ms');
  report('list 1,000 webhooks, p99', `${percentile(latencies, 99).toFixed(2)} ms`, '');

  // Mixed load: 32 clients for 3 s; 4 reads (hooks of a small owner, summary, self, deployments) per
  // write (create, or remove one made earlier).
  const self = (await send(sandbox, 'GET', '/v2/self')).body;
  const apps = (await send(sandbox, 'GET', `/v2/organisations/${labs.id}/applications`)).body;
  const reads = [
    `/v2/notifications/webhooks/${labs.id}`,
    '/v2/summary',
    '/v2/self',
    `/v2/organisations/${labs.id}/applications/${apps[0].id}/deployments?limit=10`,
    `/v2/notifications/emailhooks/${self.id}`,
  ];
  const made = [];
  let done = 0;
  let errors = 0;
  const until = performance.now() + 3000;
  const begin = performance.now();
  await Promise.all(
    Array.from({ length: 32 }, async (_, client) => {
      for (let n = 0; performance.now() < until; n++) {
        let res;
        if (n % 5 === 4) {
          const id = made.length > 50 ? made.shift() : undefined;
          res = id
            ? await send(sandbox, 'DELETE', `/v2/notifications/webhooks/${labs.id}/${id}`)
            : await send(
                sandbox,
                'POST',
                `/v2/notifications/webhooks/${labs.id}`,
                hookBody(client * 1e6 + n),
              );
          if (!id && res.status === 200) made.push(res.body.id);
        } else {
          res = await send(sandbox, 'GET', reads[(client + n) % reads.length]);
        }
        if (res.status >= 400) errors++;
        done++;
      }
    }),
  );
  const seconds = (performance.now() - begin) / 1000;
  report('mixed load (4 reads : 1 write), 32 clients', `${Math.round(done / seconds)} req/s`, '>= 500 req/s');
  report('mixed load errors', `${errors}`, '0');

  // Memory with 10,000 hooks (on top of the 1,000 above and what the mixed load left).
  const owners = [self.id, acme.id, labs.id];
  let total = 0;
  for (const owner of owners)
    total += (await send(sandbox, 'GET', `/v2/notifications/webhooks/${owner}`)).body.length;
  await addHooks(sandbox, self.id, Math.max(0, 10_000 - total));
  await send(sandbox, 'GET', `/v2/notifications/webhooks/${self.id}`);
  report('RSS with 10,000 webhooks', `${rssMb(sandbox.child.pid).toFixed(1)} MB`, '≤ 120 MB');
  await stopSandbox(sandbox);

  // And the restart of that folder, which compacts its journal into a snapshot.
  const big = await startSandbox(dirs.at(-1));
  report('restart with 10,000 webhooks', `${(big.ms / 1000).toFixed(3)} s`, '');
  await stopSandbox(big);

  await hookAtTheLimit();
} finally {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

/** A loopback port where nothing listens: every delivery fails at once (ECONNREFUSED). */
async function deadPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function hookAtTheLimit() {
  const dir = tempDir();
  // A 5 ms base: the eight attempts of each URL (some 36 minutes with the default 2 s) take seconds.
  const env = { ...process.env, CLEVER_NOTIFY_SANDBOX_RETRY_BASE_MS: '5' };
  const sandbox = await startSandbox(dir, { env });
  const fileSize = (name) => statSync(path.join(dir, name)).size;
  const [acme] = (await send(sandbox, 'GET', '/v2/organisations')).body;
  const apps = (await send(sandbox, 'GET', `/v2/organisations/${acme.id}/applications`)).body;
  const idleRss = rssMb(sandbox.child.pid);
  const port = await deadPort();
  const urls = Array.from({ length: MAX_URLS_PER_WEBHOOK }, (_, i) => ({
    format: 'raw',
    url: `http://127.0.0.1:${port}/dead/${i}`,
  }));
  const created = await send(sandbox, 'POST', `/v2/notifications/webhooks/${acme.id}`, {
    name: 'wide',
    urls,
  });
  if (created.status !== 200) throw new Error(`POST answered ${created.status}`);
  const begin = performance.now();
  await send(sandbox, 'POST', '/sandbox/v1/events', { event: 'APPLICATION_STOP', appId: apps[0].id });
  // Every URL's last attempt is in the log when every record of the event is final.
  const attempts = MAX_URLS_PER_WEBHOOK * 8;
  let peakRss = 0;
  const finalRecords = async () => {
    let since = '0';
    let finals = 0;
    for (;;) {
      const page = (
        await send(sandbox, 'GET', `/sandbox/v1/deliveries?hook=${created.body.id}&since=${since}&limit=500`)
      ).body;
      finals += page.items.filter((d) => d.final).length;
      if (page.items.length < 500) return finals;
      since = page.next;
    }
  };
  await until(
    async () => {
      // Polled gently, so that the bench's own requests are not the load.
      await sleep(100);
      peakRss = Math.max(peakRss, rssMb(sandbox.child.pid));
      return (await finalRecords()) >= MAX_URLS_PER_WEBHOOK;
    },
    120_000,
    'every attempt of every URL',
  );
  const seconds = (performance.now() - begin) / 1000;
  const rss = rssMb(sandbox.child.pid);
  const journals = fileSize('world.journal') + fileSize('deliveries.journal');
  const snapshots = fileSize('world.snapshot.json') + fileSize('deliveries.snapshot.json');
  report(
    `RSS after 1 event to a ${MAX_URLS_PER_WEBHOOK}-URL hook, dead receiver`,
    `${rss.toFixed(1)} MB`,
    `<= 1.5 × idle ${idleRss.toFixed(1)} MB`,
  );
  report('  peak RSS while it retried', `${peakRss.toFixed(1)} MB`, '');
  report(
    `  journals after ${attempts} failed attempts (${seconds.toFixed(1)} s)`,
    `${(journals / 1024).toFixed(0)} KiB`,
    `<= max(snapshots ${(snapshots / 1024).toFixed(0)} KiB, 1 MiB) each`,
  );
  await stopSandbox(sandbox);
}

// The sandbox's figures, on the built binary over loopback: start to listening, listing the hooks of
// an owner that has 1,000, requests per second of a mixed read/write load (with zero errors), and
// resident memory with 10,000 hooks. Targets: < 0.3 s, < 20 ms median, >= 500 req/s, < 100 MB.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const CLI = new URL('../dist/cli.js', import.meta.url).pathname;
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

function start(dataDir) {
  const begin = performance.now();
  const child = spawn(process.execPath, [CLI, 'sandbox', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const match = /^export API_HOST=(\S+)$/m.exec(out);
      if (match) {
        const { apiToken } = JSON.parse(readFileSync(path.join(dataDir, 'credentials.json'), 'utf8'));
        resolve({ child, url: new URL(match[1]), apiToken, ms: performance.now() - begin });
      }
    });
  });
}

async function stop(sandbox) {
  const exited = new Promise((resolve) => sandbox.child.once('exit', resolve));
  sandbox.child.kill('SIGTERM');
  await exited;
}

function request(sandbox, method, pathname, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent,
        host: sandbox.url.hostname,
        port: sandbox.url.port,
        method,
        path: pathname,
        headers: {
          authorization: `Bearer ${sandbox.apiToken}`,
          accept: 'application/json',
          ...(payload
            ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) }
            : {}),
        },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          resolve({ status: res.statusCode, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}

async function pool(count, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

const hookBody = (i) => ({
  name: `bench ${i}`,
  urls: [{ format: i % 2 ? 'raw' : 'slack', url: `https://bench.example/${i}` }],
  events: ['DEPLOYMENT_FAIL', 'META_DEPLOYMENT_RESULT'],
});

async function addHooks(sandbox, ownerId, count) {
  await pool(count, 64, async (i) => {
    const res = await request(sandbox, 'POST', `/v2/notifications/webhooks/${ownerId}`, hookBody(i));
    if (res.status !== 200) throw new Error(`POST answered ${res.status}`);
  });
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
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
    const a = await start(dir);
    firstStarts.push(a.ms);
    await stop(a);
    const b = await start(dir);
    restarts.push(b.ms);
    await stop(b);
  }
  const median = (list) => [...list].sort((x, y) => x - y)[Math.floor(list.length / 2)];
  report(
    'start to listening, first start (median of 5)',
    `${(median(firstStarts) / 1000).toFixed(3)} s`,
    '< 0.3 s',
  );
  report('start to listening, restart (median of 5)', `${(median(restarts) / 1000).toFixed(3)} s`, '< 0.3 s');

  // Listing the hooks of an owner that has 1,000.
  const sandbox = await start(tempDir());
  const [acme, labs] = (await request(sandbox, 'GET', '/v2/organisations')).body;
  await addHooks(
    sandbox,
    acme.id,
    1000 - (await request(sandbox, 'GET', `/v2/notifications/webhooks/${acme.id}`)).body.length,
  );
  const listPath = `/v2/notifications/webhooks/${acme.id}`;
  const latencies = [];
  for (let i = 0; i < 300; i++) {
    const begin = performance.now();
    const res = await request(sandbox, 'GET', listPath);
    latencies.push(performance.now() - begin);
    if (res.body.length !== 1000) throw new Error(`expected 1000 hooks, got ${res.body.length}`);
  }
  latencies.sort((a, b) => a - b);
  report('list 1,000 webhooks, median', `${percentile(latencies, 50).toFixed(2)} ms`, '< 20 ms');
  report('list 1,000 webhooks, p99', `${percentile(latencies, 99).toFixed(2)} ms`, '');

  // Mixed load: 32 clients for 3 s; 4 reads (hooks of a small owner, summary, self, deployments) per
  // write (create, or remove one made earlier).
  const self = (await request(sandbox, 'GET', '/v2/self')).body;
  const apps = (await request(sandbox, 'GET', `/v2/organisations/${labs.id}/applications`)).body;
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
            ? await request(sandbox, 'DELETE', `/v2/notifications/webhooks/${labs.id}/${id}`)
            : await request(
                sandbox,
                'POST',
                `/v2/notifications/webhooks/${labs.id}`,
                hookBody(client * 1e6 + n),
              );
          if (!id && res.status === 200) made.push(res.body.id);
        } else {
          res = await request(sandbox, 'GET', reads[(client + n) % reads.length]);
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
    total += (await request(sandbox, 'GET', `/v2/notifications/webhooks/${owner}`)).body.length;
  await addHooks(sandbox, self.id, Math.max(0, 10_000 - total));
  await request(sandbox, 'GET', `/v2/notifications/webhooks/${self.id}`);
  const rssMb = () =>
    Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${sandbox.child.pid}/status`, 'utf8'))?.[1]) / 1024;
  report('RSS with 10,000 webhooks', `${rssMb().toFixed(1)} MB`, '< 100 MB');
  await stop(sandbox);

  // And the restart of that folder, which compacts its journal into a snapshot.
  const big = await start(sandbox.url && dirs.at(-1));
  report('restart with 10,000 webhooks', `${(big.ms / 1000).toFixed(3)} s`, '');
  await stop(big);
} finally {
  agent.destroy();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
}

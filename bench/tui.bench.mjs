// The TUI's figures, on the built binary in a pseudo-terminal (`script`): time to the first frame,
// keypress-to-frame latency on an owner with 5,000 apps and 2,000 webhooks and in the Problems view
// (./tui-problems.mjs), idle CPU, and resident memory, with no V8 flag and no forced collection. Targets: first frame < 0.35 s, keypress-to-frame
// < 50 ms median, no CPU when idle, ≤ 130 MB after 100 keys.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  benchUser,
  cpuTicks,
  median,
  openTui,
  percentile,
  request,
  rssMb,
  sleep,
  startSandbox,
  stopSandbox,
} from './support.mjs';
import { problemsViewLatency } from './tui-problems.mjs';

const APPS = 5000;
const HOOKS = 2000;

/** A world with one organisation of 5,000 apps: the sandbox has no endpoint to create apps, so they go into its snapshot before it starts. */
async function seedWorld(dataDir) {
  await stopSandbox(await startSandbox(dataDir));
  const file = path.join(dataDir, 'world.snapshot.json');
  const snapshot = JSON.parse(readFileSync(file, 'utf8'));
  const org = snapshot.state.organisations[0];
  const template = snapshot.state.applications.find((a) => a.ownerId === org.id);
  for (let i = 0; i < APPS; i++) {
    snapshot.state.applications.push({
      ...template,
      id: `app_${randomUUID()}`,
      name: `app-${String(i).padStart(4, '0')}`,
    });
  }
  writeFileSync(file, JSON.stringify(snapshot));
  const sandbox = await startSandbox(dataDir, { maxSockets: 32 });
  const apps = (await request(sandbox, 'GET', `/v2/organisations/${org.id}/applications`)).map((a) => a.id);
  let next = 0;
  const worker = async () => {
    while (next < HOOKS) {
      const i = next++;
      await request(sandbox, 'POST', `/v2/notifications/webhooks/${org.id}`, {
        name: `hook-${String(i).padStart(4, '0')}`,
        urls: [{ format: i % 3 === 0 ? 'slack' : 'raw', url: `https://hooks.example.com/h/${i}` }],
        ...(i % 2 === 0 ? { events: ['META_DEPLOYMENT_RESULT'] } : {}),
        ...(i % 4 === 1 ? { scope: [apps[i % apps.length], apps[(i * 7) % apps.length]] } : {}),
      });
    }
  };
  await Promise.all(Array.from({ length: 32 }, worker));
  return { sandbox, org };
}

/** Every TUI opened, closed at the end even if a step fails. */
const opened = [];

/** The TUI in a pseudo-terminal of 120x36. */
function open(env) {
  const tui = openTui(env, { cols: 120, rows: 36 });
  opened.push(tui);
  return tui;
}

async function closeTui(tui) {
  const exited = new Promise((resolve) => tui.child.once('exit', resolve));
  tui.write('q');
  await exited;
}

const p95 = (values) => percentile(values, 95);

const NODE_BINARY = realpathSync(process.execPath);

/**
 * Where a process's resident memory is, from /proc/PID/smaps (information, not a target): the `node`
 * binary's pages, the main malloc heap (`[heap]`), V8's heap pages (its 256 KB chunks), and the rest
 * (other threads' malloc arenas, WebAssembly code and memory, stacks, libraries).
 */
function rssRegions(pid) {
  const kb = { node: 0, malloc: 0, v8: 0, other: 0 };
  let region = 'other';
  for (const line of readFileSync(`/proc/${pid}/smaps`, 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (head) {
      const size = Number.parseInt(head[2], 16) - Number.parseInt(head[1], 16);
      const name = head[3];
      region =
        name === NODE_BINARY
          ? 'node'
          : name === '[heap]'
            ? 'malloc'
            : !name && size === 262144
              ? 'v8'
              : 'other';
      continue;
    }
    const rss = /^Rss:\s+(\d+)/.exec(line);
    if (rss) kb[region] += Number(rss[1]);
  }
  const mb = (k) => `${(k / 1024).toFixed(0)} MB`;
  return `node binary ${mb(kb.node)}, V8 heap pages ${mb(kb.v8)}, main malloc heap ${mb(kb.malloc)}, other (threads' malloc arenas, WebAssembly, libraries, stacks) ${mb(kb.other)}`;
}

/** Presses a key, and times it to the first output byte after it (Ink writes a frame in one go). */
async function latency(tui, key, samples) {
  const times = [];
  for (let i = 0; i < samples; i++) {
    const before = tui.position();
    const sent = performance.now();
    const frame = new Promise((resolve) => {
      const listener = (at) => {
        if (tui.position() > before) {
          tui.listeners.delete(listener);
          resolve(at);
        }
      };
      tui.listeners.add(listener);
    });
    tui.write(key);
    times.push((await frame) - sent);
    // Past Ink's frame throttle, so each press starts from a quiet screen.
    await sleep(60);
  }
  return times;
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'clever-notify-tui-bench-'));
// A returning user: the first-run welcome is not in the way.
const user = benchUser(dir);
const dataDir = user.dataDir;
const env = {
  ...user.env,
  ...(process.env.NODE_OPTIONS ? { NODE_OPTIONS: process.env.NODE_OPTIONS } : {}),
};

let sandbox;
try {
  const seeded = await seedWorld(dataDir);
  sandbox = seeded.sandbox;

  const firstFrames = [];
  for (let i = 0; i < 7; i++) {
    const tui = open(env);
    firstFrames.push((await tui.waitFor('Owners')) - tui.started);
    await tui.waitFor(/SANDBOX/);
    await closeTui(tui);
  }

  const tui = open(env);
  await tui.waitFor(/Personal not/);
  // The first owner after the personal space is the one with 5,000 apps.
  tui.write('j');
  await tui.waitFor(/2\d{3} webhooks of/);
  const pid = tui.nodePid();
  await sleep(1500);
  const rssLoaded = rssMb(pid);
  tui.write('\t');
  await sleep(100);
  const appKeys = await latency(tui, 'j', 50);
  tui.write('\t');
  await sleep(100);
  const hookKeys = await latency(tui, 'j', 50);
  const rssBusy = rssMb(pid);
  const regionsBusy = rssRegions(pid);
  await sleep(1500);
  const before = cpuTicks(pid);
  const idleStart = performance.now();
  await sleep(3000);
  const ticks = cpuTicks(pid) - before;
  const idleSeconds = (performance.now() - idleStart) / 1000;
  const rss = rssMb(pid);
  await closeTui(tui);

  const ms = (v) => `${v.toFixed(1)} ms`;
  console.log(
    `first frame (process start to first frame, median of 7): ${ms(median(firstFrames))}  [target < 350 ms]`,
  );
  console.log(
    `keypress-to-frame, apps list of ${APPS} (hooks refiltered): median ${ms(median(appKeys))}, p95 ${ms(p95(appKeys))}  [target < 50 ms median]`,
  );
  console.log(
    `keypress-to-frame, ${HOOKS} webhooks table: median ${ms(median(hookKeys))}, p95 ${ms(p95(hookKeys))}  [target < 50 ms median]`,
  );
  console.log(
    `idle CPU over ${idleSeconds.toFixed(1)} s: ${ticks} clock ticks (${((ticks / 100 / idleSeconds) * 100).toFixed(2)} %)  [target 0]`,
  );
  console.log(await problemsViewLatency(path.join(dir, 'problems'), { open, latency, closeTui }));
  console.log(
    `resident memory with ${APPS} apps and ${HOOKS} webhooks: ${rssLoaded.toFixed(0)} MB loaded and settled, ${rssBusy.toFixed(0)} MB right after 100 keypresses, ${rss.toFixed(0)} MB idle 4.5 s later  [target ≤ 130 MB]`,
  );
  console.log(`  right after the keypresses, by region (information): ${regionsBusy}`);
} finally {
  for (const tui of opened) if (tui.child.exitCode === null) tui.child.kill('SIGTERM');
  if (sandbox) await stopSandbox(sandbox);
  rmSync(dir, { recursive: true, force: true });
}

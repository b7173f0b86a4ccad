// The live tail's figures, on the built binary against the built sandbox over loopback: 1,000 events
// per second for 10 s, followed (1) by `clever-notify tail -F json-stream` and (2) by the Activity tab
// of the TUI in a pseudo-terminal (`script`). For each: events shown per second and lost, CPU (share of
// one core), resident memory growth once the buffer is full, and in the TUI the keypress-to-frame
// latency of Space (pause) under that load.
// Targets: no event lost, RSS flat after the buffer fills (the slope over the last half of a 60 s soak), keypress-to-frame < 100 ms, < 60 % of a core.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import {
  benchUser,
  CLI,
  cpuTicks,
  openTui,
  percentile,
  request,
  rssMb,
  sleep,
  startSandbox,
  stopSandbox,
  until,
} from './support.mjs';

const RATE = 1000;
const SECONDS = 10;
/** Long enough for V8 to run full GCs under load: what RSS looks like once it collects. */
const SOAK_SECONDS = 60;

/**
 * Least-squares slope of `rss` ({at: s, mb}) over its second half, in MB per minute, with the window
 * it was computed on (`from`, `to` in seconds) and the number of samples in it.
 */
function slopeOfLastHalf(rss) {
  const samples = rss.filter((r) => Number.isFinite(r.mb));
  const half = samples.filter((r) => r.at >= samples.at(-1).at / 2);
  const n = half.length;
  const mx = half.reduce((s, r) => s + r.at, 0) / n;
  const my = half.reduce((s, r) => s + r.mb, 0) / n;
  const num = half.reduce((s, r) => s + (r.at - mx) * (r.mb - my), 0);
  const den = half.reduce((s, r) => s + (r.at - mx) ** 2, 0);
  return { slope: (num / den) * 60, n, from: half[0].at, to: half.at(-1).at };
}

/** Events on the personal space (no webhook there): the figures are the live view's, not the dispatcher's. */
function fire(sandbox, ownerId) {
  return request(sandbox, 'POST', '/sandbox/v1/events', { event: 'CREDITS_ADDED', ownerId });
}

/** RATE events per second for SECONDS, in 10 ms slices; samples CPU and RSS of `pid` meanwhile. */
async function load(sandbox, ownerId, pid, duration = SECONDS) {
  const slice = RATE / 100;
  const pending = new Set();
  let sent = 0;
  let failed = 0;
  const rss = [{ at: 0, mb: rssMb(pid) }];
  const ticks0 = cpuTicks(pid);
  const start = performance.now();
  // Once a second until every event is answered: on a busy machine the last ones drain after the loop.
  const sampler = setInterval(() => {
    rss.push({ at: (performance.now() - start) / 1000, mb: rssMb(pid) });
  }, 1000);
  for (let i = 0; i < duration * 100; i++) {
    for (let j = 0; j < slice; j++) {
      const p = fire(sandbox, ownerId).then(
        () => {
          sent++;
        },
        () => {
          failed++;
        },
      );
      pending.add(p);
      p.finally(() => pending.delete(p));
    }
    const due = start + (i + 1) * 10;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
  }
  await Promise.all(pending);
  clearInterval(sampler);
  const seconds = (performance.now() - start) / 1000;
  const cpu = ((cpuTicks(pid) - ticks0) / 100 / seconds) * 100;
  rss.push({ at: seconds, mb: rssMb(pid) });
  return { sent, failed, seconds, cpu, rss };
}

/** RSS growth from 2 s in (the 500-row buffer holds at 1,000/s after half a second) to the end. */
function rssText(rss) {
  const settled = rss.find((r) => r.at >= 2) ?? rss[0];
  const last = rss.at(-1);
  const max = Math.max(...rss.map((r) => r.mb));
  return `${rss[0].mb.toFixed(0)} MB at start, ${settled.mb.toFixed(0)} MB at 2 s, ${last.mb.toFixed(0)} MB at the end (max ${max.toFixed(0)}): growth after the buffer filled ${(last.mb - settled.mb).toFixed(1)} MB`;
}

/**
 * The tail runs with --trace-gc: its JSON lines and V8's GC lines share stdout, and the heap left after
 * each full GC (Mark-Compact) is the live memory, which RSS only shows once V8 decides to collect.
 */
async function benchTail(sandbox, ownerId, env, seconds) {
  const child = spawn(
    process.execPath,
    ['--trace-gc', CLI, 'tail', '-F', 'json-stream', '--event', 'CREDITS_ADDED'],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
      env,
    },
  );
  let events = 0;
  let buffer = '';
  const liveHeap = [];
  child.stdout.setEncoding('utf8').on('data', (chunk) => {
    buffer += chunk;
    const lines = buffer.split('\n');
    buffer = lines.pop();
    for (const line of lines) {
      if (!line.startsWith('{')) {
        const gc = /Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+)/.exec(line);
        if (gc) liveHeap.push(Number(gc[1]));
        continue;
      }
      const record = JSON.parse(line);
      if (record.type === 'event') {
        events++;
      }
    }
  });
  try {
    // Ready once a probe event comes through (events before its socket is in are not news to it).
    await until(
      async () => {
        if (events > 0) return true;
        await fire(sandbox, ownerId);
        await sleep(200);
        return events > 0;
      },
      15_000,
      'the tail',
    );
    await sleep(300);
    const base = events;
    const heapBefore = liveHeap.length;
    const result = await load(sandbox, ownerId, child.pid, seconds);
    await until(() => events - base >= result.sent, 5000, 'the last events').catch(() => {});
    await sleep(200);
    const shown = events - base;
    return { ...result, shown, liveHeap: liveHeap.slice(heapBefore) };
  } finally {
    if (child.exitCode === null) {
      child.kill('SIGINT');
      await new Promise((resolve) => child.once('exit', resolve));
    }
  }
}

/** The newest "N seen" of the Activity header. */
function seen(tui) {
  const all = [...tui.output.slice(-20_000).matchAll(/(\d+) seen/g)];
  return all.length > 0 ? Number(all.at(-1)[1]) : 0;
}

async function benchTui(sandbox, ownerId, env) {
  const tui = openTui(env, { cols: 140, rows: 40 });
  try {
    return await driveTui(tui, sandbox, ownerId);
  } finally {
    // A failed run must not leave the TUI behind: `script` and the node under it.
    if (tui.child.exitCode === null) {
      const exited = new Promise((resolve) => tui.child.once('exit', resolve));
      tui.write('q');
      const timer = setTimeout(() => tui.child.kill('SIGKILL'), 2000);
      await exited;
      clearTimeout(timer);
    }
  }
}

async function driveTui(tui, sandbox, ownerId) {
  await tui.waitFor(/Owners/);
  await tui.waitFor(/SANDBOX/);
  tui.write('3');
  await tui.waitFor(/rows kept/);
  tui.write('\t');
  await sleep(100);
  tui.write('\t');
  await sleep(200);
  await until(
    async () => {
      if (seen(tui) > 0) return true;
      await fire(sandbox, ownerId);
      await sleep(200);
      return seen(tui) > 0;
    },
    15_000,
    'the Activity tab',
  );
  await sleep(300);
  const base = seen(tui);
  const pid = tui.nodePid();
  const latencies = [];
  const presses = (async () => {
    await sleep(1500);
    for (let i = 0; i < 12; i++) {
      const from = tui.position();
      const sent = performance.now();
      tui.write(' ');
      latencies.push((await tui.waitFor(/PAUSED/, from, 5000)) - sent);
      await sleep(150);
      const resumedFrom = tui.position();
      tui.write(' ');
      await tui.waitFor(/seen(?! · PAUSED)/, resumedFrom, 5000);
      await sleep(400);
    }
  })();
  // Awaited after the load; a failure there must not go unhandled meanwhile.
  presses.catch(() => {});
  const result = await load(sandbox, ownerId, pid);
  await presses;
  await until(() => seen(tui) - base >= result.sent, 5000, 'the last events').catch(() => {});
  const shown = seen(tui) - base;
  return { ...result, shown, latencies };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'clever-notify-tail-bench-'));
const { env, dataDir } = benchUser(dir);

let sandbox;
try {
  sandbox = await startSandbox(dataDir, { env, maxSockets: 32 });
  const self = await request(sandbox, 'GET', '/v2/self');
  const tail = await benchTail(sandbox, self.id, env, SECONDS);
  const tui = await benchTui(sandbox, self.id, env);
  const soak = await benchTail(sandbox, self.id, env, SOAK_SECONDS);
  const pct = (p) => percentile(tui.latencies, p).toFixed(1);
  for (const [name, r] of [
    ['tail -F json-stream', tail],
    ['TUI Activity tab', tui],
  ]) {
    console.log(
      `${name}: ${r.sent} events sent in ${r.seconds.toFixed(1)} s (${(r.sent / r.seconds).toFixed(0)}/s, ${r.failed} refused)`,
    );
    console.log(
      `  shown: ${r.shown} (${(r.shown / r.seconds).toFixed(0)}/s), lost: ${Math.max(0, r.sent - r.shown)}  [target 0 lost]`,
    );
    console.log(`  CPU: ${r.cpu.toFixed(1)} % of one core  [target < 60 %]`);
    console.log(`  RSS: ${rssText(r.rss)}  [target flat]`);
  }
  console.log(
    `  keypress-to-frame (Space → PAUSED) under load: median ${pct(50)} ms, max ${pct(100)} ms over ${tui.latencies.length} presses  [target < 100 ms]`,
  );
  // Under load the samples drift off round seconds: show the ones nearest to each tenth of the run.
  const every10 = Array.from({ length: 10 }, (_, k) => {
    const at = ((k + 1) * soak.seconds) / 10;
    return soak.rss.reduce((best, r) => (Math.abs(r.at - at) < Math.abs(best.at - at) ? r : best));
  });
  console.log(
    `soak, tail -F json-stream for ${soak.seconds.toFixed(0)} s at ${(soak.sent / soak.seconds).toFixed(0)}/s: ${soak.shown} shown, ${Math.max(0, soak.sent - soak.shown)} lost, CPU ${soak.cpu.toFixed(1)} % of one core`,
  );
  console.log(`  RSS: ${every10.map((r) => `${r.mb.toFixed(0)} MB at ${Math.round(r.at)} s`).join(', ')}`);
  const { slope, n, from, to } = slopeOfLastHalf(soak.rss);
  console.log(
    `  RSS trend over the last half, ${from.toFixed(0)} s to ${to.toFixed(0)} s (least squares over its ${n} samples, one a second): ${slope >= 0 ? '+' : ''}${slope.toFixed(2)} MB/min  [target flat: within ±1 MB/min]`,
  );
  console.log(
    `  live heap after each full GC (both tail runs): ${[...tail.liveHeap, ...soak.liveHeap].map((m) => `${m} MB`).join(', ') || 'none ran'}  [target flat]`,
  );
} finally {
  if (sandbox) await stopSandbox(sandbox);
  rmSync(dir, { recursive: true, force: true });
}

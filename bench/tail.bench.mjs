// The live tail's figures, on the built binary against the built sandbox over loopback: 1,000 events
// per second for 10 s, followed (1) by `clever-notify tail -F json-stream` and (2) by the Activity tab
// of the TUI in a pseudo-terminal (`script`). For each: events shown per second and lost, CPU (share of
// one core), resident memory growth once the buffer is full, and in the TUI the keypress-to-frame
// latency of Space (pause) under that load. Then a soak of `tail -F json-stream` at the same rate, 300 s
// by default (BENCH_SOAK_SECONDS, at least 150): the whole bench takes about 6 minutes.
// Targets: no event lost, RSS flat after the buffer fills (the slope after the soak's warm-up, see
// WARM_UP_SECONDS), keypress-to-frame < 100 ms, < 60 % of a core.
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
/**
 * The 500-row buffer is full after half a second, but the process's memory is not settled then: V8
 * grows the young generation to its maximum in the first seconds, lets the old generation grow to
 * three times its live size before its first full collection (about 22 s into the load), and gives
 * the pages back one or two collections later, 30 to 65 s in (RSS falls by 10 to 20 MB). A trend
 * over 30 to 60 s read that fall or the refill after it; see "`tail`: the soak" in
 * docs/performance.md. So the trend starts after this warm-up.
 */
const WARM_UP_SECONDS = 90;
/**
 * The warm-up, then a window long enough that V8's ordinary breathing (the committed heap moves by
 * up to 5 MB for a few collections, then comes back) is not read as a trend: 210 s by default.
 */
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 300);
if (!(SOAK_SECONDS >= WARM_UP_SECONDS + 60)) {
  throw new Error(
    `BENCH_SOAK_SECONDS must be at least ${WARM_UP_SECONDS + 60} (a warm-up of ${WARM_UP_SECONDS} s, then a minute of trend); got ${process.env.BENCH_SOAK_SECONDS}`,
  );
}

/**
 * Least-squares slope of `samples` ({at: s, …}) from `from` seconds to the end, of the field `key`,
 * in MB per minute, with the window it was computed on (`from`, `to` in seconds) and its sample count.
 */
function slopeFrom(samples, from, key = 'mb') {
  const window = samples.filter((r) => r.at >= from && Number.isFinite(r[key]));
  const n = window.length;
  if (n < 2) return { slope: Number.NaN, n, from, to: from };
  const mx = window.reduce((s, r) => s + r.at, 0) / n;
  const my = window.reduce((s, r) => s + r[key], 0) / n;
  const num = window.reduce((s, r) => s + (r.at - mx) * (r[key] - my), 0);
  const den = window.reduce((s, r) => s + (r.at - mx) ** 2, 0);
  return { slope: (num / den) * 60, n, from: window[0].at, to: window.at(-1).at };
}

const signed = (x) => `${x >= 0 ? '+' : ''}${x.toFixed(2)}`;

/** One-minute load average, with one decimal: the machine is shared, the figures move with it. */
const load1 = () => os.loadavg()[0].toFixed(1);

/**
 * Given to the tail with `--import`, for the measurement only: once a second, its own
 * `process.memoryUsage()` on stderr (what /proc cannot tell: V8's heap, external memory, ArrayBuffers).
 */
const MEMORY_PRELOAD = `data:text/javascript,${encodeURIComponent(
  `setInterval(() => process.stderr.write('bench-memory ' + JSON.stringify(process.memoryUsage()) + '\\n'), 1000).unref();`,
)}`;

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
  const loadBefore = load1();
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
  return { sent, failed, seconds, cpu, rss, start, load: `${loadBefore} → ${load1()}` };
}

/**
 * RSS growth from 2 s in (the 500-row buffer holds at 1,000/s after half a second) to the end. Over
 * 10 s that is the warm-up (see WARM_UP_SECONDS): the flat target is the soak's trend.
 */
function rssText(rss) {
  const settled = rss.find((r) => r.at >= 2) ?? rss[0];
  const last = rss.at(-1);
  const max = Math.max(...rss.map((r) => r.mb));
  return `${rss[0].mb.toFixed(0)} MB at start, ${settled.mb.toFixed(0)} MB at 2 s, ${last.mb.toFixed(0)} MB at the end (max ${max.toFixed(0)}): growth after the buffer filled ${(last.mb - settled.mb).toFixed(1)} MB, still in the warm-up`;
}

/** Calls `onLine` with each whole line of `stream`. */
function lines(stream, onLine) {
  let buffer = '';
  stream.setEncoding('utf8').on('data', (chunk) => {
    buffer += chunk;
    const all = buffer.split('\n');
    buffer = all.pop();
    for (const line of all) onLine(line);
  });
}

/**
 * The tail runs with --trace-gc: its JSON lines and V8's GC lines share stdout, and the heap left after
 * each full GC (Mark-Compact) is the live memory, which RSS only shows once V8 decides to collect. Its
 * stderr carries MEMORY_PRELOAD's lines. Both are timed here, on the clock of `load`.
 */
async function benchTail(sandbox, ownerId, env, seconds) {
  const child = spawn(
    process.execPath,
    [
      '--trace-gc',
      `--import=${MEMORY_PRELOAD}`,
      CLI,
      'tail',
      '-F',
      'json-stream',
      '--event',
      'CREDITS_ADDED',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      env,
    },
  );
  let events = 0;
  const liveHeap = [];
  const memory = [];
  const mb = (bytes) => bytes / 1024 / 1024;
  lines(child.stderr, (line) => {
    if (!line.startsWith('bench-memory ')) return;
    const m = JSON.parse(line.slice('bench-memory '.length));
    memory.push({
      t: performance.now(),
      rss: mb(m.rss),
      heapUsed: mb(m.heapUsed),
      heapTotal: mb(m.heapTotal),
      external: mb(m.external),
      arrayBuffers: mb(m.arrayBuffers),
    });
  });
  lines(child.stdout, (line) => {
    if (line.startsWith('{')) {
      if (JSON.parse(line).type === 'event') events++;
      return;
    }
    const gc = /Mark-Compact [\d.]+ \([\d.]+\) -> ([\d.]+)/.exec(line);
    if (gc) liveHeap.push({ t: performance.now(), mb: Number(gc[1]) });
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
    const result = await load(sandbox, ownerId, child.pid, seconds);
    await until(() => events - base >= result.sent, 5000, 'the last events').catch(() => {});
    await sleep(200);
    const shown = events - base;
    // On the clock of the load's RSS samples: seconds since it started.
    const at = ({ t, ...rest }) => ({ at: (t - result.start) / 1000, ...rest });
    return {
      ...result,
      shown,
      liveHeap: liveHeap.map(at).filter((r) => r.at >= 0),
      memory: memory.map(at).filter((r) => r.at >= 0),
    };
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
      `${name}: ${r.sent} events sent in ${r.seconds.toFixed(1)} s (${(r.sent / r.seconds).toFixed(0)}/s, ${r.failed} refused), load average ${r.load}`,
    );
    console.log(
      `  shown: ${r.shown} (${(r.shown / r.seconds).toFixed(0)}/s), lost: ${Math.max(0, r.sent - r.shown)}  [target 0 lost]`,
    );
    console.log(`  CPU: ${r.cpu.toFixed(1)} % of one core  [target < 60 %]`);
    console.log(`  RSS: ${rssText(r.rss)}`);
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
    `soak, tail -F json-stream for ${soak.seconds.toFixed(0)} s at ${(soak.sent / soak.seconds).toFixed(0)}/s: ${soak.shown} shown, ${Math.max(0, soak.sent - soak.shown)} lost, CPU ${soak.cpu.toFixed(1)} % of one core, load average ${soak.load}`,
  );
  console.log(`  RSS: ${every10.map((r) => `${r.mb.toFixed(0)} MB at ${Math.round(r.at)} s`).join(', ')}`);
  const warmUp = soak.rss.filter((r) => r.at < WARM_UP_SECONDS && Number.isFinite(r.mb));
  const peak = warmUp.reduce((best, r) => (r.mb > best.mb ? r : best));
  const gcs = (list) => list.map((g) => `${g.mb} MB at ${Math.round(g.at)} s`).join(', ') || 'none ran';
  const early = soak.liveHeap.filter((g) => g.at < WARM_UP_SECONDS);
  const after = soak.liveHeap.filter((g) => g.at >= WARM_UP_SECONDS);
  console.log(
    `  warm-up, left out of the trend: 0 to ${WARM_UP_SECONDS} s, RSS peak ${peak.mb.toFixed(0)} MB at ${Math.round(peak.at)} s; live heap after each full GC: ${gcs(early)}`,
  );
  const { slope, n, from, to } = slopeFrom(soak.rss, WARM_UP_SECONDS);
  console.log(
    `  RSS trend after the warm-up, ${from.toFixed(0)} s to ${to.toFixed(0)} s (least squares over its ${n} samples, one a second): ${signed(slope)} MB/min  [target flat: within ±1 MB/min]`,
  );
  // A leak lifts every block; a full collection that comes late (on a busy machine its concurrent
  // marking waits for a core) lifts one block's top, and the next collection brings it back.
  const blocks = [];
  for (let at = WARM_UP_SECONDS; at < soak.seconds - 1; at += 30) {
    const mbs = soak.rss
      .filter((r) => r.at >= at && r.at < at + 30 && Number.isFinite(r.mb))
      .map((r) => r.mb);
    if (mbs.length > 0) blocks.push(`${Math.min(...mbs).toFixed(0)}–${Math.max(...mbs).toFixed(0)}`);
  }
  console.log(`  RSS by 30 s block after the warm-up, lowest–highest: ${blocks.join(', ')} MB`);
  // What RSS is made of, from inside: a leak in V8's heap, in Buffers or in external memory shows here
  // as a rise from the first third of the window to the last, whatever V8's collections do to RSS.
  const window = soak.memory.filter((m) => m.at >= WARM_UP_SECONDS);
  const third = Math.max(1, Math.floor(window.length / 3));
  const mean = (list, key) => list.reduce((sum, m) => sum + m[key], 0) / list.length;
  const change = (key, digits = 1) =>
    `${key} ${mean(window.slice(0, third), key).toFixed(digits)} → ${mean(window.slice(-third), key).toFixed(digits)} MB`;
  console.log(
    `  in the tail, mean of the window's first third → last third (process.memoryUsage, once a second): ${[
      change('rss'),
      change('heapTotal'),
      change('heapUsed'),
      change('external'),
      change('arrayBuffers', 2),
    ].join(', ')}`,
  );
  const live = slopeFrom(after, WARM_UP_SECONDS);
  const heaps = after.map((g) => g.mb);
  console.log(
    after.length >= 2
      ? `  live heap after each full GC after the warm-up: ${after.length} collections, ${Math.min(...heaps)} to ${Math.max(...heaps)} MB, trend ${signed(live.slope)} MB/min  [target flat]`
      : `  live heap after each full GC after the warm-up: ${gcs(after)} (a trend needs two)`,
  );
} finally {
  if (sandbox) await stopSandbox(sandbox);
  rmSync(dir, { recursive: true, force: true });
}

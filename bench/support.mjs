// What the benches share: the built binary's sandbox (started as a user would, its port learnt from
// the env lines it prints), JSON requests to it, waiting for a condition, percentiles, and the CPU and
// resident memory of a process from /proc.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

export const CLI = new URL('../dist/cli.js', import.meta.url).pathname;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * `clever-notify sandbox --port 0 --data DIR`; resolves once it has printed its env lines, with
 * `vars` (API_HOST, CLEVER_TOKEN, CLEVER_SECRET…), `url`, its API token, `ms` from spawn to then,
 * and a keep-alive agent of `maxSockets` for `request`.
 */
export function startSandbox(dataDir, { env, stderr = 'ignore', maxSockets = 64 } = {}) {
  const begin = performance.now();
  const child = spawn(process.execPath, [CLI, 'sandbox', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', stderr],
    ...(env ? { env } : {}),
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`sandbox exited with ${code}`)));
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const vars = Object.fromEntries([...out.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
      if (!vars.API_HOST || !vars.CLEVER_TOKEN || !vars.CLEVER_SECRET) return;
      const ms = performance.now() - begin;
      const { apiToken } = JSON.parse(readFileSync(path.join(dataDir, 'credentials.json'), 'utf8'));
      // With a `timeout`, Node's agent closes an idle socket a second before the server's keep-alive
      // timeout (its `Keep-Alive: timeout=5` hint); without one it keeps it, and a phase that starts
      // about 5 s after the last one reused sockets the server was closing (ECONNRESET, "socket hang up").
      const agent = new http.Agent({ keepAlive: true, maxSockets, timeout: 60_000 });
      resolve({ child, vars, url: new URL(vars.API_HOST), apiToken, agent, ms });
    });
  });
}

export async function stopSandbox(sandbox) {
  const exited = new Promise((resolve) => sandbox.child.once('exit', resolve));
  sandbox.child.kill('SIGTERM');
  await exited;
  sandbox.agent.destroy();
}

/** One JSON request with the sandbox's API token: `{status, body}`, whatever the status. */
export function send(sandbox, method, pathname, body) {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        agent: sandbox.agent,
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
          resolve({ status: res.statusCode, text, body: text ? JSON.parse(text) : undefined });
        });
      },
    );
    req.once('error', reject);
    req.end(payload);
  });
}

/** The answer's body; a status of 300 or more rejects. */
export async function request(sandbox, method, pathname, body) {
  const res = await send(sandbox, method, pathname, body);
  if (res.status >= 300) throw new Error(`${method} ${pathname}: ${res.status} ${res.text}`);
  return res.body;
}

/** Runs `task(0…count-1)` with at most `concurrency` at once. */
export async function pool(count, concurrency, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Resolves once `check()` (sync or async) is true, polling every 5 ms; rejects after `timeoutMs`. */
export async function until(check, timeoutMs, what) {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** The value below which `p` % of `values` fall (nearest rank, on a sorted copy). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const median = (values) => percentile(values, 50);

/** User plus system CPU time of `pid`, in clock ticks (1/100 s). */
export function cpuTicks(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

export function rssMb(pid) {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]) / 1024;
}

/**
 * A user of the built binary under `dir` with nothing of the developer's: its own HOME and XDG
 * folders, no clever-tools profile, settings where the first-run welcome was already seen, and the
 * default sandbox data folder `dataDir`.
 */
export function benchUser(dir) {
  const home = path.join(dir, 'home');
  const dataDir = path.join(dir, 'data');
  const env = {
    PATH: process.env.PATH,
    TERM: 'xterm-256color',
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    CLEVER_NOTIFY_CONFIG_DIR: path.join(home, 'settings'),
    CLEVER_NOTIFY_SANDBOX_DATA: dataDir,
    CONFIGURATION_FILE: path.join(home, 'none.json'),
  };
  mkdirSync(env.CLEVER_NOTIFY_CONFIG_DIR, { recursive: true });
  writeFileSync(
    path.join(env.CLEVER_NOTIFY_CONFIG_DIR, 'settings.json'),
    JSON.stringify({ welcomeShown: true }),
  );
  return { env, dataDir, home };
}

/**
 * The built binary's TUI in a pseudo-terminal of `cols`×`rows`, through util-linux `script`. Only the
 * tail of a long output is kept; positions (`position()`, `waitFor`'s `from`) stay absolute.
 */
export function openTui(env, size) {
  return openPty(env, size, `${process.execPath} ${CLI} tui`);
}

/** `command` (a shell command line) in a pseudo-terminal of `cols`×`rows`, as `openTui`. */
export function openPty(env, { cols, rows }, command) {
  const started = performance.now();
  const child = spawn('script', ['-qfec', `stty cols ${cols} rows ${rows}; exec ${command}`, '/dev/null'], {
    stdio: ['pipe', 'pipe', 'ignore'],
    env,
  });
  const tui = {
    child,
    started,
    output: '',
    /** Characters dropped from the front of `output`. */
    dropped: 0,
    position: () => tui.dropped + tui.output.length,
    /** Called with the time of each output chunk. */
    listeners: new Set(),
    write: (text) => child.stdin.write(text),
    /** Resolves with the time of the first chunk whose text since `from` holds `test` (a string or a RegExp). */
    waitFor(test, from = 0, timeoutMs = 20_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          tui.listeners.delete(listener);
          reject(new Error(`timed out waiting for ${test}`));
        }, timeoutMs);
        const listener = (at) => {
          const text = tui.output.slice(Math.max(0, from - tui.dropped));
          if (typeof test === 'string' ? text.includes(test) : test.test(text)) {
            clearTimeout(timer);
            tui.listeners.delete(listener);
            resolve(at);
          }
        };
        tui.listeners.add(listener);
        listener(performance.now());
      });
    },
    /** The node process under `script`. */
    nodePid: () =>
      Number(
        execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
          .trim()
          .split('\n')[0],
      ),
  };
  child.stdout.on('data', (chunk) => {
    const at = performance.now();
    tui.output += chunk.toString('utf8');
    // The screen is redrawn all the time: keep the tail of the output only.
    if (tui.output.length > 400_000) {
      tui.dropped += tui.output.length - 200_000;
      tui.output = tui.output.slice(-200_000);
    }
    for (const listener of [...tui.listeners]) listener(at);
  });
  return tui;
}

/**
 * One run of `argv` (a fresh process, as a user runs it): wall time from spawn to exit, and the peak
 * resident memory (KB) and CPU time that /usr/bin/time reports for it. Rejects on a non-zero exit.
 */
export function timed(argv, { env, tmpFile }) {
  const begin = performance.now();
  const child = spawn('/usr/bin/time', ['-f', '%M %U %S', '-o', tmpFile, ...argv], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const ms = performance.now() - begin;
      if (code !== 0) return reject(new Error(`${argv.join(' ')} exited with ${code}: ${stderr}`));
      const [rssKb, user, system] = readFileSync(tmpFile, 'utf8')
        .trim()
        .split('\n')
        .pop()
        .split(' ')
        .map(Number);
      resolve({ ms, rssKb, cpuMs: (user + system) * 1000, stdout });
    });
  });
}

/** `min / median / max` of `values`, each with `digits` decimals. */
export function spread(values, digits = 0) {
  const f = (v) => v.toFixed(digits);
  return `${f(Math.min(...values))} / ${f(median(values))} / ${f(Math.max(...values))}`;
}

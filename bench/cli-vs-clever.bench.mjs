// clever-notify against the official CLI on the same question: `webhooks --org ID -F json` against one
// sandbox, both as a user runs them (a fresh process each time). Prints the median wall time of each,
// their ratio, and their peak resident memory. Target: clever-notify at least 8x faster (bench/startup.bench.mjs has every start-up ratio).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLI, median, request, startSandbox, stopSandbox } from './support.mjs';

const CLEVER = new URL('../node_modules/clever-tools/bin/clever.js', import.meta.url).pathname;
const TIME = '/usr/bin/time';
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

/** One run: wall time from spawn to exit; peak RSS (KB) and CPU time from /usr/bin/time, or from the child itself. */
function measure(script, args, env, rssFile) {
  const useTime = existsSync(TIME);
  const command = useTime ? TIME : process.execPath;
  const argv = useTime
    ? ['-f', '%M %U %S', '-o', rssFile, process.execPath, script, ...args]
    : [script, ...args];
  const childEnv = useTime
    ? env
    : { ...env, NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(exitHook(rssFile))}` };
  const begin = performance.now();
  const child = spawn(command, argv, { env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
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
      if (code !== 0) return reject(new Error(`${path.basename(script)} exited with ${code}: ${stderr}`));
      const [rssKb, user, system] = readFileSync(rssFile, 'utf8')
        .trim()
        .split('\n')
        .pop()
        .split(' ')
        .map(Number);
      resolve({ ms, rssKb, cpuMs: (user + system) * 1000, stdout });
    });
  });
}

function exitHook(file) {
  return `import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(${JSON.stringify(file)},(({maxRSS,userCPUTime,systemCPUTime})=>maxRSS+' '+userCPUTime/1e6+' '+systemCPUTime/1e6)(process.resourceUsage())));`;
}

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'clever-notify-bench-'));
const home = mkdtempSync(path.join(os.tmpdir(), 'clever-notify-bench-home-'));
const sandbox = await startSandbox(dataDir);
try {
  const orgId = (await request(sandbox, 'GET', '/v2/organisations')).find((o) => o.id.startsWith('orga_')).id;
  const env = {
    PATH: process.env.PATH,
    HOME: home,
    ...sandbox.vars,
    CONFIGURATION_FILE: path.join(home, 'none.json'),
    CLEVER_NOTIFY_CONFIG_DIR: path.join(home, 'settings'),
    NO_COLOR: '1',
  };
  const args = ['webhooks', '--org', orgId, '-F', 'json'];
  const rssFile = path.join(home, 'rss');
  const ours = [];
  const theirs = [];
  // Warm the file cache for both, then alternate so that a busy machine slows both alike.
  await measure(CLI, args, env, rssFile);
  await measure(CLEVER, args, env, rssFile);
  for (let i = 0; i < RUNS; i++) {
    ours.push(await measure(CLI, args, env, rssFile));
    theirs.push(await measure(CLEVER, args, env, rssFile));
  }
  const sameIds = (run) =>
    JSON.parse(run.stdout)
      .map((h) => h.id)
      .sort()
      .join(',');
  if (sameIds(ours[0]) !== sameIds(theirs[0])) throw new Error('the two CLIs did not list the same webhooks');

  const oursMs = median(ours.map((r) => r.ms));
  const theirsMs = median(theirs.map((r) => r.ms));
  const oursMb = Math.max(...ours.map((r) => r.rssKb)) / 1024;
  const theirsMb = Math.max(...theirs.map((r) => r.rssKb)) / 1024;
  const oursCpu = median(ours.map((r) => r.cpuMs));
  const theirsCpu = median(theirs.map((r) => r.cpuMs));
  const ratio = theirsMs / oursMs;
  const row = (name, ms, cpu, mb) =>
    `${name.padEnd(16)} ${ms.toFixed(0).padStart(6)} ms  ${cpu.toFixed(0).padStart(5)} ms CPU  ${mb.toFixed(1).padStart(6)} MB`;
  console.log(`webhooks --org ${orgId} -F json, medians of ${RUNS} runs, peak RSS over all runs`);
  console.log(row('clever-notify', oursMs, oursCpu, oursMb));
  console.log(row('clever (4.11)', theirsMs, theirsCpu, theirsMb));
  console.log(
    `ratio            ${ratio.toFixed(1)}x faster (CPU time ${(theirsCpu / oursCpu).toFixed(1)}x)   (target >= 8x)`,
  );
  console.log(`clever-notify    ${oursMb < 80 ? 'under' : 'OVER'} 80 MB   (target < 80 MB)`);
} finally {
  await stopSandbox(sandbox);
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(home, { recursive: true, force: true });
}

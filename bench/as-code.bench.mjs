// Notifications as code at scale: `plan` and `apply` of 500 webhooks across 10 owners against the
// built binary's sandbox, with the number of requests each makes (counted from CLEVER_NOTIFY_DEBUG's
// one line per request). Target: at most one /v2/summary, one list per owner and kind in the file,
// and one write per change. Baselines of the same run: a bare `node -e 0`, the same writes sent
// straight over keep-alive HTTP by this script, and clever-tools adding hooks one command at a time.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CLI, median, pool, request, startSandbox, stopSandbox } from './support.mjs';

const CLEVER = new URL('../node_modules/clever-tools/bin/clever.js', import.meta.url).pathname;
const OWNERS = 10;
const HOOKS = 500;
const CHANGED = 50;
const CLEVER_RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Runs a command to its end: wall time, exit code, output, and the requests it logged. */
function run(script, args, env) {
  const begin = performance.now();
  const child = spawn(process.execPath, [script, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => {
    stdout += c;
  });
  child.stderr.on('data', (c) => {
    stderr += c;
  });
  return new Promise((resolve) => {
    child.once('exit', (code) => {
      const requests = stderr.split('\n').filter((l) => l.startsWith('debug: ')).length;
      resolve({ ms: performance.now() - begin, code, stdout, stderr, requests });
    });
  });
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'clever-notify-bench-as-code-'));
const dataDir = path.join(dir, 'data');

// Ten owners: the seeded three, and seven organisations added to the stopped sandbox's snapshot,
// each with two apps (the sandbox's API creates no organisation).
let sandbox = await startSandbox(dataDir);
await stopSandbox(sandbox);
const snapshotPath = path.join(dataDir, 'world.snapshot.json');
const snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8'));
const world = snapshot.state;
const template = world.applications[0];
for (let i = 1; i <= OWNERS - 3; i++) {
  const org = { id: `orga_${crypto.randomUUID()}`, name: `Bench org ${i}`, role: 'ADMIN' };
  world.organisations.push(org);
  for (const name of ['web', 'worker']) {
    world.applications.push({ ...template, id: `app_${crypto.randomUUID()}`, ownerId: org.id, name });
  }
}
writeFileSync(snapshotPath, JSON.stringify(snapshot));

sandbox = await startSandbox(dataDir);
try {
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    ...sandbox.vars,
    CONFIGURATION_FILE: path.join(dir, 'none.json'),
    CLEVER_NOTIFY_CONFIG_DIR: path.join(dir, 'settings'),
    NO_COLOR: '1',
  };
  const debugEnv = { ...env, CLEVER_NOTIFY_DEBUG: '1' };
  const summary = await request(sandbox, 'GET', '/v2/summary');
  const owners = [summary.user, ...summary.organisations];
  if (owners.length !== OWNERS) throw new Error(`expected ${OWNERS} owners, found ${owners.length}`);

  // The file: 50 webhooks per owner, every fifth scoped to the owner's first app by name.
  const perOwner = HOOKS / OWNERS;
  const fileFor = (urlOf) => {
    const lines = ['version: 1', 'owners:'];
    for (const owner of owners) {
      lines.push(`  - name: ${JSON.stringify(owner.name)}`, `    id: ${owner.id}`, '    webhooks:');
      for (let h = 0; h < perOwner; h++) {
        lines.push(
          `      - name: hook ${String(h).padStart(3, '0')}`,
          `        urls: [{format: raw, url: "${urlOf(owner, h)}"}]`,
          '        events: [META_DEPLOYMENT_RESULT]',
        );
        if (h % 5 === 0 && owner.applications[0]) lines.push(`        apps: [${owner.applications[0].name}]`);
      }
    }
    return `${lines.join('\n')}\n`;
  };
  const url = (owner, h) => `https://hooks.bench.example/${owner.id.slice(5, 13)}/${h}`;
  const file = path.join(dir, 'hooks.yaml');
  // Owners already have seeded webhooks: --prune is off, so they are kept and not counted.
  writeFileSync(file, fileFor(url));

  // plan exits 2 when there are changes, 0 when there are none.
  const check = (what, result, limit) => {
    const expected = what.startsWith('plan') && !what.includes('nothing') ? 2 : 0;
    if (result.code !== expected) {
      throw new Error(`${what} exited with ${result.code}: ${result.stderr.slice(-500)}`);
    }
    const ok = result.requests <= limit;
    console.log(
      `${what.padEnd(36)} ${String(Math.round(result.ms)).padStart(6)} ms   ${String(result.requests).padStart(4)} requests (limit ${limit}) ${ok ? 'ok' : 'OVER'}`,
    );
    return ok;
  };
  const lists = 1 + OWNERS;
  let within = true;
  within = check('plan, 500 to add', await run(CLI, ['plan', '-f', file], debugEnv), lists + HOOKS) && within;
  const applied = await run(CLI, ['apply', '-f', file, '--yes'], debugEnv);
  within = check('apply, 500 added', applied, lists + HOOKS) && within;
  within = check('plan, nothing to do', await run(CLI, ['plan', '-f', file], debugEnv), lists) && within;
  within =
    check('apply, nothing to do', await run(CLI, ['apply', '-f', file, '--yes'], debugEnv), lists) && within;

  const before = new Map();
  for (const owner of owners) {
    for (const hook of await request(sandbox, 'GET', `/v2/notifications/webhooks/${owner.id}`))
      before.set(hook.urls[0].url, hook.id);
  }
  const edited = path.join(dir, 'edited.yaml');
  // One URL in ten changed: 50 edits in place.
  writeFileSync(
    edited,
    fileFor((owner, h) => (h % 10 === 0 ? `${url(owner, h)}/v2` : url(owner, h))),
  );
  within =
    check('plan, 50 URLs changed', await run(CLI, ['plan', '-f', edited], debugEnv), lists + CHANGED) &&
    within;
  const changed = await run(CLI, ['apply', '-f', edited, '--yes'], debugEnv);
  within = check('apply, 50 URLs changed', changed, lists + CHANGED) && within;
  let kept = 0;
  for (const owner of owners) {
    for (const hook of await request(sandbox, 'GET', `/v2/notifications/webhooks/${owner.id}`)) {
      if (hook.urls[0].url.endsWith('/v2') && before.get(hook.urls[0].url.slice(0, -3)) === hook.id) kept++;
    }
  }
  console.log(`hooks edited in place, keeping their id: ${kept} of ${CHANGED}`);

  // Baselines.
  const bare = [];
  for (let i = 0; i < 5; i++) bare.push((await run('-e', ['0'], env)).ms);
  const direct = performance.now();
  const scratch = owners[1].id;
  const ids = [];
  await pool(HOOKS, 1, async (i) => {
    ids.push(
      (
        await request(sandbox, 'POST', `/v2/notifications/webhooks/${scratch}`, {
          name: `direct ${i}`,
          urls: [{ format: 'raw', url: `https://direct.bench.example/${i}` }],
          events: ['META_DEPLOYMENT_RESULT'],
        })
      ).id,
    );
  });
  const directMs = performance.now() - direct;
  const cleverMs = [];
  for (let i = 0; i < CLEVER_RUNS; i++) {
    const result = await run(
      CLEVER,
      [
        'webhooks',
        'add',
        `clever ${i}`,
        `https://clever.bench.example/${i}`,
        '--org',
        scratch,
        '--event',
        'META_DEPLOYMENT_RESULT',
      ],
      env,
    );
    if (result.code !== 0)
      throw new Error(`clever webhooks add exited with ${result.code}: ${result.stderr}`);
    cleverMs.push(result.ms);
  }
  const perHook = median(cleverMs);
  console.log(`bare node -e 0 (median of 5):         ${Math.round(median(bare))} ms`);
  console.log(
    `500 POSTs straight over keep-alive:   ${Math.round(directMs)} ms   (apply of 500 takes ${(applied.ms / directMs).toFixed(2)}x that)`,
  );
  console.log(
    `clever webhooks add, one hook:        ${Math.round(perHook)} ms median of ${CLEVER_RUNS}   (500 that way ≈ ${Math.round((perHook * HOOKS) / 1000)} s, ${((perHook * HOOKS) / applied.ms).toFixed(0)}x the apply)`,
  );
  if (!within) {
    console.log(
      'FAIL: a command made more requests than one summary, one list per owner and one write per change',
    );
    process.exitCode = 1;
  }
} finally {
  await stopSandbox(sandbox);
  rmSync(dir, { recursive: true, force: true });
}

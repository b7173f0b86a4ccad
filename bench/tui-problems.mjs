// The Problems section of `npm run bench tui` (bench/tui.bench.mjs): keypress-to-frame in the TUI's
// Problems view (!) over 2,000 webhooks across 20 owners, every one of them a problem (half DISABLED
// after failures, half with a failed delivery in the last hour). Target: < 50 ms median.
import { randomUUID } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { benchUser, spread, startSandbox, stopSandbox } from './support.mjs';

const OWNERS = 20;
const HOOKS = 2000;
const APPS_PER_NEW_OWNER = 5;

/** The seeded world plus organisations up to 20 owners and 2,000 failing webhooks, in its snapshot. */
async function seedWorld(dataDir) {
  await stopSandbox(await startSandbox(dataDir));
  const file = path.join(dataDir, 'world.snapshot.json');
  const snapshot = JSON.parse(readFileSync(file, 'utf8'));
  const { state } = snapshot;
  const template = state.applications[0];
  while (state.organisations.length + 1 < OWNERS) {
    const org = { id: `orga_${randomUUID()}`, name: `Team ${state.organisations.length + 1}`, role: 'ADMIN' };
    state.organisations.push(org);
    for (let i = 0; i < APPS_PER_NEW_OWNER; i++)
      state.applications.push({ ...template, id: `app_${randomUUID()}`, ownerId: org.id, name: `svc-${i}` });
  }
  const owners = [state.user.id, ...state.organisations.map((o) => o.id)];
  const now = Date.now();
  for (let i = 0; i < HOOKS; i++) {
    const url = `https://hooks.example.com/h/${i}`;
    const failure = (ago) => ({ url, status: 502, createdAt: new Date(now - ago).toISOString() });
    const disabled = i % 2 === 0;
    state.webhooks.push({
      id: randomUUID(),
      ownerId: owners[i % owners.length],
      name: `hook-${String(i).padStart(4, '0')}`,
      urls: [{ format: 'raw', url }],
      events: ['META_DEPLOYMENT_RESULT'],
      createdAt: new Date(now - 86_400_000 * 30).toISOString(),
      failures: disabled
        ? [failure(3_600_000 + i * 1000), failure(3_000_000 + i * 1000)]
        : [failure(i * 1000)],
      state: disabled ? 'DISABLED' : 'ENABLED',
    });
  }
  writeFileSync(file, JSON.stringify(snapshot));
}

/**
 * Opens the TUI on that world, opens the Problems view once every problem is listed, and times `j`.
 * `open`, `latency` and `closeTui` are tui.bench.mjs's, so that the figures are measured alike.
 */
export async function problemsViewLatency(dir, { open, latency, closeTui, samples = 50 }) {
  const user = benchUser(dir);
  await seedWorld(user.dataDir);
  const sandbox = await startSandbox(user.dataDir);
  try {
    const tui = open(user.env);
    await tui.waitFor('Owners');
    tui.write('!');
    // Every owner's hooks are in: the view counts at least the 2,000 problems.
    await tui.waitFor(/\b20\d\d problems/);
    const times = await latency(tui, 'j', samples);
    await closeTui(tui);
    return `keypress-to-frame, Problems view of ${HOOKS} failing webhooks across ${OWNERS} owners: min / median / max ${spread(times, 1)} ms  [target < 50 ms median]`;
  } finally {
    await stopSandbox(sandbox);
  }
}

// `clever-notify sandbox trigger …` as a user runs it: the built binary, finding the sandbox by its
// environment lines or by --data.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startActivity } from '../../source/sandbox/events/activity.js';
import type { SandboxEvent } from '../../source/sandbox/events/event-bus.js';
import { createEventsPlugin, sandboxEvents } from '../../source/sandbox/extensions/events-plugin.js';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from './support.js';

const CLI = path.resolve('dist/cli.js');
const run = promisify(execFile);
let sandbox: TestSandbox;
const seen: SandboxEvent[] = [];

beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first');
  sandbox = await startTestSandbox({ tls: true, plugins: [createEventsPlugin()] });
  sandboxEvents(sandbox)!.bus.subscribe((e) => seen.push(e));
});
afterAll(() => sandbox.close());

async function cli(args: string[], env: Record<string, string>) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH ?? '', HOME: sandbox.dataDir, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('sandbox trigger', () => {
  it('deploys through the environment lines of a TLS sandbox', async () => {
    const { apps } = seedIds(sandbox);
    const out = await cli(
      ['sandbox', 'trigger', 'deploy', '--app', apps.blog.id, '--duration', '100', '--fail'],
      sandbox.env,
    );
    expect(out.stderr).toBe('');
    expect(out.stdout).toMatch(
      /^deployment [0-9a-f-]{36} of app_\S+ started \(WIP\); it ends FAIL in 0\.1 s\n$/,
    );
    await waitFor(() => seen.some((e) => e.envelope.event === 'DEPLOYMENT_FAIL'));
  });

  it('sends an event through --data, without any environment', async () => {
    const { acme } = seedIds(sandbox);
    const out = await cli(
      ['sandbox', 'trigger', 'event', 'credits_added', '--org', acme.id, '--data', sandbox.dataDir],
      {
        CONFIGURATION_FILE: path.join(sandbox.dataDir, 'none.json'),
        CLEVER_NOTIFY_SANDBOX_DATA: path.join(sandbox.dataDir, 'elsewhere'),
      },
    );
    expect(out.stdout).toMatch(/^CREDITS_ADDED sent \(event [0-9a-f-]{36}\)\n$/);
    const event = seen.find((e) => e.envelope.event === 'CREDITS_ADDED')!;
    expect(event.ownerId).toBe(acme.id);
  });

  it('says what is wrong: an unknown event, a missing subject, no sandbox', async () => {
    const unknown = await cli(['sandbox', 'trigger', 'event', 'DEPLOY', '--org', 'x'], sandbox.env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /^clever-notify: unknown event "DEPLOY"( \(did you mean [A-Z_, ]+\?\))?: run `clever-notify events` for the list$/m,
    );
    const subject = await cli(['sandbox', 'trigger', 'event', 'GIT_PUSH'], sandbox.env);
    expect(subject.stderr).toMatch(/--app ID or --org OWNER_ID/);
    const wrongKind = await cli(
      ['sandbox', 'trigger', 'event', 'GIT_PUSH', '--org', seedIds(sandbox).acme.id],
      sandbox.env,
    );
    expect(wrongKind.stderr).toMatch(/GIT_PUSH is about an application: give appId/);
    const none = await cli(['sandbox', 'trigger', 'deploy', '--app', 'app_x'], {
      CONFIGURATION_FILE: path.join(sandbox.dataDir, 'none.json'),
      CLEVER_NOTIFY_SANDBOX_DATA: path.join(sandbox.dataDir, 'elsewhere'),
    });
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/no sandbox found: start one with `clever-notify sandbox`/);
  });
});

describe('simulated activity', () => {
  it('makes deployments and events happen every few (here: milliseconds)', async () => {
    const events = sandboxEvents(sandbox)!;
    const before = seen.length;
    const activity = startActivity({
      store: sandbox.store,
      bus: events.bus,
      deployments: events.deployments,
      minGapMs: 1,
      maxGapMs: 5,
    });
    try {
      await waitFor(() => seen.length - before >= 20);
    } finally {
      activity.stop();
    }
    const types = new Set(seen.slice(before).map((e) => e.envelope.event));
    expect(types.has('DEPLOYMENT_ACTION_BEGIN')).toBe(true);
  });
});

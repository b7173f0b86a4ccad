// The built binary in a real terminal: the Problems view (!) lists a webhook of another owner than
// the one on screen as soon as the sandbox disables it after its receiver answered 410, the owners
// show their problem counts, Enter goes to it; then on it, E re-enables it after a confirmation that
// shows its last failure, and y copies its id (the status line says so). At 120×36, then 80×24.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { builtTuiCommand, startTmux, type Tmux } from './tmux.js';

const root = path.resolve(import.meta.dirname, '../..');
const BINARY = path.join(root, 'dist/cli.js');

let dir: string;
let sandbox: TestSandbox;
let term: Tmux | undefined;
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  if (!existsSync(BINARY)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  dir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-e2e-problems-'));
  await mkdir(path.join(dir, 'home'), { recursive: true });
  sandbox = await startTestSandbox({
    dataDir: path.join(dir, 'data'),
    plugins: [createEventsPlugin({ retryBaseMs: 50 })],
  });
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(410).end('gone'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  term?.kill();
  await new Promise((resolve) => receiver?.close(resolve));
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The owners list's line of an owner (the left column). */
function ownerLine(screen: string, name: RegExp): string {
  return screen.split('\n').find((line) => name.test(line.slice(0, 36))) ?? '';
}

describe('the Problems view of the built binary', () => {
  it('shows a hook of another owner disabled by a 410, goes to it, re-enables it and copies its id', async () => {
    const { acme } = seedIds(sandbox);
    const billing = sandbox.store.applications(acme.id).find((a) => a.name === 'billing-worker')!;
    // Only this hook hears a GIT_PUSH of billing-worker.
    const gone = await sandbox.store.createWebhook(acme.id, {
      name: 'gone receiver',
      urls: [{ format: 'raw', url: receiverUrl }],
      events: ['GIT_PUSH'],
      scope: [billing.id],
    });
    term = startTmux(builtTuiCommand(BINARY, path.join(dir, 'home'), sandbox.dataDir), 120, 36);
    await term.waitFor('Welcome to clever-notify');
    term.send('Escape');
    // The personal space is on screen.
    await term.waitFor('Personal notifier');
    term.send('!');
    await term.waitFor(/recommendations +Acme Shop +deployment failed/);
    await term.waitFor(/Old CI trigger +Lovelace Labs +disabled after HTTP 502/);

    const pushed = await sandboxFetch(sandbox, '/sandbox/v1/events', {
      method: 'POST',
      json: { event: 'GIT_PUSH', appId: billing.id },
    });
    expect(pushed.status).toBe(202);
    // No key pressed: the hook stream brings it.
    const listed = await term.waitFor(/gone receiver +Acme Shop +disabled after HTTP 410/, 10_000);
    expect(listed).toContain('Problems of every owner');

    term.send('Escape');
    const counts = await term.waitFor(/Acme Shop +5( apps)? · 2 ✗/);
    expect(ownerLine(counts, /Lovelace Labs/)).toMatch(/3( apps)? · 1 ✗/);

    term.send('!', 'g', 'Enter');
    const jumped = await term.waitFor(/› [0-9a-f]+ +gone receiver .*disabled/);
    expect(jumped).not.toContain('Problems of every owner');
    expect(ownerLine(jumped, /Acme Shop/)).toContain('›');

    // The narrow terminal keeps the view and its facts.
    term.resize(80, 24);
    term.send('!');
    await term.waitFor(/gone receiver +Acme Shop +disabled after HTTP 410/);
    term.send('Escape');
    await term.waitForNo('Problems of every owner');

    // §3 on it: E shows its last failure and asks; y sends it back, enabled.
    term.send('E');
    const confirm = await term.waitFor('Re-enable the webhook "gone receiver"?');
    expect(confirm).toContain('It was disabled after these failures:');
    expect(confirm).toMatch(/HTTP 410/);
    term.send('y');
    await term.waitFor('Re-enabled gone receiver');
    expect(sandbox.store.webhook(acme.id, gone.id)?.state).toBe('ENABLED');
    term.send('Escape');
    // Sent back, its failures are cleared: it is no problem any more (and no ✗ marks its row).
    // At 80 columns the owners keep the counts only (every owner in the same form).
    const enabled = await term.waitFor(/Acme Shop +1 ✗/);
    expect(enabled.split('\n').find((line) => line.includes('› gone receiver'))).not.toContain('✗');

    // y on the list copies the id (OSC 52) and says so; tmux, told to take OSC 52, has it in its buffer.
    term.command('set-option', '-s', 'set-clipboard', 'on');
    term.send('y');
    await term.waitFor('Copied the id of gone receiver.');
    expect(term.command('show-buffer')).toBe(gone.id);

    term.send('q');
    await term.waitFor('EXIT=0');
  }, 90_000);
});

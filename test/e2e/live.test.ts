// The built binary in a real terminal shows what is true now, with no key pressed: a webhook that
// the sandbox disables after its receiver answered 410, and a hook added by the official clever CLI.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCleverApi } from '../../source/api/client.js';
import { resolveCredentials } from '../../source/api/credentials.js';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { runClever } from '../support/clever-cli.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../tail/wait.js';
import { builtTuiCommand, startTmux, type Tmux } from './tmux.js';

const root = path.resolve(import.meta.dirname, '../..');
const binary = path.join(root, 'dist/cli.js');

let dir: string;
let sandbox: TestSandbox;
let api: HttpCleverApi;
let term: Tmux | undefined;
let receiver: Server;
let receiverUrl: string;
/** When the receiver answered 410, for the 2 s budget. */
let refusedAt: number | undefined;

beforeAll(async () => {
  if (!existsSync(binary)) execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: root });
  dir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-e2e-live-'));
  await mkdir(path.join(dir, 'home'), { recursive: true });
  sandbox = await startTestSandbox({
    dataDir: path.join(dir, 'data'),
    plugins: [createEventsPlugin({ retryBaseMs: 50 })],
  });
  const credentials = await resolveCredentials(sandbox.env);
  api = new HttpCleverApi(credentials!, { kind: 'sandbox', retries: 0 });
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      refusedAt ??= Date.now();
      res.writeHead(410).end('gone');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  term?.kill();
  await api?.close();
  await new Promise((resolve) => receiver?.close(resolve));
  await sandbox?.close();
  await rm(dir, { recursive: true, force: true });
});

function tuiCommand(): string {
  return builtTuiCommand(binary, path.join(dir, 'home'), sandbox.dataDir);
}

function clever(args: string[]): Promise<{ code: number; output: string }> {
  return runClever(args, { env: sandbox.env, home: path.join(dir, 'clever-home') });
}

/** The table line under the cursor. */
function selectedLine(screen: string): string {
  return screen.split('\n').find((line) => /│ › /.test(line) && line.lastIndexOf('│ › ') > 10) ?? '';
}

describe('the built binary follows the live model', () => {
  it('shows a hook DISABLED after a 410 and a hook added by the clever CLI, with no key, the cursor kept', async () => {
    const { acme, apps } = seedIds(sandbox);
    const gone = await api.addWebhook(acme.id, {
      name: 'gone receiver',
      urls: [{ format: 'raw', url: receiverUrl }],
      events: ['META_DEPLOYMENT_RESULT'],
    });
    term = startTmux(tuiCommand());
    await term.waitFor('Welcome to clever-notify');
    term.send('Escape');
    await term.waitFor('Acme Shop');
    // Acme Shop, its hooks, and the cursor on "gone receiver".
    term.send('j', 'Tab', 'Tab', '/');
    term.type('gone');
    term.send('Enter');
    await term.waitFor(/›[^\n]*gone receiver/);
    term.send('Escape');
    // Esc clears the filter and keeps the row.
    const before = await term.waitForNo('Filter: /gone');
    expect(selectedLine(before)).toContain('gone receiver');
    expect(selectedLine(before)).toContain('enabled');

    const deployment = await sandboxFetch(sandbox, '/sandbox/v1/deployments', {
      method: 'POST',
      json: { appId: apps.shopFront.id, durationMs: 10 },
    });
    expect(deployment.status).toBe(202);
    await waitFor(() => refusedAt !== undefined, 15_000, 'the 410 answer');
    const disabled = await term.waitFor(/›[^\n]*gone receiver.*disabled/, 2000);
    expect(Date.now() - refusedAt!).toBeLessThan(2000 + 500);
    // In place: the cursor is still on it, and the status line says which and why.
    expect(selectedLine(disabled)).toContain('gone receiver');
    expect(disabled).toMatch(/gone receiver disabled/);
    expect((await api.listWebhooks(acme.id)).find((h) => h.id === gone.id)?.state).toBe('DISABLED');

    const added = await clever([
      'webhooks',
      'add',
      'from the cli',
      'https://example.org/cli',
      '--org',
      'Acme Shop',
    ]);
    expect(added.code, added.output).toBe(0);
    const writtenAt = Date.now();
    const screen = await term.waitFor('from the cli', 2000);
    expect(Date.now() - writtenAt).toBeLessThan(2000);
    expect(selectedLine(screen)).toContain('gone receiver');

    term.send('q');
    await term.waitFor('EXIT=0');
  }, 60_000);
});

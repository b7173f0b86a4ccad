// The Activity tab on its own, rendered with ink-testing-library against a real sandbox (socket,
// deployments, delivery log) and a real webhook receiver. Waits for frames, never sleeps.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { render } from 'ink-testing-library';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { HttpCleverApi } from '../../source/api/client.js';
import { resolveCredentials } from '../../source/api/credentials.js';
import { createLiveModel } from '../../source/api/live/live-store.js';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { ActivityPane } from '../../source/ui/activity/activity-pane.js';
import { KeypressProvider } from '../../source/ui/keys/keypress.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let sandbox: TestSandbox;
let api: HttpCleverApi;
let credentials: { apiHost: string; authorization: () => string };
let receiver: Server;
let receiverUrl: string;
let hits = 0;

beforeAll(async () => {
  sandbox = await startTestSandbox({ plugins: [createEventsPlugin({ retryBaseMs: 100 })] });
  const resolved = (await resolveCredentials(sandbox.env))!;
  api = new HttpCleverApi(resolved, { kind: 'sandbox' });
  credentials = { apiHost: resolved.apiHost, authorization: resolved.authorization };
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits++;
      res.writeHead(200, { 'content-type': 'text/plain' }).end('thanks from the receiver');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  await api?.close();
  await sandbox?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

const strip = (text: string) => text.replace(/\u001B\[[0-9;?]*[ -/]*[@-~]/g, '');

describe('the Activity tab', () => {
  it('shows a deployment going from WIP to OK with its delivery, pauses, filters and opens the delivery', async () => {
    const { user, apps } = seedIds(sandbox);
    const hook = await api.addWebhook(user.id, {
      name: 'my receiver',
      urls: [{ format: 'raw', url: receiverUrl }],
      events: ['DEPLOYMENT_SUCCESS'],
    });
    // The TUI's live model, as the App makes it.
    const live = createLiveModel({ api, credentials, flushIntervalMs: 100 });
    void live.load();
    const instance = render(
      <KeypressProvider>
        <ActivityPane
          live={live}
          api={api}
          credentials={credentials}
          ownerId={user.id}
          appId={undefined}
          names={new Map()}
          width={110}
          height={20}
          focused
        />
      </KeypressProvider>,
    );
    const frame = () => strip(instance.lastFrame() ?? '');
    const waitFor = (test: RegExp, timeout = 8000) =>
      vi.waitFor(
        () => {
          if (!test.test(frame())) throw new Error(`no ${test} in:\n${frame()}`);
        },
        { timeout, interval: 10 },
      );
    // Ink holds a lone Escape until the next turn to see whether a sequence follows: let it run.
    const press = async (key: string) => {
      instance.stdin.write(key);
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    };
    const deploy = (durationMs: number) =>
      sandboxFetch(sandbox, '/sandbox/v1/deployments', {
        method: 'POST',
        json: { appId: apps.blog.id, durationMs },
      });
    try {
      // Ready when the socket is in and the delivery log too (the header names what is not connected).
      await waitFor(/● connected( · polling deployments)? · \d+\/\d+ rows kept/);
      await deploy(600);
      await waitFor(/DEPLOYMENT_ACTION_BEGIN +blog WIP/);
      await waitFor(/DEPLOYMENT_SUCCESS +blog OK/);
      // The outcome first, then the hook and its host.
      await waitFor(/↳ 200 attempt 1 delivered +my receiver 127\.0\.0\.1:\d+/);
      expect(frame()).not.toMatch(/WIP/);

      await press(' ');
      await waitFor(/PAUSED/);
      await deploy(10);
      await waitFor(/PAUSED \(\d+ new\)/);
      await press(' ');
      await vi.waitFor(() => {
        if (/PAUSED/.test(frame()) || frame().match(/DEPLOYMENT_SUCCESS +blog OK/g)?.length !== 2) {
          throw new Error(`not resumed:\n${frame()}`);
        }
      });

      await press('/');
      for (const ch of 'failed') await press(ch);
      await waitFor(/Nothing matches the filter/);
      await press('\u001B');
      await vi.waitFor(() => {
        if (/Nothing matches|\/failed/.test(frame())) throw new Error(`filter still on:\n${frame()}`);
      });

      // The newest row, then its delivery line: open it.
      await press('j');
      await waitFor(/› +↳ 200 attempt 1 delivered +my receiver/);
      await press('\r');
      await waitFor(/Request body/);
      expect(frame()).toMatch(/Response excerpt/);
      expect(frame()).toMatch(/thanks from the receiver|#1 /);
      await press('\u001B');
      await waitFor(/DEPLOYMENT_SUCCESS +blog OK/);

      // r on the same delivery: the sandbox sends it again, and the receiver gets it.
      const before = hits;
      // r names the hook and its URL first; y confirms.
      await press('r');
      await waitFor(/Redeliver to my receiver at 127\.0\.0\.1:\d+\/hook\? {2}y yes/);
      await press('y');
      await waitFor(/Redelivery queued/);
      await vi.waitFor(() => {
        if (hits <= before) throw new Error('no redelivery reached the receiver');
      });
    } finally {
      instance.unmount();
      live.close();
      await api.removeWebhook(user.id, hook.id);
    }
  });
});

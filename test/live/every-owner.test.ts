// The live model across owners (the TUI's Problems view): every owner's hooks and the apps' last
// deployments, a few requests at once and a bounded number of apps; on Clever Cloud (a proxy with no
// sandbox extension) a hook disabled in an owner nobody watches shows at the next periodic listing,
// and a failed deployment is the app's last one as soon as the socket says it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCleverApi } from '../../source/api/client.js';
import { resolveCredentials } from '../../source/api/credentials.js';
import { appsToSweep, sweepEveryOwner } from '../../source/api/live/every-owner.js';
import type { LiveOwner } from '../../source/api/live/live-model.js';
import { createLiveModel } from '../../source/api/live/live-store.js';
import { LIST_CONCURRENCY } from '../../source/api/map-limit.js';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { startCleverCloudProxy } from '../support/clever-cloud-proxy.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../tail/wait.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox({ plugins: [createEventsPlugin({ retryBaseMs: 50 })] });
});
afterAll(async () => {
  await sandbox?.close();
});

function owner(id: string, apps: number): LiveOwner {
  const list = Array.from({ length: apps }, (_, i) => ({ id: `${id}-app${i}`, name: `a${i}`, state: '' }));
  return { id, name: id, kind: 'organisation', apps: list, addons: [] };
}

describe('sweepEveryOwner', () => {
  it('asks each owner in turn up to the bound, never more than a few requests at once', async () => {
    const owners = [owner('o1', 5), owner('o2', 1), owner('o3', 3)];
    expect(appsToSweep(owners, 4).map((a) => a.appId)).toEqual(['o1-app0', 'o2-app0', 'o3-app0', 'o1-app1']);
    let running = 0;
    let most = 0;
    const asked: string[] = [];
    const slow = async <T>(value: T): Promise<T> => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      return value;
    };
    const answers = new Map<string, unknown>();
    const { appsLeftOut } = await sweepEveryOwner({
      api: {
        deployments: (_owner, appId) => {
          asked.push(appId);
          return slow(appId === 'o3-app0' ? [{ uuid: 'd', date: 7, state: 'FAIL' as const }] : []);
        },
      },
      owners,
      loadHooks: () => slow(undefined),
      onDeployment: (appId, last) => answers.set(appId, last),
      known: (appId) => appId === 'o1-app1',
      maxApps: 6,
    });
    expect(most).toBeLessThanOrEqual(LIST_CONCURRENCY);
    expect(asked).toHaveLength(5);
    expect(asked).not.toContain('o1-app1');
    expect(appsLeftOut).toBe(3);
    expect(answers.get('o3-app0')).toEqual({ uuid: 'd', state: 'FAIL', at: 7 });
    expect(answers.get('o2-app0')).toBeNull();
  });
});

describe('watchEveryOwner on Clever Cloud', () => {
  it('lists every owner, learns the last deployments, and follows a hook disabled in an unwatched owner', async () => {
    const proxy = await startCleverCloudProxy(sandbox.url);
    const credentials = (await resolveCredentials({ ...sandbox.env, API_HOST: proxy.url }))!;
    const api = new HttpCleverApi(credentials, { retries: 0 });
    const store = createLiveModel({ api, credentials, hookRefreshMs: 300, flushIntervalMs: 10 });
    const { user, acme, labs, apps } = seedIds(sandbox);
    const recommendations = sandbox.store.applications(acme.id).find((a) => a.name === 'recommendations')!;
    try {
      await store.load();
      expect(store.getSnapshot().target.kind).toBe('clever-cloud');
      const releaseLive = store.watch();
      const release = store.watchEveryOwner();
      await waitFor(
        () => {
          const s = store.getSnapshot();
          return !s.everyOwner.loading && [user, acme, labs].every((o) => s.hooks.get(o.id)?.webhooks.data);
        },
        10_000,
        'every owner',
      );
      const snapshot = store.getSnapshot();
      expect(snapshot.lastDeployments.get(recommendations.id)?.state).toBe('FAIL');
      expect(snapshot.everyOwner.appsLeftOut).toBe(0);

      // Behind the client's back, in an owner nobody watches: the periodic listing brings it.
      const slack = sandbox.store.webhooks(acme.id).find((h) => h.name === 'Slack #deploys')!;
      await sandbox.store.setWebhookState(acme.id, slack.id, 'DISABLED');
      await waitFor(
        () =>
          store
            .getSnapshot()
            .hooks.get(acme.id)
            ?.webhooks.data?.find((h) => h.id === slack.id)?.state === 'DISABLED',
        5000,
        'the disabled hook',
      );

      // A failed deployment is the app's last one as soon as the socket says it.
      await waitFor(() => store.getSnapshot().connection.socket.state === 'connected', 10_000, 'the socket');
      const started = await sandboxFetch(sandbox, '/sandbox/v1/deployments', {
        method: 'POST',
        json: { appId: apps.blog.id, durationMs: 10, fail: true },
      });
      expect(started.status).toBe(202);
      const { uuid } = (await started.json()) as { uuid: string };
      await waitFor(
        () =>
          store.getSnapshot().lastDeployments.get(apps.blog.id)?.uuid === uuid &&
          store.getSnapshot().lastDeployments.get(apps.blog.id)?.state === 'FAIL',
        10_000,
        'the failed deployment',
      );
      release();
      releaseLive();
    } finally {
      store.close();
      await api.close();
      await proxy.close();
    }
  }, 30_000);
});

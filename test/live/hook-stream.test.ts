import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HttpCleverApi } from '../../source/api/client.js';
import { resolveCredentials } from '../../source/api/credentials.js';
import type { LiveModel } from '../../source/api/live/live-model.js';
import { createLiveModel } from '../../source/api/live/live-store.js';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { runClever } from '../support/clever-cli.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { waitFor } from '../tail/wait.js';

let sandbox: TestSandbox;
let api: HttpCleverApi;
let store: LiveModel;
let ids: ReturnType<typeof seedIds>;
let receiver: Server;
let receiverUrl: string;

beforeAll(async () => {
  sandbox = await startTestSandbox({ plugins: [createEventsPlugin({ retryBaseMs: 50 })] });
  ids = seedIds(sandbox);
  const credentials = (await resolveCredentials(sandbox.env))!;
  // Reached through credentials, as with API_HOST: the API itself must say that it is a sandbox.
  api = new HttpCleverApi(credentials, { retries: 0 });
  store = createLiveModel({ api, credentials, flushIntervalMs: 20 });
  receiver = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(410).end('gone'));
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  store?.close();
  await api?.close();
  await new Promise((resolve) => receiver?.close(resolve));
  await sandbox?.close();
});

function webhooks(ownerId: string) {
  return store.getSnapshot().hooks.get(ownerId)?.webhooks.data ?? [];
}

function clever(args: string[]): Promise<{ code: number; output: string }> {
  return runClever(args, { env: sandbox.env, home: path.join(sandbox.dataDir, 'home') });
}

describe('the live model on a sandbox', () => {
  it('learns from the API that it is a sandbox', async () => {
    expect(api.target.kind).toBe('clever-cloud');
    await store.load();
    expect(store.getSnapshot().target).toMatchObject({ kind: 'sandbox', known: true });
  });

  it('shows a hook disabled by a delivery (410) within 2 s, in place, with a notice', async () => {
    store.watch();
    store.watchOwner(ids.user.id);
    await waitFor(
      () => store.getSnapshot().connection.hooks?.state === 'connected',
      10_000,
      'the hook stream',
    );
    await waitFor(
      () =>
        webhooks(ids.user.id).length > 0 ||
        store.getSnapshot().hooks.get(ids.user.id)?.webhooks.updatedAt !== undefined,
      5000,
      'the hooks',
    );
    const other = await api.addWebhook(ids.user.id, {
      name: 'other',
      urls: [{ format: 'raw', url: 'http://127.0.0.1:9/x' }],
      events: ['CREDITS_ADDED'],
    });
    const gone = await api.addWebhook(ids.user.id, {
      name: 'gone receiver',
      urls: [{ format: 'raw', url: receiverUrl }],
      events: ['META_DEPLOYMENT_RESULT'],
    });
    await waitFor(() => webhooks(ids.user.id).some((h) => h.id === gone.id), 2000, 'the new hook');
    const otherBefore = webhooks(ids.user.id).find((h) => h.id === other.id);
    const position = webhooks(ids.user.id).findIndex((h) => h.id === gone.id);

    const response = await sandboxFetch(sandbox, '/sandbox/v1/deployments', {
      method: 'POST',
      json: { appId: ids.apps.blog.id, durationMs: 10 },
    });
    expect(response.status).toBe(202);
    const delivered = () =>
      store
        .getSnapshot()
        .activity.rows.flatMap((r) => r.deliveries)
        .flatMap((l) => l.attempts)
        .find((a) => a.hookId === gone.id && a.status === 410);
    await waitFor(() => delivered() !== undefined, 10_000, 'the 410 delivery');
    const deliveredAt = delivered()!.at;
    await waitFor(
      () => webhooks(ids.user.id).find((h) => h.id === gone.id)?.state === 'DISABLED',
      5000,
      'DISABLED in the store',
    );
    expect(Date.now() - deliveredAt).toBeLessThan(2000);
    const now = webhooks(ids.user.id);
    expect(now.findIndex((h) => h.id === gone.id)).toBe(position);
    expect(now.find((h) => h.id === gone.id)!.failures.at(-1)?.status).toBe(410);
    // The hooks that did not change keep their object: a view's memoised row does not even render.
    expect(now.find((h) => h.id === other.id)).toBe(otherBefore);
    expect(store.getSnapshot().notices.at(-1)).toMatchObject({
      hookId: gone.id,
      text: 'gone receiver disabled: its receiver answered 410 Gone',
    });
  });

  it('shows a hook added, then removed, by the official clever CLI within 2 s', {
    timeout: 120_000,
  }, async () => {
    store.watchOwner(ids.acme.id);
    await waitFor(
      () => store.getSnapshot().hooks.get(ids.acme.id)?.webhooks.updatedAt !== undefined,
      5000,
      "Acme's hooks",
    );
    const added = await clever([
      'webhooks',
      'add',
      'from-clever-cli',
      'https://example.org/from-cli',
      '--org',
      ids.acme.id,
      '--format',
      'raw',
    ]);
    expect(added.code, added.output).toBe(0);
    const addedAt = Date.now();
    await waitFor(
      () => webhooks(ids.acme.id).some((h) => h.name === 'from-clever-cli'),
      2000,
      'the added hook',
    );
    expect(Date.now() - addedAt).toBeLessThan(2000);
    const id = webhooks(ids.acme.id).find((h) => h.name === 'from-clever-cli')!.id;
    const removed = await clever(['webhooks', 'remove', id, '--org', ids.acme.id]);
    expect(removed.code, removed.output).toBe(0);
    await waitFor(() => !webhooks(ids.acme.id).some((h) => h.id === id), 2000, 'the removal');
  });

  it('applies a local write at once, and its echo from the stream changes nothing', async () => {
    const hook = await api.addWebhook(ids.labs.id, {
      name: 'local',
      urls: [{ format: 'raw', url: 'https://example.org/local' }],
    });
    await store.loadHooks(ids.labs.id);
    store.applyLocalWrite({ type: 'saved', kind: 'webhook', hook });
    const applied = webhooks(ids.labs.id).find((h) => h.id === hook.id);
    expect(applied).toBeDefined();
    // The stream is ordered: once a later change has arrived, the echo of this one has too.
    const marker = await api.addWebhook(ids.labs.id, {
      name: 'marker',
      urls: [{ format: 'raw', url: 'https://example.org/marker' }],
    });
    await waitFor(
      () => webhooks(ids.labs.id).some((h) => h.id === marker.id),
      5000,
      'a later change, after the echo',
    );
    expect(webhooks(ids.labs.id).find((h) => h.id === hook.id)).toBe(applied);
    store.applyLocalWrite({ type: 'removed', kind: 'webhook', ownerId: ids.labs.id, hookId: hook.id });
    expect(webhooks(ids.labs.id).some((h) => h.id === hook.id)).toBe(false);
  });
});

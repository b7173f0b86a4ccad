// E on a DISABLED webhook: a confirmation with its last failures, then the same hook sent back with
// PUT; on an ENABLED one it says so and sends nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, renderApp } from './support.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

describe('re-enabling a webhook', () => {
  it('shows the last failures of a disabled webhook, and re-enables it on yes', async () => {
    const { labs } = seedIds(sandbox);
    const app = await renderApp(sandbox, { size: { columns: 80, rows: 24 } });
    await app.waitFor('Lovelace Labs');
    await app.press('j', 'j');
    await app.waitFor('Old CI trigger');
    await app.press(KEYS.tab, KEYS.tab, 'E');
    const confirm = await app.waitFor('Re-enable the webhook "Old CI trigger"?');
    expect(confirm).toContain('It was disabled after these failures:');
    expect(confirm.match(/HTTP 502/g)).toHaveLength(3);
    // No leaves it as it was.
    await app.press('n');
    await app.waitForNo('Re-enable the webhook');
    expect(sandbox.store.webhooks(labs.id)[0]!.state).toBe('DISABLED');
    // From the details, yes sends it back.
    await app.press(KEYS.enter);
    await app.waitFor('Webhook: Old CI trigger');
    await app.press('E');
    await app.waitFor('Re-enable the webhook "Old CI trigger"?');
    await app.press('y');
    await app.waitFor('Re-enabled Old CI trigger');
    const hook = sandbox.store.webhooks(labs.id).find((h) => h.name === 'Old CI trigger')!;
    expect(hook.state).toBe('ENABLED');
    expect(hook.events).toEqual(['DEPLOYMENT_SUCCESS']);
    expect(hook.urls).toEqual([{ format: 'raw', url: 'https://ci.lovelace-labs.example/hooks/clever' }]);
    await app.unmount();
  });

  it('re-enables a hook the store disabled, and says an enabled hook is already enabled', async () => {
    const { acme } = seedIds(sandbox);
    const slack = sandbox.store.webhooks(acme.id).find((h) => h.name === 'Slack #deploys')!;
    await sandbox.store.setWebhookState(acme.id, slack.id, 'DISABLED');
    const app = await renderApp(sandbox, { size: { columns: 80, rows: 24 } });
    await app.waitFor('Acme Shop');
    await app.press('j');
    await app.waitFor('Audit log');
    await app.press(KEYS.tab, KEYS.tab, '/', 'audit', KEYS.enter, 'E');
    await app.waitFor('Audit log (raw) is already enabled.');
    await app.press(KEYS.esc, '/', 'slack', KEYS.enter, 'E');
    await app.waitFor('It has no failure recorded.');
    await app.press('y');
    await app.waitFor('Re-enabled Slack #deploys');
    expect(sandbox.store.webhooks(acme.id).find((h) => h.id === slack.id)!.state).toBe('ENABLED');
    await app.unmount();
  });
});

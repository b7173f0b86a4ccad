import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../source/sandbox/start.js';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, renderApp } from './support.js';

let sandbox: TestSandbox;
let receiver: http.Server;
let receiverUrl: string;
const received: string[] = [];

beforeAll(async () => {
  sandbox = await startTestSandbox();
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      received.push(body);
      res.end('thanks');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  await sandbox?.close();
  await new Promise((resolve) => receiver?.close(resolve));
});

describe('the wizard on screen', () => {
  it('takes a new user from the welcome screen to a deployment-results webhook with a preset', async () => {
    const ids = seedIds(sandbox);
    const app = await renderApp(sandbox, { showWelcome: true });
    await app.waitFor('Welcome to clever-notify');
    await app.press('a');
    await app.waitFor('Add your first webhook for which owner?');
    await app.press(KEYS.enter);
    expect(await app.waitFor('Deployment results to Slack')).toContain('Failures to an HTTP endpoint');
    await app.press(KEYS.enter);
    await app.waitFor('Name: Deployment results to Slack');
    await app.press(KEYS.enter);
    await app.waitFor('URL:');
    await app.press('https://hooks.slack.com/services/T9/B9/s3cr3t', KEYS.enter);
    const format = await app.waitFor('slack format is proposed');
    expect(format).toMatch(/❯ slack/);
    expect(format).toContain('DEAD TARGET');
    await app.press(KEYS.enter);
    const events = await app.waitFor('Which events');
    expect(events).toContain('[x] META_DEPLOYMENT_RESULT');
    expect(events).toContain('= DEPLOYMENT_FAIL, DEPLOYMENT_SUCCESS');
    expect(events).toContain('1 chosen');
    await app.press(KEYS.enter);
    await app.waitFor('Which apps and add-ons');
    await app.press(KEYS.enter);
    const review = await app.waitFor('The same with clever-tools');
    expect(review).toContain('"META_DEPLOYMENT_RESULT"');
    expect(review).toContain(`POST /v2/notifications/webhooks/${ids.user.id}`);
    expect(review).toContain("clever webhooks add 'Deployment results to Slack'");
    await app.press(KEYS.enter);
    const done = await app.waitFor('Created Deployment results to Slack');
    expect(done).toMatch(/› \S+ Deployment resu/);
    const hooks = await app.api.listWebhooks(ids.user.id);
    expect(hooks.find((h) => h.name === 'Deployment results to Slack')).toMatchObject({
      urls: [{ format: 'slack', url: 'https://hooks.slack.com/services/T9/B9/s3cr3t' }],
      events: ['META_DEPLOYMENT_RESULT'],
    });
    await app.unmount();
  });

  it('says in place why an empty name and an invalid URL are refused, and Esc goes back and forth', async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Personal not');
    await app.press('a');
    await app.waitFor('Start from scratch');
    await app.press('j', 'j', KEYS.enter);
    await app.waitFor('Name:');
    await app.press(KEYS.enter);
    await app.waitFor('A hook needs a name');
    await app.press('Ops', KEYS.enter);
    await app.waitFor('URL:');
    await app.press('htp:/nowhere', KEYS.enter);
    await app.waitFor('Only http and https URLs');
    await app.press(KEYS.esc);
    await app.waitFor('Name: Ops');
    await app.press(KEYS.enter);
    const url = await app.waitFor('URL: htp:/nowhere');
    expect(url).not.toContain('Only http and https');
    await app.press(KEYS.esc, KEYS.esc, KEYS.esc);
    await app.waitFor('Leave the wizard and throw away what you typed?');
    await app.press('y');
    await app.waitFor('Personal not');
    await app.unmount();
  });

  it('hints only the keys of the current step: no Space toggle while typing a name or a URL', async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Personal not');
    await app.press('a');
    await app.waitFor('Start from scratch');
    await app.press('j', 'j', KEYS.enter);
    const name = await app.waitFor('Name:');
    expect(name).toContain('Enter next');
    expect(name).not.toContain('toggle');
    await app.press('Ops', KEYS.enter);
    expect(await app.waitFor('URL:')).not.toContain('toggle');
    await app.press(receiverUrl, KEYS.enter, KEYS.enter);
    expect(await app.waitFor('Which events')).toContain('Space toggle');
    await app.press(KEYS.esc, KEYS.esc, KEYS.esc, KEYS.esc, KEYS.esc, 'y');
    await app.waitFor('Personal not');
    await app.unmount();
  });

  it("replaces a preset's name with what is typed, and edits a field with the line-editing keys", async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Personal not');
    await app.press('a');
    await app.waitFor('Start from scratch');
    await app.press('j', KEYS.enter);
    await app.waitFor('Name: Failures to an HTTP endpoint');
    await app.press('Ops alerts');
    await app.waitFor('Name: Ops alerts');
    expect(app.frame()).not.toContain('endpointOps');
    // ← moves into the text, Delete erases under the cursor, ^A/^E jump, ^W erases a word, ^U all before.
    await app.press(...Array<string>(7).fill(KEYS.left), KEYS.delete, '-');
    await app.waitFor('Name: Ops-alerts');
    await app.press('\u0001', '[', '\u0005', ']');
    await app.waitFor('Name: [Ops-alerts]');
    await app.press('\u0017');
    await app.waitForNo('alerts');
    await app.press('Team ops', '\u0017', 'deploys', KEYS.backspace);
    await app.waitFor('Name: Team deploy');
    await app.press(KEYS.esc, KEYS.esc, 'y');
    await app.waitFor('Personal not');
    // Backspace on a prefilled name edits it rather than replacing it.
    await app.press('a');
    await app.waitFor('Start from scratch');
    await app.press('j', KEYS.enter);
    await app.waitFor('Name: Failures to an HTTP endpoint');
    await app.press(KEYS.backspace, 's');
    await app.waitFor('Name: Failures to an HTTP endpoins');
    await app.press(KEYS.esc, KEYS.esc, 'y');
    await app.waitFor('Personal not');
    await app.unmount();
  });

  it('wraps a long hint on a narrow terminal instead of cutting it', async () => {
    const app = await renderApp(sandbox, { size: { columns: 80, rows: 24 } });
    await app.waitFor('Personal not');
    await app.press('a');
    await app.waitFor('Start from scratch');
    await app.press(KEYS.enter, KEYS.enter, 'https://discord.com/api/webhooks/1/t0k3n', KEYS.enter);
    const format = await app.waitFor('How the body is written');
    expect(format.replace(/[│\s]+/g, ' ')).toContain('it was added to the URL (Esc to change it).');
    expect(format).toContain('flowdock');
    await app.press(KEYS.esc, KEYS.esc, KEYS.esc, KEYS.esc, 'y');
    await app.waitFor('Personal not');
    await app.unmount();
  });

  it('refuses to go on without an event, then creates a raw webhook for the selected app only', async () => {
    const ids = seedIds(sandbox);
    const app = await renderApp(sandbox);
    await app.waitFor('Personal not');
    // The apps pane, then blog.
    await app.press(KEYS.tab, 'j');
    await app.waitFor(/(1 webhook that covers|webhooks that cover) blog/);
    await app.press('a', 'k', 'k', 'j', 'j', KEYS.enter);
    await app.press('Blog failures', KEYS.enter, receiverUrl, KEYS.enter);
    await app.waitFor('How the body is written');
    await app.press(KEYS.enter);
    await app.waitFor('Which events');
    await app.press(KEYS.enter);
    await app.waitFor('Choose at least one event');
    await app.press('j', 'j', 'j', 'j', 'j', KEYS.space);
    await app.waitFor('[x] ACCOUNT_CREATION');
    await app.press(KEYS.enter);
    const scope = await app.waitFor('Which apps and add-ons');
    expect(scope).toContain('(•) Only blog');
    await app.press(KEYS.enter);
    const review = await app.waitFor('The same with clever-tools');
    expect(review).toContain(`"${ids.apps.blog.id}"`);
    await app.press(KEYS.enter);
    await app.waitFor('Created Blog failures');
    const hook = (await app.api.listWebhooks(ids.user.id)).find((h) => h.name === 'Blog failures');
    expect(hook).toMatchObject({ scope: [ids.apps.blog.id], events: ['ACCOUNT_CREATION'] });
    await app.unmount();
  });

  it('tests a webhook and shows how the endpoint answered', async () => {
    const ids = seedIds(sandbox);
    const api = (await renderApp(sandbox)).api;
    await api.addWebhook(ids.labs.id, { name: 'Test target', urls: [{ url: receiverUrl, format: 'raw' }] });
    const app = await renderApp(sandbox);
    await app.waitFor('Lovelace Labs');
    await app.press('G');
    await app.waitFor('Test target');
    await app.press(KEYS.tab, KEYS.tab, '/', 'Test', KEYS.enter, 't');
    const result = await app.waitFor('Test of Test target: delivered');
    expect(result).toContain('HTTP 200');
    expect(received.length).toBeGreaterThan(0);
    await app.press(KEYS.esc);
    await app.waitForNo('Test of Test target');
    await app.unmount();
    await api.close();
  });

  it('edits a hook with PUT, and removes one after confirmation', async () => {
    const ids = seedIds(sandbox);
    const app = await renderApp(sandbox);
    await app.waitFor('Acme Shop');
    await app.press('j');
    await app.waitFor('Audit log');
    await app.press(KEYS.tab, KEYS.tab, 'j', 'e');
    await app.waitFor('Edit a webhook for Acme Shop');
    expect(app.frame()).toContain('Name: Audit log (raw)');
    await app.press(
      KEYS.backspace,
      KEYS.backspace,
      KEYS.backspace,
      KEYS.backspace,
      KEYS.backspace,
      KEYS.backspace,
    );
    await app.press('v2', KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter);
    const review = await app.waitFor('PUT /v2/notifications/webhooks/');
    expect(review).toContain('"Audit logv2"');
    await app.press(KEYS.enter);
    await app.waitFor('Saved Audit logv2');
    const hooks = await app.api.listWebhooks(ids.acme.id);
    expect(hooks.find((h) => h.name === 'Audit logv2')?.scope).toHaveLength(2);
    // d asks first; n keeps it; d then y removes it.
    await app.press('d');
    expect(await app.waitFor('Remove the webhook "Audit logv2"?')).toContain('y remove it   n/Esc keep it');
    await app.press('n');
    await app.waitForNo('Remove the webhook');
    await app.press('d', 'y');
    await app.waitFor('Removed Audit logv2 (webhook).');
    expect((await app.api.listWebhooks(ids.acme.id)).some((h) => h.name === 'Audit logv2')).toBe(false);
    await app.unmount();
  });

  it('adds an e-mail hook with validated recipients', async () => {
    const ids = seedIds(sandbox);
    const app = await renderApp(sandbox);
    await app.waitFor('Personal not');
    await app.press('2');
    await app.waitFor('Recipients');
    await app.press('a');
    await app.waitFor('Add an e-mail hook');
    await app.press('Ops mails', KEYS.enter);
    await app.waitFor('Who gets the e-mails');
    // The whole team, then the addresses (the user's own line comes after them).
    await app.press('j', 'ops@example.com, bad', KEYS.enter);
    await app.waitFor('Not an e-mail address: bad');
    await app.press(
      KEYS.backspace,
      KEYS.backspace,
      KEYS.backspace,
      KEYS.backspace,
      KEYS.backspace,
      KEYS.enter,
    );
    await app.waitFor('Which events');
    await app.press(KEYS.space, KEYS.enter, KEYS.enter);
    const review = await app.waitFor('clever notify-email add');
    expect(review).toContain('--notify ops@example.com');
    await app.press(KEYS.enter);
    await app.waitFor('Created Ops mails');
    const hooks = await app.api.listEmailHooks(ids.user.id);
    expect(hooks.find((h) => h.name === 'Ops mails')?.notified).toEqual([
      { type: 'email', target: 'ops@example.com' },
    ]);
    await app.unmount();
  });
});

describe('an API error on create', () => {
  it('keeps every answer; after a fix the retry succeeds', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-ui-'));
    const own = await startTestSandbox({ dataDir });
    const port = own.port;
    const app = await renderApp(own);
    try {
      await app.waitFor('Personal not');
      await app.press('a', 'j', 'j', KEYS.enter, 'Flaky', KEYS.enter, receiverUrl, KEYS.enter, KEYS.enter);
      await app.waitFor('Which events');
      await app.press(KEYS.space, KEYS.enter, KEYS.enter);
      await app.waitFor('The same with clever-tools');
      await own.close();
      await app.press(KEYS.enter);
      await app.waitFor('The API refused it');
      // The answers are all there: back to the name, change it, forward to the review again.
      const restarted = await startSandbox({ dataDir, port });
      try {
        await app.press(KEYS.esc, KEYS.esc, KEYS.esc, KEYS.esc, KEYS.esc);
        await app.waitFor('Name: Flaky');
        await app.press('2', KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter, KEYS.enter);
        const review = await app.waitFor('"Flaky2"');
        expect(review).toContain(receiverUrl);
        await app.press(KEYS.enter);
        await app.waitFor('Created Flaky2');
      } finally {
        await restarted.close();
      }
    } finally {
      await app.unmount();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

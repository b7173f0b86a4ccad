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

const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 120, rows: 36 },
];

describe.each(SIZES)('the wizard teaches what it asks, at $columns×$rows', (size) => {
  const tag = `${size.columns}x${size.rows}`;

  it('folds a preset event under a ticked META group, says what each item is, and saves the group alone', async () => {
    const ids = seedIds(sandbox);
    const app = await renderApp(sandbox, { size });
    await app.waitFor('Personal not');
    await app.press('a');
    await app.waitFor('Failures to an HTTP endpoint');
    await app.press('j', KEYS.enter);
    await app.waitFor('Name: Failures to an HTTP endpoint');
    await app.press('\u0005', ` ${tag}`, KEYS.enter);
    await app.waitFor('URL:');
    await app.press('https://ops.example.com/hook', KEYS.enter);
    await app.waitFor('How the body is written');
    await app.press(KEYS.enter);
    const start = await app.waitFor('Which events');
    expect(start).toContain('1 chosen');
    expect(start).toContain('Every event, including the ones Clever Cloud adds later.');
    await app.press('j', 'j');
    const group = await app.waitFor('META_DEPLOYMENT_RESULT: Group: each deployment that succeeds or fails.');
    expect(group).toContain('Covers DEPLOYMENT_FAIL, DEPLOYMENT_SUCCESS');
    await app.press(KEYS.space);
    expect(await app.waitFor('[x] META_DEPLOYMENT_RESULT')).toContain('1 chosen, covering 2 events');
    // Down to DEPLOYMENT_FAIL: ticked by the group, dimmed, and named as covered.
    await app.press(...Array.from({ length: 15 }, () => 'j'));
    const member = await app.waitFor('DEPLOYMENT_FAIL: A deployment failed.');
    expect(member).toContain('[x] DEPLOYMENT_FAIL (in META_DEPLOYMENT_RESULT)');
    expect(member).toContain('[x] DEPLOYMENT_SUCCESS (in META_DEPLOYMENT_RESULT)');
    await app.press(KEYS.space);
    await app.waitFor('DEPLOYMENT_FAIL is already covered by META_DEPLOYMENT_RESULT');
    await app.press(KEYS.enter);
    await app.waitFor('Which apps and add-ons');
    await app.press(KEYS.enter);
    const review = await app.waitFor('The same with clever-tools');
    // The command line shows the events at every size (the body may be cut at 80×24).
    expect(review.replace(/[│\s]+/g, ' ')).toContain('--event META_DEPLOYMENT_RESULT --org');
    expect(review).not.toContain('"DEPLOYMENT_FAIL"');
    await app.press(KEYS.enter);
    await app.waitFor(`Created Failures to an HTTP endpoint ${tag}`);
    const hook = (await app.api.listWebhooks(ids.user.id)).find(
      (h) => h.name === `Failures to an HTTP endpoint ${tag}`,
    );
    expect(hook?.events).toEqual(['META_DEPLOYMENT_RESULT']);
    await app.unmount();
  });

  it('removes the /slack suffix of a Discord URL when raw is chosen, and says so', async () => {
    const ids = seedIds(sandbox);
    const app = await renderApp(sandbox, { size });
    await app.waitFor('Personal not');
    await app.press('a');
    await app.waitFor('Start from scratch');
    await app.press('j', 'j', KEYS.enter);
    await app.waitFor('Name:');
    await app.press(
      `Discord raw ${tag}`,
      KEYS.enter,
      'https://discord.com/api/webhooks/77/t0k3n',
      KEYS.enter,
    );
    expect(await app.waitFor('How the body is written')).toMatch(/❯ slack/);
    await app.press('k');
    await app.waitFor(/❯ raw/);
    await app.press(KEYS.enter);
    const events = await app.waitFor('Which events');
    expect(events.replace(/[│\s]+/g, ' ')).toContain('it was removed from the URL');
    await app.press(KEYS.space, KEYS.enter);
    await app.waitFor('Which apps and add-ons');
    await app.press(KEYS.enter);
    await app.waitFor('The same with clever-tools');
    await app.press(KEYS.enter);
    await app.waitFor(`Created Discord raw ${tag}`);
    const hook = (await app.api.listWebhooks(ids.user.id)).find((h) => h.name === `Discord raw ${tag}`);
    expect(hook?.urls).toEqual([{ url: 'https://discord.com/api/webhooks/77/t0k3n', format: 'raw' }]);
    await app.unmount();
  });

  it('previews in the review what the receiver gets for the format, within the height', async () => {
    const app = await renderApp(sandbox, { size });
    await app.waitFor('Personal not');
    await app.press('a');
    await app.waitFor('Deployment results to Slack');
    await app.press(KEYS.enter, KEYS.enter);
    await app.waitFor('URL:');
    await app.press('https://hooks.slack.com/services/T9/B9/s3cr3t', KEYS.enter);
    await app.waitFor('slack format is proposed');
    await app.press(KEYS.enter);
    await app.waitFor('Which events');
    await app.press(KEYS.enter);
    await app.waitFor('Which apps and add-ons');
    await app.press(KEYS.enter);
    const slack = await app.waitFor('The receiver gets (slack)');
    expect(slack.replace(/[│\s]+/g, ' ')).toContain(
      'as modelled by the sandbox: Clever Cloud publishes no such body',
    );
    expect(slack).toContain('"text":');
    expect(slack).toContain('POST /v2/notifications/webhooks/');
    expect(slack).toContain('Enter to create it');
    expect(slack.split('\n').length).toBeLessThanOrEqual(size.rows);
    // Back to the format step, raw: the preview is Clever Cloud's documented event.
    await app.press(KEYS.esc, KEYS.esc, KEYS.esc);
    await app.waitFor('How the body is written');
    await app.press('k', KEYS.enter, KEYS.enter, KEYS.enter);
    const raw = await app.waitFor('The receiver gets (raw)');
    expect(raw.replace(/[│\s]+/g, ' ')).toContain(
      'the event as the socket sends it, as Clever Cloud documents',
    );
    expect(raw).toContain('"event": "DEPLOYMENT_SUCCESS"');
    expect(raw).toContain('Enter to create it');
    await app.unmount();
  });
});

// Small terminals keep what matters: at 80×24 a webhook's state still shows (a glyph, with colour and
// without), an Activity delivery line starts with its outcome, and the footer says `? more` rather
// than drop a key silently; at 120×36 the same screens have room for the words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventsPlugin } from '../../source/sandbox/extensions/events-plugin.js';
import { colorTheme, noColorTheme } from '../../source/ui/theme/theme.js';
import { type Receiver, startReceiver } from '../sandbox-events/support.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, renderApp } from './support.js';

const SMALL = { columns: 80, rows: 24 };
const LARGE = { columns: 120, rows: 36 };

let sandbox: TestSandbox;
let receiver: Receiver;
beforeAll(async () => {
  sandbox = await startTestSandbox({
    // Retries far apart: the first attempt's line stays "retry in …" while the test reads it.
    plugins: [createEventsPlugin({ retryBaseMs: 60_000, deliveryTimeoutMs: 2000, heartbeatMs: 2000 })],
  });
  receiver = await startReceiver((_request, _index, res) => {
    res.statusCode = 503;
    res.end('busy');
  });
});
afterAll(async () => {
  await receiver?.close();
  await sandbox?.close();
});

/** The rows of the hooks table whose text matches. */
function rowOf(frame: string, name: string): string {
  const line = frame.split('\n').find((l) => l.includes(name));
  if (!line) throw new Error(`no row ${name} in:\n${frame}`);
  return line;
}

describe('a small terminal keeps what matters', () => {
  it("shows each webhook's state at 80×24, with colour and without, and the word at 120×36", async () => {
    for (const theme of [colorTheme, noColorTheme]) {
      const app = await renderApp(sandbox, { size: SMALL, theme });
      await app.waitFor('Lovelace Labs');
      // Lovelace Labs has a DISABLED webhook; the personal space an enabled one.
      expect(rowOf(await app.waitFor('Personal notifier'), 'Personal notifier')).toMatch(/✓ *│$/);
      await app.press('jj');
      const labs = await app.waitFor('Old CI trigger');
      expect(rowOf(labs, 'Old CI trigger')).toMatch(/✗ *│$/);
      for (const line of labs.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);
      await app.unmount();
    }
    const app = await renderApp(sandbox, { size: LARGE, theme: noColorTheme });
    await app.waitFor('Personal notifier');
    await app.press('jj');
    const frame = await app.waitFor('Old CI trigger');
    expect(frame).toMatch(/State/);
    expect(rowOf(frame, 'Old CI trigger')).toContain('disabled');
    await app.unmount();
  });

  it('puts the outcome of a delivery before the hook name and host, which are what is cut at 80×24', async () => {
    const ids = seedIds(sandbox);
    const name = 'Deploys to the ops receiver';
    const res = await sandboxFetch(sandbox, `/v2/notifications/webhooks/${ids.user.id}`, {
      method: 'POST',
      json: { name, urls: [{ format: 'raw', url: receiver.url }], events: ['DEPLOYMENT_SUCCESS'] },
    });
    expect(res.status).toBe(200);
    const small = await renderApp(sandbox, { size: SMALL });
    const large = await renderApp(sandbox, { size: LARGE });
    for (const app of [small, large]) {
      await app.waitFor('Personal notifier');
      await app.press('3');
      await app.waitFor('connected');
    }
    const deployed = await sandboxFetch(sandbox, '/sandbox/v1/deployments', {
      method: 'POST',
      json: { appId: ids.apps.blog.id, durationMs: 100 },
    });
    expect(deployed.status).toBe(202);
    const line = /↳ 503 attempt 1 retry in \d+ s/;
    const narrow = rowOf(await small.waitFor(line, 15_000), '↳ 503');
    // The outcome whole, then what is left of the name, cut.
    expect(narrow).toMatch(/↳ 503 attempt 1 retry in \d+ s +Deploys to.*… │$/);
    expect(narrow).not.toContain('127.0.0.1');
    const wide = rowOf(await large.waitFor(line, 15_000), '↳ 503');
    expect(wide).toMatch(/↳ 503 attempt 1 retry in \d+ s +Deploys to the ops receiver 127\.0\.0\.1:\d+/);
    await small.unmount();
    await large.unmount();
  });

  it('ends the footer with "? more" when the keys of the pane do not fit, and "? help" when they do', async () => {
    const small = await renderApp(sandbox, { size: SMALL });
    await small.waitFor('Personal notifier');
    await small.press(KEYS.tab, KEYS.tab);
    const footer = (await small.waitFor('e edit')).split('\n').at(-1) ?? '';
    expect(footer).toMatch(/q quit {2}\? more$/);
    expect(footer).not.toContain('? help');
    expect([...footer].length).toBeLessThanOrEqual(80);
    // ? opens the keys the footer left out.
    await small.press('?');
    const help = await small.waitFor('Sort by the next column');
    expect(help).toContain('Reverse the sort order');
    await small.unmount();

    // Every key of the webhooks pane fits in 140 columns (at 120 the footer drops two and says so).
    const large = await renderApp(sandbox, { size: { columns: 140, rows: 36 } });
    await large.waitFor('Personal notifier');
    await large.press(KEYS.tab, KEYS.tab);
    const whole = (await large.waitFor('e edit')).split('\n').at(-1) ?? '';
    expect(whole).toContain('S sort');
    expect(whole).toMatch(/\? help {2}q quit$/);
    expect(whole).not.toContain('more');
    await large.unmount();
  });
});

// Outside text reaches the TUI's frame only as visible escapes: a hook named to rename the window
// and clear the screen shows as text, in the table and in the details, and aligns like any other.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorText } from '../../source/ui/app/session.js';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, renderApp } from './support.js';

const EVIL = 'evil\u001b]0;PWNED\u0007\u001b[2J';
/** The sequences of the data, which styling never emits. */
const INJECTED = ['\u001b]0;', '\u0007', '\u001b[2J', 'sup3rs3cret'];

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  // Written into the store directly: the sandbox refuses control characters (docs/sandbox.md), but
  // Clever Cloud stores what any member of an organisation names a hook, and that is what is tested.
  const { store } = sandbox;
  await store.createWebhook(seedIds(sandbox).user.id, {
    name: EVIL,
    urls: [{ format: 'slack', url: `https://hooks.slack.com/services/T1/B2/sup3rs3cret` }],
  });
  await store.createWebhook(seedIds(sandbox).user.id, {
    name: '🚀 デプロイ通知',
    urls: [{ format: 'raw', url: `https://example.org/${EVIL}` }],
  });
});
afterAll(async () => {
  await sandbox?.close();
});

function raw(frame: string) {
  for (const sequence of INJECTED) expect(frame).not.toContain(sequence);
}

describe('outside text in the TUI', () => {
  it('shows a hostile name and URL as visible escapes, in the table and the details, secrets masked', async () => {
    for (const columns of [80, 120]) {
      const app = await renderApp(sandbox, { size: { columns, rows: 30 } });
      const frame = await app.waitFor('evil\\e]0;PWNED');
      raw(frame);
      expect(frame).toContain('デプロイ通知');
      for (const line of app.frame().split('\n')) expect([...line].length).toBeLessThanOrEqual(columns);
      await app.unmount();
    }
    const app = await renderApp(sandbox);
    await app.waitFor('evil\\e]0;PWNED');
    await app.press(KEYS.tab, KEYS.tab);
    await app.press('/', 'evil', KEYS.enter, KEYS.enter);
    const details = await app.waitFor('The same with clever-tools');
    raw(details);
    expect(details).toContain('Webhook: evil\\e]0;PWNED\\x07\\e[2J');
    // The command line quotes the name so that, pasted, it makes the same name.
    expect(details).toContain("$'evil\\e]0;PWNED\\x07\\e[2J'");
    expect(details).toContain('services/T1/B2/••••');
    // s shows the secret on demand, to copy a runnable line; s again masks it.
    await app.press('s');
    expect(await app.waitFor('sup3rs3cret')).toContain('hooks.slack.com/services/T1/B2/sup3rs3cret');
    await app.press('s');
    await app.waitForNo('sup3rs3cret');
    await app.unmount();
  });

  it('makes error messages safe', () => {
    expect(errorText(new Error(`refused: ${EVIL}`))).toBe('refused: evil\\e]0;PWNED\\x07\\e[2J');
  });
});

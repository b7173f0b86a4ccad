// The copy keys: y copies the hook's id, u its URL (masked unless the details show the secrets), c
// the clever-tools command line, each as an OSC 52 sequence written to the terminal, and the status
// line says what was copied.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullMaskedUrl } from '../../source/domain/masking.js';
import { osc52 } from '../../source/ui/terminal/clipboard.js';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, renderApp } from './support.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

describe('osc52', () => {
  it('wraps the base64 of the UTF-8 text in ESC ] 52 ; c ; … BEL', () => {
    expect(osc52('wh_é')).toBe('\u001b]52;c;d2hfw6k=\u0007');
  });
});

describe('the copy keys', () => {
  it('copy the id from the list, and the URL masked then shown, and the command line from the details', async () => {
    const { acme } = seedIds(sandbox);
    const hook = sandbox.store.webhooks(acme.id).find((h) => h.name === 'Slack #deploys')!;
    const url = hook.urls[0]!.url;
    expect(fullMaskedUrl(url)).not.toBe(url);
    const app = await renderApp(sandbox, { size: { columns: 80, rows: 24 } });
    await app.waitFor('Acme Shop');
    await app.press('j');
    await app.waitFor('Slack #dep');
    await app.press(KEYS.tab, KEYS.tab, '/', 'slack', KEYS.enter);
    await app.waitFor('/slack');
    await app.press('y');
    await app.waitFor('Copied the id of Slack #deploys.');
    expect(app.written()).toContain(osc52(hook.id));

    await app.press(KEYS.enter);
    await app.waitFor('The same with clever-tools');
    await app.press('u');
    await app.waitFor('Copied the URL of Slack #deploys, masked');
    expect(app.written()).toContain(osc52(fullMaskedUrl(url)));
    expect(app.written()).not.toContain(osc52(url));
    await app.press('s', 'u');
    await app.waitFor('Copied the URL of Slack #deploys.');
    expect(app.written()).toContain(osc52(url));

    await app.press('c');
    await app.waitFor('Copied the clever-tools command line of Slack #deploys.');
    const copied = app
      .written()
      .match(/\u001b\]52;c;([A-Za-z0-9+/=]+)\u0007/g)!
      .map((s) => Buffer.from(s.slice(7, -1), 'base64').toString('utf8'));
    const line = copied.at(-1)!;
    expect(line).toMatch(/^clever webhooks add 'Slack #deploys' /);
    expect(line).toContain(url);
    expect(line).toContain(`--org ${acme.id}`);
    await app.unmount();
  });
});

import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../source/sandbox/start.js';
import { noColorTheme } from '../../source/ui/theme/theme.js';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, renderApp } from './support.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(async () => {
  await sandbox?.close();
});

describe('browsing owners, apps and hooks', () => {
  it('shows who and where, the owners, the apps and the webhooks of the personal space', async () => {
    const app = await renderApp(sandbox);
    const frame = await app.waitFor('Personal not');
    const ids = seedIds(sandbox);
    expect(frame).toContain('SANDBOX');
    expect(frame).toContain(ids.user.name);
    expect(frame).toMatch(/Owners/);
    expect(frame).toContain('(personal)');
    expect(frame).toContain('Acme Shop');
    expect(frame).toContain('1 Webhooks');
    // At most rows-1 lines.
    expect(frame.split('\n').length).toBeLessThanOrEqual(35);
    await app.unmount();
  });

  it('moves with vim keys in a burst, switches panes with Tab, and filters hooks by app', async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Acme Shop');
    // "j" goes to Acme Shop; a burst "jk" comes back and forth.
    await app.press('j');
    await app.waitFor('webhooks of Acme Shop');
    await app.press('jk');
    await app.waitFor('webhooks of Acme Shop');
    const both = await app.waitFor('Audit log');
    expect(both).toContain('Slack #dep');
    // To the apps; pick billing-worker, which only the unscoped Slack hook covers.
    await app.press(KEYS.tab, '/', 'b', 'i', 'l', 'l', KEYS.enter, 'j');
    const covering = await app.waitFor('1 webhook that covers billing-worker');
    expect(covering).toContain('Slack #dep');
    expect(covering).not.toContain('Audit log');
    await app.unmount();
  });

  it('edits a list filter with the line-editing keys of the text fields', async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Acme Shop');
    await app.press('/', 'xshop');
    await app.waitFor('/xshop▏');
    // ^A to the start, Delete erases under the cursor; → moves; Backspace erases before it.
    await app.press('\u0001', KEYS.delete);
    expect(await app.waitFor('/▏shop')).toContain('Acme Shop');
    await app.press(KEYS.right, KEYS.right, KEYS.backspace);
    await app.waitFor('/s▏op');
    // ^E to the end, ^W erases the word; ^K erases to the end, ^U to the start.
    await app.press('\u0005', '\u0017');
    await app.waitFor(/\/▏\s/);
    await app.press('acme', KEYS.left, KEYS.left, '\u000B');
    await app.waitFor('/ac▏');
    await app.press('\u0015');
    await app.waitFor(/\/▏\s/);
    await app.press('shop', KEYS.enter);
    expect(await app.waitFor(/Owners.* \/shop/)).not.toContain('▏');
    // The hooks' filter edits the same way.
    await app.press(KEYS.tab, KEYS.tab, '/', 'Slak', KEYS.left, 'c');
    expect(await app.waitFor('Filter: /Slac▏k')).toContain('Slack #dep');
    await app.unmount();
  });

  it('opens a hook with every field, its failures and the clever-tools command', async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Lovelace Labs');
    await app.press('G');
    await app.waitFor('1 webhook of Lovelace Labs');
    await app.press(KEYS.tab, KEYS.tab, KEYS.enter);
    const frame = await app.waitFor('Failures (');
    expect(frame).toContain('DISABLED');
    expect(frame).toContain('https://ci.lovelace-labs.example/hooks/clever  [raw]');
    expect(frame).toContain('HTTP 502');
    expect(frame).toContain('Created');
    expect(frame).toContain('clever webhooks add');
    await app.press(KEYS.esc);
    await app.waitForNo('Failures (');
    await app.unmount();
  });

  it('masks the secret part of Slack URLs in the table', async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Acme Shop');
    await app.press('j');
    await app.waitFor('Slack #dep');
    await app.press(KEYS.tab, KEYS.tab, KEYS.enter);
    // The details show the whole URL, scheme included, with only Slack's secret masked.
    const frame = await app.waitFor('https://hooks.slack.example/services/T000SANDBOX/B000SANDBOX/••••');
    expect(frame).not.toContain('sandbox0000');
    await app.unmount();
  });

  it('shows the e-mail hooks tab with recipients', async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Personal not');
    await app.press('2');
    const frame = await app.waitFor('Recipients');
    expect(frame).toContain('Default deployment');
    expect(frame).toContain('whole team');
    await app.unmount();
  });

  it('builds the help overlay from the key map, and closes it', async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Owners');
    await app.press('?');
    const frame = await app.waitFor('Keys (Esc or ? to close)');
    // What the keys do, never the commands' internal ids.
    expect(frame).toMatch(/↓\/j +Move down/);
    expect(frame).toMatch(/q\/\^C +Quit/);
    expect(frame).not.toMatch(/nav\.down|app\.quit/);
    await app.press('?');
    await app.waitForNo('Keys (Esc');
    await app.unmount();
    // On a small terminal it scrolls, says where it is, and its footer offers the keys that scroll it.
    const small = await renderApp(sandbox, { size: { columns: 80, rows: 24 } });
    await small.waitFor('Owners');
    await small.press(KEYS.tab, KEYS.tab, '?');
    const help = await small.waitFor(/lines 1–17 of \d+/);
    expect(help).toMatch(/↑\/k +Move up\s/);
    expect(help).not.toMatch(/q\/\^C +Quit/);
    expect(help.split('\n').at(-1)).toMatch(/↑↓\/jk scroll {2}PgUp\/PgDn page/);
    await small.press(KEYS.pageDown, KEYS.pageDown);
    const end = await small.waitFor(/q\/\^C +Quit/);
    expect(end).not.toMatch(/↑\/k +Move up/);
    await small.press('k');
    await small.waitFor(/lines \d+–\d+ of/);
    await small.press(KEYS.pageUp, KEYS.pageUp, 'j');
    await small.waitFor(/lines 2–18 of/);
    await small.press(KEYS.esc);
    await small.waitForNo('Keys (Esc');
    await small.unmount();
  });

  it('offers on the Activity tab only the keys that act there: r redelivers, R refreshes', async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Personal not');
    await app.press('3', KEYS.tab, KEYS.tab);
    const footer = (await app.waitFor('r redeliver')).split('\n').at(-1) ?? '';
    expect(footer).toContain('R refresh');
    expect(footer).not.toContain('r refresh');
    expect(footer).toContain('↑↓/jk move');
    await app.press('?');
    const help = await app.waitFor('Reload from the API');
    expect(help).toMatch(/R\s+Reload from the API \(r is redeliver here\)/);
    expect(help).toMatch(/r\s+Redeliver the selected delivery/);
    await app.unmount();
  });

  it('drops the least useful columns on a narrow terminal, and asks for more room below the minimum', async () => {
    const wide = await renderApp(sandbox, { size: { columns: 160, rows: 30 } });
    const frame = await wide.waitFor('Personal not');
    expect(frame).toContain('Last failure');
    expect(frame).toContain('Scope');
    await wide.unmount();
    const narrow = await renderApp(sandbox, { size: { columns: 72, rows: 24 } });
    const small = await narrow.waitFor('Target');
    expect(small).not.toContain('Last failure');
    expect(small).toContain('Name');
    await narrow.unmount();
    // 120×36: the owners' column fits their names, the events show whole; 80×24 keeps the events
    // and the footer keeps q quit and ends with ? more (the keys it had no room for).
    const usual = await renderApp(sandbox, { size: { columns: 120, rows: 36 } });
    await usual.waitFor('Acme Shop');
    await usual.press('j');
    const acme = await usual.waitFor('webhooks of Acme Shop');
    expect(acme).toContain('Ada Lovelace (personal) 2');
    expect(acme).toMatch(/META_DEPLOYMENT_RESULT\b/);
    await usual.unmount();
    const small80 = await renderApp(sandbox, { size: { columns: 80, rows: 24 } });
    await small80.waitFor('Acme Shop');
    await small80.press('j');
    const acme80 = await small80.waitFor('webhooks of Acme Shop');
    expect(acme80).toContain('Events');
    await small80.press('k');
    expect(await small80.waitFor('webhook of Ada Lovelace')).toMatch(
      /Personal notifier +\S+ +DEPLOYMENT_FAIL /,
    );
    expect(acme80.split('\n').at(-1)).toMatch(/q quit {2}\? more$/);
    await small80.unmount();
    const tiny = await renderApp(sandbox, { size: { columns: 40, rows: 10 } });
    expect(await tiny.waitFor('at least 60×16')).toContain('this is 40×10');
    await tiny.unmount();
  });

  it('shows the selection without colours under NO_COLOR', async () => {
    const app = await renderApp(sandbox, { theme: noColorTheme });
    const frame = await app.waitFor('Personal not');
    expect(frame).toMatch(/> .*\(personal\)/);
    await app.unmount();
  });

  it('follows live resizes', async () => {
    const app = await renderApp(sandbox, { live: true, size: { columns: 150, rows: 30 } });
    expect(await app.waitFor('Personal not')).toContain('Last failure');
    app.resize({ columns: 70, rows: 20 });
    const narrow = await app.waitForNo('Last failure');
    expect(narrow.split('\n').length).toBeLessThanOrEqual(19);
    app.resize({ columns: 50, rows: 12 });
    await app.waitFor('at least 60×16');
    app.resize({ columns: 120, rows: 36 });
    await app.waitFor('Personal not');
    await app.unmount();
  });

  it('shows a connection error in place with what to do, and r tries again', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-ui-'));
    const own = await startTestSandbox({ dataDir });
    const port = own.port;
    await own.close();
    const app = await renderApp(own);
    try {
      const failed = await app.waitFor('press r to retry');
      expect(failed).toContain('not connected');
      const restarted = await startSandbox({ dataDir, port });
      try {
        await app.press('r');
        await app.waitFor('Personal not');
      } finally {
        await restarted.close();
      }
    } finally {
      await app.unmount();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('quits on q and on Ctrl-C', async () => {
    const app = await renderApp(sandbox);
    await app.waitFor('Owners');
    await app.press('q');
    await app.press(KEYS.ctrlC);
    expect(app.quitCalls()).toBe(2);
    await app.unmount();
  });
});

// Sorting a hook table by column: S cycles the column, I reverses, the header marks it, the cursor
// keeps its hook through a sort and a live change, and each table's sort is remembered in the
// settings (a real settings file in a temporary folder) for the next start.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, renderApp } from './support.js';

let sandbox: TestSandbox;
let settingsDir: string;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  settingsDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-settings-'));
  const { user } = seedIds(sandbox);
  for (const name of ['charlie', 'alpha', 'bravo'])
    await sandbox.store.createWebhook(user.id, {
      name,
      urls: [{ format: 'raw', url: `https://${name}.example/` }],
    });
});
afterAll(async () => {
  await sandbox?.close();
  await rm(settingsDir, { recursive: true, force: true });
});

/** The hook names in the order the table shows them, and the selected one. */
function order(frame: string): { names: string[]; selected: string | undefined } {
  const names: string[] = [];
  let selected: string | undefined;
  for (const line of frame.split('\n')) {
    const match = /│ ([›>]| ) (?:\w{7,} )?(Personal notifier|alpha|bravo|charlie|delta)\b/.exec(line);
    if (!match?.[2]) continue;
    names.push(match[2]);
    if (match[1] !== ' ') selected = match[2];
  }
  return { names, selected };
}

async function savedSorts(): Promise<unknown> {
  const text = await readFile(path.join(settingsDir, 'settings.json'), 'utf8');
  return (JSON.parse(text) as { tableSorts?: unknown }).tableSorts;
}

describe('sorting a hook table', () => {
  it('sorts by name, reverses, keeps the cursor on its hook through a live change, and remembers it', async () => {
    const app = await renderApp(sandbox, { size: { columns: 80, rows: 24 }, settingsDir });
    await app.waitFor('bravo');
    await app.press(KEYS.tab, KEYS.tab, 'jjj');
    expect(order(await app.waitFor(/› bravo/)).names).toEqual([
      'Personal notifier',
      'charlie',
      'alpha',
      'bravo',
    ]);

    await app.press('S');
    let frame = await app.waitFor(/sorted by name ↑/i);
    expect(frame).toContain('↑Name');
    expect(order(frame)).toEqual({
      names: ['alpha', 'bravo', 'charlie', 'Personal notifier'],
      selected: 'bravo',
    });

    await app.press('I');
    frame = await app.waitFor(/sorted by name ↓/i);
    expect(frame).toContain('↓Name');
    expect(order(frame)).toEqual({
      names: ['Personal notifier', 'charlie', 'bravo', 'alpha'],
      selected: 'bravo',
    });

    // A hook added elsewhere takes its place in the order; the cursor stays on bravo.
    const { user } = seedIds(sandbox);
    await app.api.addWebhook(user.id, {
      name: 'delta',
      urls: [{ format: 'raw', url: 'https://delta.example/' }],
    });
    frame = await app.waitFor('delta');
    expect(order(frame)).toEqual({
      names: ['Personal notifier', 'delta', 'charlie', 'bravo', 'alpha'],
      selected: 'bravo',
    });
    expect(await savedSorts()).toEqual({ webhooks: { column: 'name', descending: true } });
    // The e-mail hooks' table has its own sort: none yet.
    await app.press('2');
    await app.waitFor('1 e-mail hook of');
    expect(app.frame()).not.toContain('sorted by');
    await app.unmount();

    // The next start, at another size, sorts the same way.
    const again = await renderApp(sandbox, { size: { columns: 120, rows: 36 }, settingsDir });
    frame = await again.waitFor('sorted by name ↓');
    expect(frame).toContain('↓Name');
    expect(order(frame).names).toEqual(['Personal notifier', 'delta', 'charlie', 'bravo', 'alpha']);
    await again.unmount();
  });

  it('cycles through every column back to the order of the API, which is forgotten', async () => {
    const app = await renderApp(sandbox, { size: { columns: 120, rows: 36 }, settingsDir });
    await app.waitFor('sorted by name ↓');
    await app.press(KEYS.tab, KEYS.tab, 'S');
    // After the name: the target, ascending.
    expect(await app.waitFor('sorted by target ↑')).toContain('↑Target');
    for (const next of ['format', 'events', 'scope', 'state', 'last failure', 'created', 'id']) {
      await app.press('S');
      await app.waitFor(`sorted by ${next} ↑`);
    }
    await app.press('S');
    await app.waitFor('In the order of the API');
    expect(app.frame()).not.toContain('sorted by');
    expect(await savedSorts()).toEqual({});
    // I says what to do first rather than doing nothing.
    await app.press('I');
    await app.waitFor('Nothing to reverse: S sorts the table by a column first.');
    await app.unmount();
  });
});

// The wizard's events and scope pickers say where they are when they do not fit, and take g G Home
// End PgUp PgDn, at 80×24 and 120×36 (thirty more apps in the personal space make the scope long).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, type RenderedApp, renderApp } from './support.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
  const ids = seedIds(sandbox);
  for (let i = 1; i <= 30; i++) {
    const n = String(i).padStart(2, '0');
    await sandbox.store.putApplication({
      ...ids.apps.blog,
      id: `app_00000000-0000-0000-0000-0000000000${n}`,
      name: `app-${n}`,
    });
  }
});
afterAll(async () => {
  await sandbox?.close();
});

const POSITION = /(\d+)–(\d+) of (\d+)/;

function position(frame: string): { from: number; to: number; count: number } {
  const match = POSITION.exec(frame);
  if (!match) throw new Error(`no position in:\n${frame}`);
  return { from: Number(match[1]), to: Number(match[2]), count: Number(match[3]) };
}

/**
 * The picker starts at its top; G and End show its end (the last item under the cursor), g and Home
 * its top; PgDn moves a page down, PgUp back.
 */
async function walk(app: RenderedApp, last: RegExp): Promise<void> {
  const top = position(await app.waitFor(POSITION));
  expect(top.from).toBe(1);
  const end = new RegExp(`\\d+–${top.count} of ${top.count}`);
  for (const [down, up] of [
    ['G', 'g'],
    [KEYS.end, KEYS.home],
  ] as const) {
    await app.press(down);
    expect(await app.waitFor(end)).toMatch(last);
    await app.press(up);
    await app.waitFor(`1–${top.to} of ${top.count}`);
  }
  await app.press(KEYS.pageDown);
  expect(position(await app.waitForNo(`1–${top.to} of ${top.count}`)).from).toBeGreaterThan(1);
  await app.press(KEYS.pageUp);
  await app.waitFor(`1–${top.to} of ${top.count}`);
}

describe.each([
  { columns: 80, rows: 24 },
  { columns: 120, rows: 36 },
])('the wizard pickers at $columns×$rows', (size) => {
  it('the events and the scope', async () => {
    const app = await renderApp(sandbox, { size });
    await app.waitFor('Personal not');
    await app.press('a');
    await app.waitFor('Failures to an HTTP endpoint');
    await app.press('j', KEYS.enter);
    await app.waitFor('Name: Failures to an HTTP endpoint');
    await app.press(KEYS.enter);
    await app.waitFor('URL:');
    await app.press('https://ops.example.com/hook', KEYS.enter);
    await app.waitFor('How the body is written');
    await app.press(KEYS.enter);
    await app.waitFor('Which events');
    // At the end, an event is under the cursor, as an app or add-on is at the end of the scope.
    await walk(app, /› \[.\] [A-Z_]+/);
    await app.press(KEYS.enter);
    await app.waitFor('Which apps and add-ons');
    await walk(app, /› \[ \] \S+ +\((app|add-on)\)/);
    await app.unmount();
  });
});

// The recipients step of the e-mail hook wizard on screen, against a real sandbox: the members of an
// organisation to tick, the ones an edited hook names already ticked, and a members error in place
// that leaves the addresses usable.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox } from '../../source/sandbox/start.js';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, type RenderedApp, renderApp } from './support.js';

let sandbox: TestSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox?.close());

function memberId(box: TestSandbox, orgId: string, email: string): string {
  const entry = box.store.members(orgId).find((m) => m.member.email === email);
  if (!entry) throw new Error(`no member ${email}`);
  return entry.member.id;
}

/** From the first frame to the e-mail hooks of Acme Shop. */
async function acmeEmailHooks(app: RenderedApp): Promise<void> {
  await app.waitFor('Acme Shop');
  await app.press('j');
  await app.waitFor('webhooks of Acme Shop');
  await app.press('2');
  await app.waitFor('On-call: shop-front');
}

describe('the recipients of an e-mail hook', () => {
  it('lists the members of the organisation to tick, and creates the hook with them', async () => {
    const { acme, user } = seedIds(sandbox);
    const margaret = memberId(sandbox, acme.id, 'margaret@acme.example');
    const app = await renderApp(sandbox);
    try {
      await acmeEmailHooks(app);
      await app.press('a');
      await app.waitFor('Add an e-mail hook for Acme Shop');
      await app.press('Release mails', KEYS.enter);
      const step = await app.waitFor('Margaret Hamilton <margaret@acme.example>');
      expect(step).toContain('Members of Acme Shop (5):');
      expect(step).toContain('Ada Lovelace <ada@example.com> (you)');
      expect(step).toContain('MANAGER · Head of engineering');
      expect(step).toContain('ci-bot@acme.example');
      // Team, addresses, Ada, Margaret: tick Margaret; then type an address on the line above.
      await app.press(KEYS.down, KEYS.down, KEYS.down, KEYS.space);
      await app.waitFor('[x] Margaret Hamilton');
      await app.press(KEYS.up, KEYS.up, 'releases@acme.example', KEYS.enter);
      await app.waitFor('Which events');
      await app.press(KEYS.space, KEYS.enter, KEYS.enter);
      const review = await app.waitFor('clever notify-email add');
      expect(review).toContain('Recipients: Margaret Hamilton; releases@acme.example');
      expect(review.replace(/\s+/g, '')).toContain(`--notify${margaret},releases@acme.example`);
      await app.press(KEYS.enter);
      await app.waitFor('Created Release mails');
      const hooks = await app.api.listEmailHooks(acme.id);
      expect(hooks.find((h) => h.name === 'Release mails')?.notified).toEqual([
        { type: 'userid', target: margaret },
        { type: 'email', target: 'releases@acme.example' },
      ]);
      expect(user.id).not.toBe(margaret);
    } finally {
      await app.unmount();
    }
  });

  it('editing a hook ticks the members it names', async () => {
    const app = await renderApp(sandbox);
    try {
      await acmeEmailHooks(app);
      await app.press(KEYS.tab, KEYS.tab, 'j');
      await app.waitFor(/› \S+ On-call: shop-front/);
      await app.press('e');
      await app.waitFor('Edit an e-mail hook for Acme Shop');
      await app.press(KEYS.enter);
      const step = await app.waitFor('Ada Lovelace <ada@example.com> (you)');
      expect(step).toContain('[x] Ada Lovelace');
      expect(step).toContain('[ ] Margaret Hamilton');
      expect(step).toContain('Addresses: oncall@acme.example,ops@acme.example');
      expect(step).not.toContain('Kept as they are');
      await app.press(KEYS.esc, KEYS.esc);
      await app.waitFor('On-call: shop-front');
    } finally {
      await app.unmount();
    }
  });

  it('shows a members error in place; addresses still work, and coming back retries', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-recipients-'));
    const own = await startTestSandbox({ dataDir });
    const port = own.port;
    const app = await renderApp(own);
    let restarted: Awaited<ReturnType<typeof startSandbox>> | undefined;
    try {
      await acmeEmailHooks(app);
      await app.press('a');
      await app.waitFor('Add an e-mail hook for Acme Shop');
      await own.close();
      await app.press('Ops', KEYS.enter);
      const failed = await app.waitFor('Could not list the members');
      expect(failed).toContain('Me (Ada Lovelace)');
      await app.press(KEYS.down, 'ops@acme.example');
      await app.waitFor('Addresses: ops@acme.example');
      restarted = await startSandbox({ dataDir, port });
      await app.press(KEYS.esc);
      await app.waitFor('Name: Ops');
      await app.press(KEYS.enter);
      await app.waitFor('Margaret Hamilton <margaret@acme.example>');
      expect(app.frame()).toContain('Addresses: ops@acme.example');
      expect(app.frame()).not.toContain('Could not list the members');
    } finally {
      await app.unmount();
      await restarted?.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

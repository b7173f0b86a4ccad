// Editing with the wizard, as a user would, at the smallest supported size and a common one: every
// URL of a webhook, the diff against the hook as it is, and the question before answers are lost.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { noColorTheme } from '../../source/ui/theme/theme.js';
import { seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';
import { KEYS, type RenderedApp, renderApp } from './support.js';

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

/** The frame's text with the box's borders and the wrapping folded away. */
function flat(frame: string): string {
  return frame.replace(/[│╭╮╰╯─\s]+/g, ' ');
}

/** Opens the edit wizard of the personal space's webhook named `name` (tab 1, filtered by name). */
async function editWebhook(app: RenderedApp, name: string) {
  await app.waitFor('Personal not');
  await app.press(KEYS.tab, KEYS.tab, '/', name, KEYS.enter);
  await app.waitFor(/1 (of 1|webhook)/);
  await app.press('e');
  await app.waitFor(`Name: ${name}`);
}

describe.each(SIZES)('the wizard at $columns×$rows', (size) => {
  const tag = `${size.columns}x${size.rows}`;

  it('edits a webhook with two URLs: both listed, one changed, the diff shown, both saved', async () => {
    const ids = seedIds(sandbox);
    const name = `Two URLs ${tag}`;
    const app = await renderApp(sandbox, { size });
    const created = await app.api.addWebhook(ids.user.id, {
      name,
      urls: [
        { url: 'https://one.example/hook', format: 'raw' },
        { url: 'https://hooks.slack.com/services/T1/B1/s3cr3t', format: 'slack' },
      ],
    });
    await editWebhook(app, name);
    expect(app.frame()).toContain('[Name] › URLs › Events');
    await app.press(KEYS.enter);
    const list = await app.waitFor('Every event goes to each of these 2 URLs');
    expect(list).toMatch(/1\. raw +https:\/\/one\.example\/hook/);
    // The Slack secret is masked in the list.
    expect(list).toMatch(/2\. slack +https:\/\/hooks\.slack\.com\/services\/T1\/B1\/••••/);
    expect(list).not.toContain('s3cr3t');
    expect(list).toContain('e edit');
    await app.press('e');
    await app.waitFor('URL 1 of 2');
    await app.press('\u0015', 'https://two.example/hook', KEYS.enter);
    await app.waitFor('How the body is written');
    await app.press(KEYS.enter);
    expect(await app.waitFor('URL 1 is now raw https://two.example/hook.')).toMatch(
      /1\. raw +https:\/\/two\.example\/hook/,
    );
    await app.press(KEYS.enter, KEYS.enter, KEYS.enter);
    const review = await app.waitFor('Enter to save it');
    expect(review).toContain('Changes (1): - now, + once saved');
    expect(review).toMatch(/~ URLs +- raw https:\/\/one\.example\/hook/);
    expect(review).toMatch(/\+ raw https:\/\/two\.example\/hook/);
    expect(review).toContain('slack https://hooks.slack.com/services/T1/B1/••••');
    expect(review).toContain('name, events, scope unchanged');
    expect(review).toContain(`PUT /v2/notifications/webhooks/${ids.user.id}/`);
    expect(review.split('\n').length).toBeLessThanOrEqual(size.rows);
    await app.press(KEYS.enter);
    await app.waitFor(`Saved ${name}`);
    const saved = (await app.api.listWebhooks(ids.user.id)).find((h) => h.id === created.id);
    expect(saved?.urls).toEqual([
      { url: 'https://two.example/hook', format: 'raw' },
      { url: 'https://hooks.slack.com/services/T1/B1/s3cr3t', format: 'slack' },
    ]);
    await app.unmount();
  });

  it('adds and removes URLs; a URL the sandbox refuses says why and keeps every answer', async () => {
    const ids = seedIds(sandbox);
    const name = `Many URLs ${tag}`;
    const app = await renderApp(sandbox, { size });
    const created = await app.api.addWebhook(ids.user.id, {
      name,
      urls: [
        { url: 'https://a.example/1', format: 'raw' },
        { url: 'https://b.example/2', format: 'raw' },
      ],
    });
    await editWebhook(app, name);
    await app.press(KEYS.enter);
    await app.waitFor('each of these 2 URLs');
    // a adds a URL; a bad one is refused in place.
    await app.press('a');
    await app.waitFor('A new URL (3)');
    await app.press('nope', KEYS.enter);
    await app.waitFor('"nope" is not a URL');
    await app.press('\u0015', `https://c.example/${'x'.repeat(2100)}`, KEYS.enter, 'j', KEYS.enter);
    await app.waitFor(/Added URL 3: slack[\s│]+https:\/\/c\.example\/x+…/);
    // d removes the URL under the cursor (the first).
    await app.press('g', 'k', 'k', 'd');
    await app.waitFor('Removed URL 1: raw https://a.example/1');
    await app.waitFor('each of these 2 URLs');
    await app.press(KEYS.enter, KEYS.enter, KEYS.enter);
    await app.waitFor('Enter to save it');
    await app.press(KEYS.enter);
    // The sandbox refuses a URL over 2,048 characters, naming the field.
    const refused = await app.waitFor('The API refused it');
    expect(flat(refused)).toContain('URL 2 (urls.1.url): at most 2048 characters');
    expect(flat(refused)).toContain('nothing is lost');
    // Back to the list: every answer is there; fix the long URL and save.
    await app.press(KEYS.esc, KEYS.esc, KEYS.esc);
    await app.waitFor('each of these 2 URLs');
    await app.press('j', 'e', '\u0015', 'https://c.example/short', KEYS.enter, KEYS.enter);
    await app.waitFor('URL 2 is now slack https://c.example/short.');
    await app.press(KEYS.enter, KEYS.enter, KEYS.enter);
    const review = await app.waitFor('Enter to save it');
    expect(review).toMatch(/- raw https:\/\/a\.example\/1/);
    expect(review).toMatch(/\+ slack https:\/\/c\.example\/short/);
    await app.press(KEYS.enter);
    await app.waitFor(`Saved ${name}`);
    const saved = (await app.api.listWebhooks(ids.user.id)).find((h) => h.id === created.id);
    expect(saved?.urls).toEqual([
      { url: 'https://b.example/2', format: 'raw' },
      { url: 'https://c.example/short', format: 'slack' },
    ]);
    await app.unmount();
  });

  it('shows the diff of an e-mail hook, name and recipients, marked without colour too', async () => {
    const ids = seedIds(sandbox);
    const name = `Mails ${tag}`;
    const app = await renderApp(sandbox, { size, theme: noColorTheme });
    await app.api.addEmailHook(ids.user.id, {
      name,
      notified: [{ type: 'email', target: 'old@example.com' }],
      events: ['DEPLOYMENT_FAIL'],
    });
    await app.waitFor('Personal not');
    await app.press('2', KEYS.tab, KEYS.tab, '/', name, KEYS.enter);
    await app.waitFor(/1 (of 1|e-mail hook)/);
    await app.press('e');
    await app.waitFor(`Name: ${name}`);
    await app.press('!', KEYS.enter);
    await app.waitFor('Who gets the e-mails');
    await app.press('j', '\u0015', 'new@example.com', KEYS.enter, KEYS.enter, KEYS.enter);
    const review = await app.waitFor('Enter to save it');
    expect(review).toContain('Changes (2)');
    expect(review).toMatch(new RegExp(`~ name +- ${name} `));
    expect(review).toContain(`+ ${name}!`);
    expect(review).toMatch(/~ recipients +- old@example\.com/);
    expect(review).toContain('+ new@example.com');
    expect(review).toContain('events, scope unchanged');
    await app.press(KEYS.enter);
    await app.waitFor(`Saved ${name}!`);
    await app.unmount();
  });

  it('asks before Esc on the first step or Ctrl-C throw typed answers away', async () => {
    const app = await renderApp(sandbox, { size });
    await app.waitFor('Personal not');
    // Nothing typed: Esc closes at once.
    await app.press('a');
    await app.waitFor('Start from scratch');
    await app.press(KEYS.esc);
    await app.waitFor('Personal not');
    // Something typed: Esc on the first step asks; n goes back with the answers.
    await app.press('a', 'j', 'j', KEYS.enter, 'Half done', KEYS.esc, KEYS.esc);
    const asked = await app.waitFor('Leave the wizard and throw away what you typed?');
    expect(asked).toContain('y yes, discard');
    expect(asked).toContain('n/Esc no, keep editing');
    await app.press('n', KEYS.enter);
    await app.waitFor('Name: Half done');
    // Ctrl-C asks too, and does not quit; Esc answers no.
    await app.press(KEYS.ctrlC);
    await app.waitFor('Quit clever-notify and throw away what you typed?');
    expect(app.quitCalls()).toBe(0);
    await app.press(KEYS.esc);
    await app.waitForNo('Quit clever-notify');
    expect(app.frame()).toContain('Name: Half done');
    // y after Ctrl-C quits.
    await app.press(KEYS.ctrlC, 'y');
    await vi.waitFor(() => expect(app.quitCalls()).toBe(1));
    await app.unmount();
  });

  it("asks for which owner the welcome's first webhook is, then opens the wizard for it", async () => {
    const ids = seedIds(sandbox);
    const app = await renderApp(sandbox, { size, showWelcome: true });
    await app.waitFor('Welcome to clever-notify');
    await app.press('a');
    const picker = await app.waitFor('Add your first webhook for which owner?');
    for (const owner of ['Ada Lovelace (personal)', ids.acme.name, ids.labs.name])
      expect(picker).toContain(owner);
    expect(picker).toContain('Enter pick');
    await app.press('G', 'k');
    await app.waitFor(`› ${ids.acme.name}`);
    await app.press(KEYS.enter);
    await app.waitFor(`Add a webhook for ${ids.acme.name}`);
    // Nothing typed: Esc leaves the wizard to the owner picked.
    await app.press(KEYS.esc);
    expect(await app.waitFor(/webhooks? of Acme Shop/)).toMatch(/› Acme Shop/);
    await app.unmount();
  });
});

import { describe, expect, it } from 'vitest';
import { urlsDiff } from '../../source/ui/wizard/wizard-diff.js';
import { webhookInputOf } from '../../source/ui/wizard/wizard-input.js';
import { initialWizardState } from '../../source/ui/wizard/wizard-state.js';
import { back, context, multiUrlHook, next, run } from './wizard-fixtures.js';

describe('the wizard reducer, leaving and URLs', () => {
  it('asks before Ctrl-C throws answers away, and quits at once when nothing was typed', () => {
    const ctrlC = { type: 'key', name: 'ctrl+c' } as const;
    expect(run(initialWizardState(context), ctrlC).quit).toBe(true);
    const typed = run(initialWizardState({ ...context, offerPresets: false }), 'Ops', next, 'https://e');
    const asking = run(typed, ctrlC);
    expect(asking).toMatchObject({ quit: false, confirmDiscard: 'quit', step: 'url' });
    expect(run(asking, 'n')).toMatchObject({ quit: false, url: 'https://e', name: 'Ops', step: 'url' });
    expect(run(asking, 'y').quit).toBe(true);
    // Twice Ctrl-C quits.
    expect(run(asking, ctrlC).quit).toBe(true);
    // An edit left as it was is no change: Esc closes it at once.
    const edit = initialWizardState({ ...context, offerPresets: false }, multiUrlHook);
    expect(run(edit, next, next, back, back, back).cancelled).toBe(true);
    expect(run(edit, 'x', back).confirmDiscard).toBe('close');
  });

  it('prefills an edit from the hook and keeps its other URLs', () => {
    const hook = multiUrlHook;
    const s = initialWizardState(context, hook);
    expect(s.mode).toBe('edit');
    expect(s.steps).toEqual(['name', 'urls', 'events', 'scope', 'review']);
    expect(webhookInputOf(s)).toEqual({
      name: 'Old',
      urls: hook.urls,
      events: ['DEPLOYMENT_FAIL'],
      scope: ['app_b'],
    });
  });

  it('edits, adds and removes the URLs of a webhook that has several, each with its format', () => {
    const key = (name: string) => ({ type: 'key', name }) as const;
    let s = run(initialWizardState(context, multiUrlHook), next);
    expect(s.step).toBe('urls');
    // e on the second URL: its text, then its format; Enter writes it back into the list.
    s = run(s, 'j', 'e');
    expect(s).toMatchObject({ step: 'url', editingUrl: 1, url: 'https://b.example/y', format: 'slack' });
    s = run(s, key('ctrl+u'), 'https://c.example/z', next);
    expect(s.step).toBe('format');
    s = run(s, { type: 'up' }, next);
    expect(s).toMatchObject({ step: 'urls', urlCursor: 1, editingUrl: undefined });
    expect(s.note).toBe('URL 2 is now raw https://c.example/z.');
    // a adds one; a bad URL is refused in place and keeps what was typed.
    s = run(s, 'a', 'ftp://nope', next);
    expect(s).toMatchObject({ step: 'url', url: 'ftp://nope', problem: expect.stringContaining('not ftp') });
    // Esc drops an unfinished URL, and says so.
    s = run(s, back);
    expect(s).toMatchObject({ step: 'urls', urls: { length: 2 } });
    expect(s.note).toContain('No URL was added');
    s = run(s, 'a', 'https://hooks.slack.com/services/T/B/secret', next, next);
    expect(s.urls).toHaveLength(3);
    expect(s.urls[2]).toEqual({ url: 'https://hooks.slack.com/services/T/B/secret', format: 'slack' });
    expect(s.note).toBe('Added URL 3: slack https://hooks.slack.com/services/T/B/••••.');
    // d removes the URL under the cursor, never the last one.
    s = run(s, 'k', 'k', 'd');
    expect(s.urls.map((u) => u.url)).toEqual([
      'https://c.example/z',
      'https://hooks.slack.com/services/T/B/secret',
    ]);
    s = run(s, 'd', 'd');
    expect(s.urls).toHaveLength(1);
    expect(s.problem).toContain('at least one URL');
    s = run(s, next, next, next);
    expect(s.step).toBe('review');
    expect(webhookInputOf(s).urls).toEqual([
      { url: 'https://hooks.slack.com/services/T/B/secret', format: 'slack' },
    ]);
  });
});

describe('the URLs of an edit, compared', () => {
  it('marks removed and added URLs, keeps the others, and names a changed secret that masking hides', () => {
    const slack = (secret: string) => ({
      url: `https://hooks.slack.com/services/T/B/${secret}`,
      format: 'slack' as const,
    });
    const raw = { url: 'https://a.example/x', format: 'raw' as const };
    const diff = urlsDiff([raw, slack('old')], [raw, slack('new')]);
    expect(diff.changed).toBe(true);
    expect(diff.lines).toEqual([
      { mark: '-', text: 'slack https://hooks.slack.com/services/T/B/••••' },
      { mark: '+', text: 'slack https://hooks.slack.com/services/T/B/•••• (secret changed)' },
      { mark: ' ', text: 'raw https://a.example/x' },
    ]);
    // Past two, the URLs that stay are counted, so that the changes stay in sight.
    const many = Array.from({ length: 5 }, (_, i) => ({
      url: `https://h${i}.example/`,
      format: 'raw' as const,
    }));
    expect(urlsDiff(many, many.slice(1)).lines).toEqual([
      { mark: '-', text: 'raw https://h0.example/' },
      { mark: ' ', text: 'and 4 more URLs, unchanged' },
    ]);
    expect(urlsDiff([raw], [raw]).changed).toBe(false);
    // A URL with control characters is shown with them escaped.
    const evil = urlsDiff([], [{ url: 'https://e.example/\u001b[31m', format: 'raw' }]);
    expect(evil.lines[0]?.text).not.toContain('\u001b');
  });
});

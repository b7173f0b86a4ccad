import { describe, expect, it } from 'vitest';
import { lastFailureLabel, recipientsLabel } from '../../source/domain/hook-labels.js';
import { fullMaskedUrl, maskSecretUrl, shortTarget } from '../../source/domain/masking.js';
import { fitCell, fitColumns } from '../../source/domain/table.js';
import { activityKeys } from '../../source/ui/activity/activity-keys.js';
import { emailHookCommand, shellQuote, webhookCommand } from '../../source/ui/hooks/clever-command.js';
import { foldLines } from '../../source/ui/hooks/hook-detail-lines.js';
import { effectiveKeyMaps, globalKeys, hintsOf, hooksKeys } from '../../source/ui/keys/key-map.js';
import { parseKeys } from '../../source/ui/keys/key-names.js';
import { fittingHints } from '../../source/ui/layout/footer.js';
import { scrollOffset } from '../../source/ui/table/window.js';

describe('labels of hooks', () => {
  it('masks the secret of Slack and Discord URLs and shortens long paths', () => {
    expect(fullMaskedUrl('https://hooks.slack.com/services/T1/B2/abcdef')).toBe(
      'https://hooks.slack.com/services/T1/B2/••••',
    );
    expect(fullMaskedUrl('http://127.0.0.1:9/a/long/path/hook?x=1')).toBe(
      'http://127.0.0.1:9/a/long/path/hook?x=1',
    );
    expect(maskSecretUrl('https://hooks.slack.com/services/T1/B2/abcdef')).toBe(
      'hooks.slack.com/services/T1/B2/••••',
    );
    expect(maskSecretUrl('https://discord.com/api/webhooks/123/tok3n/slack')).toBe(
      'discord.com/api/webhooks/123/••••/slack',
    );
    expect(maskSecretUrl('https://example.com/a?token=x')).toBe('example.com/a?…');
    expect(shortTarget('https://example.com/a/very/long/path/to/the/endpoint', 30)).toBe(
      'example.com/…/endpoint',
    );
    expect(shortTarget('https://hooks.slack.com/services/T1/B2/abcdef', 20)).toBe('hooks.slack.com/…');
    // No middle to drop: never longer than the URL itself.
    expect(shortTarget('https://ntfy.example/ada-deploys', 20)).toBe('ntfy.example/ada-deploys');
  });

  it('says "whole team" where no recipient is named, and shows unknown targets raw', () => {
    expect(recipientsLabel(undefined)).toBe('whole team');
    expect(recipientsLabel([{ type: 'organisation' }])).toBe('whole team');
    expect(
      recipientsLabel([
        { type: 'email', target: 'a@b.c' },
        { type: 'slack', target: 'x' },
      ]),
    ).toBe('a@b.c, slack:x');
  });

  it('names the cause and age of the latest failure', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(
      lastFailureLabel(
        [
          { url: 'u', status: 500, createdAt: '2026-01-01T10:00:00Z' },
          { url: 'u', networkFailure: 'ECONNREFUSED', createdAt: now - 120_000 },
        ],
        now,
      ),
    ).toBe('ECONNREFUSED, 2m ago');
    expect(lastFailureLabel([], now)).toBe('');
  });

  it('writes the equivalent clever-tools commands, one per URL, quoted for the shell', () => {
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(
      webhookCommand('orga_x', {
        name: 'Ops hook',
        urls: [
          { url: 'https://a.example/h', format: 'raw' },
          { url: 'https://hooks.slack.com/services/T/B/s', format: 'slack' },
        ],
        events: ['META_DEPLOYMENT_RESULT'],
        scope: ['app_1', 'app_2'],
      }),
    ).toEqual([
      "clever webhooks add 'Ops hook' https://a.example/h --event META_DEPLOYMENT_RESULT --service app_1,app_2 --org orga_x",
      "clever webhooks add 'Ops hook' https://hooks.slack.com/services/T/B/s --format slack --event META_DEPLOYMENT_RESULT --service app_1,app_2 --org orga_x",
    ]);
    expect(emailHookCommand('user_x', { name: 'Mails', notified: null })).toBe(
      'clever notify-email add Mails --notify organisation --org user_x',
    );
  });
});

describe('tables and keys', () => {
  it('drops the least useful columns first and shares the rest of the width', () => {
    const columns = [
      { id: 'name', title: 'Name', minWidth: 10, grow: 1 },
      { id: 'a', title: 'A', minWidth: 10, dropOrder: 1 },
      { id: 'b', title: 'B', minWidth: 10, dropOrder: 2 },
    ];
    expect(fitColumns(columns, 40).map((c) => [c.column.id, c.width])).toEqual([
      ['name', 18],
      ['a', 10],
      ['b', 10],
    ]);
    expect(fitColumns(columns, 25).map((c) => c.column.id)).toEqual(['name', 'a']);
    expect(fitColumns(columns, 5).map((c) => c.column.id)).toEqual(['name']);
    expect(fitCell('abcdef', 4)).toBe('abc…');
  });

  it('gives the fill columns their whole content first, dropping less useful columns for it', () => {
    const columns = [
      { id: 'name', title: 'Name', minWidth: 8, grow: 1, fill: 1 },
      { id: 'target', title: 'Target', minWidth: 10, grow: 3 },
      { id: 'events', title: 'Events', minWidth: 6, grow: 1, maxWidth: 24, dropOrder: 1, fill: 2 },
      { id: 'scope', title: 'Scope', minWidth: 8, grow: 1, dropOrder: 3 },
    ];
    const wanted = [12, 60, 22, 8];
    // Room for all at their minimum, not for the events whole: scope goes, events show whole.
    expect(fitColumns(columns, 50, wanted).map((c) => [c.column.id, c.width])).toEqual([
      ['name', 12],
      ['target', 14],
      ['events', 22],
    ]);
    // Plenty of room: nothing grows past its content, the target takes the rest.
    expect(fitColumns(columns, 90, wanted).map((c) => [c.column.id, c.width])).toEqual([
      ['name', 12],
      ['target', 45],
      ['events', 22],
      ['scope', 8],
    ]);
    // Too narrow even for the minimums: the events go too, by their dropOrder.
    expect(fitColumns(columns, 20, wanted).map((c) => c.column.id)).toEqual(['name', 'target']);
    expect(fitCell('ab', 4)).toBe('ab  ');
  });

  it('folds a detail line between URL segments or words, hanging under the value', () => {
    const url = 'https://hooks.slack.example/services/T000SANDBOX/B000SANDBOX/••••  [slack]';
    expect(foldLines([{ text: `URLs        ${url}`, hang: 12 }], 54).map((l) => l.text)).toEqual([
      'URLs        https://hooks.slack.example/services/',
      '            T000SANDBOX/B000SANDBOX/••••  [slack]',
    ]);
    const events = foldLines(
      [{ text: `${' '.repeat(12)}= DEPLOYMENT_FAIL, APPLICATION_STOP`, hang: 12 }],
      40,
    );
    expect(events.map((l) => l.text)).toEqual([
      '            = DEPLOYMENT_FAIL,',
      '            APPLICATION_STOP',
    ]);
    // A word longer than the room is cut anywhere, and a tiny width still ends.
    expect(foldLines([{ text: 'x'.repeat(25), hang: 12 }], 10).map((l) => l.text.trim())).toEqual([
      'xxxxxxxxxx',
      'xxxxx',
      'xxxxx',
      'xxxxx',
    ]);
  });

  it('scrolls as little as possible to keep the cursor in view', () => {
    expect(scrollOffset(0, 5, 10, 100)).toBe(0);
    expect(scrollOffset(0, 12, 10, 100)).toBe(3);
    expect(scrollOffset(20, 15, 10, 100)).toBe(15);
    expect(scrollOffset(95, 99, 10, 100)).toBe(90);
  });

  it('splits a burst of keys, and reads Esc followed by a key as both', () => {
    expect(parseKeys('jjk')).toEqual(['j', 'j', 'k']);
    expect(parseKeys('\tj ')).toEqual(['tab', 'j', 'space']);
    expect(parseKeys('\u001Ba')).toEqual(['esc', 'a']);
    expect(parseKeys('\u001B')).toEqual(['esc']);
    expect(parseKeys('\u0003')).toEqual(['ctrl+c']);
    expect(parseKeys('\u007F')).toEqual(['backspace']);
  });

  it('offers each key once in the footer, the more specific map first', () => {
    const hints = hintsOf([hooksKeys, globalKeys]);
    expect(hints.filter((h) => h.keys === 'q')).toHaveLength(1);
    expect(hints.map((h) => h.label)).toContain('add');
  });

  it('drops a key an earlier map takes, in the footer and the overlay alike, and pairs ↑↓ with jk', () => {
    const hints = hintsOf([activityKeys, globalKeys]).map((h) => `${h.keys} ${h.label}`);
    expect(hints).toContain('r redeliver');
    expect(hints).toContain('R refresh');
    expect(hints).not.toContain('r refresh');
    expect(hints).not.toContain('r/R refresh');
    expect(hints[0]).toBe('↑↓/jk move');
    const fitted = fittingHints(hintsOf([hooksKeys, globalKeys]), 60).map((h) => h.label);
    expect(fitted.slice(-2)).toEqual(['quit', 'more']);
    expect(fitted).not.toContain('refresh');
    const { maps, shadowed } = effectiveKeyMaps([activityKeys, globalKeys]);
    const refresh = maps[1]?.commands.find((c) => c.id === 'app.refresh');
    expect(refresh?.keys).toEqual(['R']);
    expect(shadowed.map((x) => `${x.key} ${x.by.id} ${x.command.id}`)).toEqual([
      'r activity.redeliver app.refresh',
    ]);
    expect(hintsOf([hooksKeys, globalKeys]).map((h) => `${h.keys} ${h.label}`)).toContain('r/R refresh');
  });
});

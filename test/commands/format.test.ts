import { describe, expect, it } from 'vitest';
import {
  emailHookJson,
  emailHooksTable,
  hooksCoveringApp,
  lastFailure,
  relativeTime,
  testResultsTable,
  webhookJson,
  webhooksTable,
} from '../../source/commands/format/hooks.js';
import { ansi, colorEnabled, plain } from '../../source/commands/format/style.js';
import { renderTable } from '../../source/commands/format/table.js';
import type { EmailHook, Webhook } from '../../source/domain/schemas.js';

const OWNER = 'orga_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';
const APP = 'app_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';
const NOW = Date.parse('2026-01-02T12:00:00Z');

const webhook: Webhook = {
  id: 'h1',
  ownerId: OWNER,
  name: 'Deploys',
  urls: [
    { format: 'slack', url: 'https://hooks.slack.com/x' },
    { format: 'raw', url: 'https://example.com/y' },
  ],
  events: ['META_DEPLOYMENT_RESULT'],
  scope: null,
  createdAt: '2026-01-01T10:00:00+01:00',
  failures: [
    { url: 'https://example.com/y', status: 500, createdAt: NOW - 3 * 3600_000 },
    { url: 'https://hooks.slack.com/x', networkFailure: 'ECONNREFUSED', createdAt: NOW - 60_000 },
  ],
  state: 'DISABLED',
};

describe('JSON shapes', () => {
  it('is the clever-tools shape plus createdAt, state and failures', () => {
    expect(webhookJson(webhook)).toEqual({
      id: 'h1',
      name: 'Deploys',
      ownerId: OWNER,
      services: [OWNER],
      events: ['META_DEPLOYMENT_RESULT'],
      urls: webhook.urls,
      createdAt: '2026-01-01T09:00:00.000Z',
      state: 'DISABLED',
      failures: [
        { url: 'https://example.com/y', status: 500, createdAt: '2026-01-02T09:00:00.000Z' },
        {
          url: 'https://hooks.slack.com/x',
          networkFailure: 'ECONNREFUSED',
          createdAt: '2026-01-02T11:59:00.000Z',
        },
      ],
    });
    expect(webhookJson({ ...webhook, events: undefined, scope: [APP] })).toMatchObject({
      events: ['ALL'],
      services: [APP],
    });
  });

  it('lists e-mail targets, and "whole team" where there is none', () => {
    const hook: EmailHook = {
      id: 'e1',
      ownerId: OWNER,
      name: null,
      createdAt: 1735689600000,
      notified: [
        { type: 'email', target: 'a@b.co' },
        { type: 'organisation' },
        { type: 'userid', target: 'user_x' },
      ],
    };
    expect(emailHookJson(hook)).toEqual({
      id: 'e1',
      name: null,
      ownerId: OWNER,
      services: [OWNER],
      events: ['ALL'],
      notified: ['a@b.co', 'whole team', 'user_x'],
      createdAt: '2025-01-01T00:00:00.000Z',
    });
    expect(emailHookJson({ ...hook, notified: undefined }).notified).toEqual(['whole team']);
  });
});

describe('the linked app filter', () => {
  it('keeps hooks with no scope, an empty scope, or one holding the app', () => {
    const hooks = [{ scope: null }, { scope: [] }, { scope: [APP] }, { scope: ['app_other'] }];
    expect(hooksCoveringApp(hooks, APP)).toEqual(hooks.slice(0, 3));
    expect(hooksCoveringApp(hooks, undefined)).toEqual(hooks);
  });
});

describe('tables', () => {
  it('aligns columns, including cells of several lines', () => {
    const table = renderTable(
      ['A', 'LONG HEADER'],
      [
        ['x', 'one\ntwo'],
        ['wider', 'z'],
      ],
      { paint: plain },
    );
    expect(table).toBe(['A      LONG HEADER', 'x      one', '       two', '', 'wider  z', ''].join('\n'));
  });

  it('drops the least useful columns first on a narrow terminal', () => {
    const rows = [['id-1', 'a long name here', '2026-01-01']];
    const options = { paint: plain, dropFirst: ['CREATED', 'NAME'] };
    expect(renderTable(['ID', 'NAME', 'CREATED'], rows, { ...options, maxWidth: 80 })).toContain('CREATED');
    const narrow = renderTable(['ID', 'NAME', 'CREATED'], rows, { ...options, maxWidth: 30 });
    expect(narrow).toBe('ID    NAME\nid-1  a long name here\n');
    expect(renderTable(['ID', 'NAME', 'CREATED'], rows, { ...options, maxWidth: 5 })).toBe('ID\nid-1\n');
  });

  it('colours only when asked, and pads by the visible width', () => {
    const table = renderTable(['S', 'N'], [[{ text: 'ok', tone: 'good' }, 'n']], { paint: ansi });
    expect(table.split('\n')[1]).toBe('\u001b[32mok\u001b[39m  n');
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
  });

  it('shows the state and the newest failure of a webhook', () => {
    expect(lastFailure(webhook.failures, NOW)).toBe(
      'ECONNREFUSED, 1 min ago (2 failures)\nhttps://hooks.slack.com/x',
    );
    const table = webhooksTable([webhook], plain, NOW);
    expect(table).toContain('DISABLED');
    expect(table).toContain('ECONNREFUSED, 1 min ago (2 failures)');
    expect(table).toContain('all apps and add-ons');
    expect(table.split('\n')[0]).toMatch(
      /^ID\s+NAME\s+STATE\s+EVENTS\s+SERVICES\s+URLS\s+CREATED\s+LAST FAILURE$/,
    );
    expect(table.split('\n')[2]).toMatch(
      /^\s+raw\s+https:\/\/example\.com\/y\s+https:\/\/hooks\.slack\.com\/x$/,
    );
  });

  it('shows who an e-mail hook notifies, unknown target types raw', () => {
    const table = emailHooksTable(
      [
        {
          id: 'e1',
          ownerId: OWNER,
          createdAt: 0,
          notified: [
            { type: 'email', target: 'a@b.co' },
            { type: 'pager', target: '42' },
          ],
        },
      ],
      plain,
    );
    expect(table).toContain('a@b.co');
    expect(table).toContain('pager:42');
  });

  it('reports test results', () => {
    const table = testResultsTable(
      [
        { url: 'https://a', format: 'raw', ok: true, status: 200, durationMs: 12.4, responseExcerpt: 'ok' },
        { url: 'https://b', format: 'slack', ok: false, networkFailure: 'ECONNREFUSED', durationMs: 3 },
      ],
      plain,
    );
    expect(table).toContain('ok 200');
    expect(table).toContain('12 ms');
    expect(table).toContain('ECONNREFUSED');
  });

  it('says how long ago', () => {
    expect(relativeTime(NOW - 5000, NOW)).toBe('5 s ago');
    expect(relativeTime(new Date(NOW - 3 * 86400_000).toISOString(), NOW)).toBe('3 d ago');
  });
});

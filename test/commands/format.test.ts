import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { emailHooksTable, testResultsTable, webhooksTable } from '../../source/commands/format/hooks.js';
import { emailHookJson, hooksCoveringApp, webhookJson } from '../../source/commands/format/hooks-json.js';
import { ansi, colorEnabled, plain } from '../../source/commands/format/style.js';
import { renderTable } from '../../source/commands/format/table.js';
import type { EmailHook, Webhook } from '../../source/domain/schemas.js';
import type { TableColumn } from '../../source/domain/table.js';

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

const ESC = '\u001b';
const EVIL = `evil${ESC}]0;PWNED\u0007${ESC}[2J`;

const cols: TableColumn<string[]>[] = [
  { id: 'id', title: 'Id', minWidth: 4, cell: (r) => r[0]! },
  { id: 'name', title: 'Name', minWidth: 6, grow: 1, dropOrder: 2, fill: 1, cell: (r) => r[1]! },
  { id: 'created', title: 'Created', minWidth: 10, dropOrder: 3, cell: (r) => r[2]! },
];

/** Every line of a table within `width` terminal cells. */
function widest(table: string): number {
  return Math.max(
    ...table
      .trimEnd()
      .split('\n')
      .map((line) => stringWidth(line)),
  );
}

function options(width: number | undefined, ownerIds: string[] = []) {
  return { paint: plain, width, names: new Map([[APP, 'shop-front']]), ownerIds };
}

describe('tables', () => {
  it('aligns columns by display width, one row per line', () => {
    const table = renderTable(
      cols,
      [
        ['x', '日本語のフック', '2026-01-01'],
        ['wider', '🚀 go', ''],
      ],
      {
        paint: plain,
        width: undefined,
      },
    );
    expect(table).toBe(
      ['ID     NAME            CREATED', 'x      日本語のフック  2026-01-01', 'wider  🚀 go', ''].join('\n'),
    );
  });

  it('drops the least useful columns first on a narrow terminal, then cuts with an ellipsis', () => {
    const rows = [['id-1', 'a long name here', '2026-01-01']];
    expect(renderTable(cols, rows, { paint: plain, width: 80 })).toContain('CREATED');
    expect(renderTable(cols, rows, { paint: plain, width: 24 })).toBe('ID    NAME\nid-1  a long name here\n');
    expect(renderTable(cols, rows, { paint: plain, width: 14 })).toBe('ID    NAME\nid-1  a long …\n');
  });

  it('colours only when asked, and pads by the visible width', () => {
    const toned: TableColumn<string>[] = [
      { id: 's', title: 'S', minWidth: 1, cell: (r) => r, tone: () => 'ok' },
      { id: 'n', title: 'N', minWidth: 1, cell: () => 'n' },
    ];
    const table = renderTable(toned, ['ok'], { paint: ansi, width: undefined });
    expect(table.split('\n')[1]).toBe('\u001b[32mok\u001b[39m  n');
    expect(colorEnabled({ isTTY: true }, {})).toBe(true);
    expect(colorEnabled({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(colorEnabled({ isTTY: false }, {})).toBe(false);
  });

  it('shows the state and the newest failure of a webhook, the secret masked, the scope by name', () => {
    const hook = { ...webhook, scope: [APP] };
    const table = webhooksTable([hook], NOW, options(undefined, ['h1', 'h2']));
    expect(table.split('\n')[0]).toMatch(
      /^ID\s+NAME\s+TARGET\s+FORMAT\s+EVENTS\s+SCOPE\s+STATE\s+LAST FAILURE\s+CREATED$/,
    );
    expect(table).toContain('disabled');
    expect(table).toContain('ECONNREFUSED, 1m ago');
    expect(table).toContain('shop-front');
    expect(table).not.toContain(APP);
    // Nothing is cut without a terminal: every URL whole, but the Slack secret masked.
    expect(table).toContain('https://example.com/y');
    const slack = {
      ...hook,
      urls: [{ format: 'slack' as const, url: 'https://hooks.slack.com/services/T1/B2/s3cr3t' }],
    };
    const masked = webhooksTable([slack], NOW, options(undefined));
    expect(masked).toContain('https://hooks.slack.com/services/T1/B2/••••');
    expect(masked).not.toContain('s3cr3t');
    const password = {
      ...hook,
      urls: [{ format: 'raw' as const, url: 'https://bot:hunter2@example.com/in' }],
    };
    expect(webhooksTable([password], NOW, options(undefined))).not.toContain('hunter2');
    expect(webhooksTable([password], NOW, options(80))).not.toContain('hunter2');
  });

  it('keeps name, state and events first at 80 and 120 columns', () => {
    const hooks = [
      webhook,
      { ...webhook, id: 'h2', name: 'Failures to the pager', state: 'ENABLED' as const },
    ];
    for (const width of [80, 120]) {
      const table = webhooksTable(hooks, NOW, options(width, ['h1', 'h2']));
      expect(widest(table)).toBeLessThanOrEqual(width);
      expect(table.split('\n')).toHaveLength(4);
      expect(table).toMatch(/NAME\s+TARGET\s+.*EVENTS\s+.*STATE/);
      expect(table).toContain('Failures to the pager');
    }
  });

  it('never lets a name, a URL or an answer drive the terminal', () => {
    const evil = {
      ...webhook,
      name: EVIL,
      urls: [{ format: 'raw' as const, url: `https://example.com/${EVIL}` }],
    };
    for (const width of [undefined, 80]) {
      const table = webhooksTable([evil], NOW, options(width));
      expect(table).not.toContain(ESC);
      expect(table).not.toContain('\u0007');
      expect(table).toContain('evil\\e]0;PWNED');
    }
    const results = testResultsTable(
      [{ url: 'https://a', format: 'raw', ok: false, status: 500, durationMs: 1, responseExcerpt: EVIL }],
      { paint: plain, width: undefined },
    );
    expect(results).not.toContain(ESC);
  });

  it('fits a 60,000-character name and 10,000 events, emoji and CJK, at 80 and 120 columns', () => {
    const huge = {
      ...webhook,
      name: `🚀 デプロイ ${'x'.repeat(60_000)}`,
      events: Array.from({ length: 10_000 }, (_, i) => `EVENT_${i}`),
    };
    const cjk = { ...webhook, id: 'h2', name: '日本語のフック 🎉', state: 'ENABLED' as const };
    for (const width of [80, 120]) {
      const table = webhooksTable([huge, cjk], NOW, options(width, ['h1', 'h2']));
      expect(widest(table)).toBeLessThanOrEqual(width);
      expect(table.trimEnd().split('\n')).toHaveLength(3);
      expect(table).toContain('日本語のフック 🎉');
    }
  });

  it('shows who an e-mail hook notifies, unknown target types raw, and adapts to the width', () => {
    const hooks: EmailHook[] = [
      {
        id: 'e1',
        ownerId: OWNER,
        name: 'Deployment results for the whole team',
        createdAt: 0,
        notified: [
          { type: 'email', target: 'a@b.co' },
          { type: 'pager', target: '42' },
        ],
      },
    ];
    const table = emailHooksTable(hooks, options(undefined, ['e1']));
    expect(table).toContain('a@b.co');
    expect(table).toContain('pager:42');
    const narrow = emailHooksTable(hooks, options(40, ['e1']));
    expect(widest(narrow)).toBeLessThanOrEqual(40);
    expect(narrow.split('\n')[0]).toMatch(/^NAME\s+RECIPIENTS$/);
  });

  it('shows short unambiguous ids', () => {
    const a = { ...webhook, id: 'a1b2c3d4-0000' };
    const b = { ...webhook, id: 'a1b2c3d4-1111' };
    const c = { ...webhook, id: 'ffffffff-2222' };
    const table = webhooksTable([a, b, c], NOW, options(undefined, [a.id, b.id, c.id]));
    expect(table).toContain('a1b2c3d4-0 ');
    expect(table).toContain('a1b2c3d4-1 ');
    expect(table).toMatch(/^fffffff\s/m);
  });

  it('reports test results', () => {
    const table = testResultsTable(
      [
        { url: 'https://a', format: 'raw', ok: true, status: 200, durationMs: 12.4, responseExcerpt: 'ok' },
        { url: 'https://b', format: 'slack', ok: false, networkFailure: 'ECONNREFUSED', durationMs: 3 },
      ],
      { paint: plain, width: undefined },
    );
    expect(table).toContain('ok 200');
    expect(table).toContain('12 ms');
    expect(table).toContain('ECONNREFUSED');
  });
});

// The pure rules of notifications as code: substitution, secret URLs, names and ids, the plan.
// biome-ignore-all lint/suspicious/noTemplateCurlyInString: ${VAR} is the syntax under test
import { describe, expect, it } from 'vitest';
import { type Account, accountOf } from '../../source/as-code/account.js';
import { formatNotifications, parseNotifications } from '../../source/as-code/document.js';
import { exportOwner, VariableNames } from '../../source/as-code/from-api.js';
import { planChanges, withRequesterNamed } from '../../source/as-code/plan.js';
import { planLines } from '../../source/as-code/plan-text.js';
import { maskedUrl, splitSecretUrl } from '../../source/as-code/secret-url.js';
import { escapeReferences, substituteVariables } from '../../source/as-code/substitute.js';
import { desiredState } from '../../source/as-code/to-api.js';
import type { EmailHook, Summary, Webhook } from '../../source/domain/schemas.js';

const USER = 'user_11111111-1111-4111-8111-111111111111';
const ORG = 'orga_22222222-2222-4222-8222-222222222222';
const APP = 'app_33333333-3333-4333-8333-333333333333';
const APP2 = 'app_44444444-4444-4444-8444-444444444444';
const ADDON = 'addon_55555555-5555-4555-8555-555555555555';

const summary: Summary = {
  user: { id: USER, name: 'Ada', applications: [], addons: [], consumers: [], providers: [] },
  organisations: [
    {
      id: ORG,
      name: 'Acme Shop',
      applications: [
        { id: APP, name: 'shop-front' },
        { id: APP2, name: 'shop-api' },
      ],
      addons: [{ id: ADDON, name: 'shop-db' }],
      consumers: [],
      providers: [],
    },
  ],
};
const account: Account = accountOf(summary);

function webhook(fields: Partial<Webhook> & { id: string; name: string }): Webhook {
  return {
    ownerId: ORG,
    urls: [{ format: 'raw', url: 'https://example.org/hook' }],
    createdAt: 0,
    failures: [],
    state: 'ENABLED',
    ...fields,
  };
}

function parse(yaml: string, env: Record<string, string> = {}) {
  return parseNotifications(yaml, 'test.yaml', env);
}

describe('${VAR} substitution', () => {
  it('replaces references in every value, keeps $${ literal, and names every unset variable with where it is', () => {
    expect(substituteVariables({ a: ['x${A}y', { b: '$${A}' }], n: 3 }, { A: 'secret' })).toEqual({
      a: ['xsecrety', { b: '${A}' }],
      n: 3,
    });
    expect(() => substituteVariables({ owners: [{ url: '${MISSING}', other: '${ALSO}' }] }, {})).toThrow(
      /owners\[0\]\.url: the environment variable MISSING is not set\n.*owners\[0\]\.other: the environment variable ALSO is not set/,
    );
    expect(() => substituteVariables({ u: '${not closed' }, {})).toThrow(/is not a variable reference/);
    expect(substituteVariables(escapeReferences('a${B}'), {})).toBe('a${B}');
  });
});

describe('secret URLs', () => {
  it('splits Slack and Discord tokens and URL passwords exactly, and leaves other URLs whole', () => {
    const slack = 'https://hooks.slack.com/services/T0/B0/XyZ123';
    expect(splitSecretUrl(slack)).toEqual({
      kind: 'slack',
      before: 'https://hooks.slack.com/services/T0/B0/',
      secret: 'XyZ123',
      after: '',
    });
    const discord = 'https://discord.com/api/webhooks/123/tok-EN/slack?wait=true';
    const d = splitSecretUrl(discord)!;
    expect([d.kind, d.secret, d.before + d.secret + d.after]).toEqual(['discord', 'tok-EN', discord]);
    const password = 'https://ci:p%40ss@ci.example/hook';
    const p = splitSecretUrl(password)!;
    expect([p.kind, p.before, p.secret, p.after]).toEqual([
      'password',
      'https://ci:',
      'p%40ss',
      '@ci.example/hook',
    ]);
    expect(splitSecretUrl('https://example.org/services/T/B/X')).toBeUndefined();
    expect(maskedUrl(slack)).toBe('https://hooks.slack.com/services/T0/B0/••••');
  });
});

describe('export of an owner', () => {
  it('writes names for scope ids, me for the user, secrets as variables, hooks by name', () => {
    const acme = account.owners.find((o) => o.id === ORG)!;
    const hooks = [
      webhook({
        id: 'w2',
        name: 'b',
        urls: [{ format: 'slack', url: 'https://hooks.slack.com/services/T/B/S' }],
      }),
      webhook({ id: 'w1', name: 'a', scope: [APP, ADDON, 'app_gone'], events: ['META_DEPLOYMENT_RESULT'] }),
      webhook({ id: 'w3', name: '' }),
    ];
    const email: EmailHook = {
      id: 'e1',
      ownerId: ORG,
      name: 'mail',
      createdAt: 0,
      notified: [
        { type: 'userid', target: USER },
        { type: 'email', target: 'a@x.example,b@x.example' },
        { type: 'organisation' },
      ],
    };
    const out = exportOwner(acme, USER, hooks, [email], new VariableNames());
    expect(out.owner.webhooks!.map((h) => h.name)).toEqual(['a', 'b']);
    expect(out.owner.webhooks![0]).toMatchObject({ apps: ['shop-front', 'app_gone'], addons: ['shop-db'] });
    expect(out.owner.webhooks![1]!.urls[0]!.url).toBe(
      'https://hooks.slack.com/services/T/B/${ACME_SHOP_B_SLACK_TOKEN}',
    );
    expect(out.variables.map((v) => v.name)).toEqual(['ACME_SHOP_B_SLACK_TOKEN']);
    expect(out.owner.emailHooks![0]!.notify).toEqual(['me', 'a@x.example,b@x.example', 'organisation']);
    expect(out.unnamed).toEqual([{ kind: 'webhook', id: 'w3' }]);
    const inline = exportOwner(acme, USER, hooks, [], new VariableNames(), { inlineSecrets: true });
    expect(inline.owner.webhooks![1]!.urls[0]!.url).toBe('https://hooks.slack.com/services/T/B/S');
    expect(inline.variables).toEqual([]);
  });

  it('reads back what it writes, to the same text', () => {
    const acme = account.owners.find((o) => o.id === ORG)!;
    const out = exportOwner(
      acme,
      USER,
      [webhook({ id: 'w', name: 'Slack #x', events: ['A', 'B'] })],
      [],
      new VariableNames(),
    );
    const text = formatNotifications({ version: 1, owners: [out.owner] }, 'yaml');
    expect(text).toContain('# yaml-language-server: $schema=');
    expect(formatNotifications(parse(text), 'yaml')).toBe(text);
    const json = formatNotifications({ version: 1, owners: [out.owner] }, 'json');
    expect(formatNotifications(parse(json), 'yaml')).toBe(text);
  });
});

describe('reading a file', () => {
  it('refuses two hooks of one owner with the same name, a bad shape, and YAML errors, saying where', () => {
    const dup = `version: 1
owners:
  - name: Acme Shop
    webhooks:
      - {name: x, urls: [{url: "https://a.example"}]}
      - {name: x, urls: [{url: "https://b.example"}]}
`;
    expect(() => parse(dup)).toThrow(/owners\[0\]\.webhooks\[1\]: "x" is also the name of webhooks\[0\]/);
    expect(() => parse('version: 1\nowners:\n  - name: A\n    webhook: []\n')).toThrow(
      /owners\[0\]: Unrecognized key: "webhook"/,
    );
    expect(() => parse('version: 1\nowners: [\n')).toThrow(/test\.yaml: .*line/);
  });
});

describe('names to ids', () => {
  it('resolves owners by id then name, scope names, recipients, and lists every problem at once', () => {
    const file = parse(`version: 1
owners:
  - name: Old name
    id: ${ORG}
    webhooks:
      - name: a
        urls: [{url: "https://a.example"}]
        apps: [shop-front, ${APP2}]
        addons: [shop-db]
    emailHooks:
      - {name: m, notify: [me, organisation, x@y.example]}
  - name: ada
    personal: true
`);
    const [acme, ada] = desiredState(file, account);
    expect(acme!.owner.id).toBe(ORG);
    expect(acme!.fileName).toBe('Old name');
    expect(acme!.webhooks![0]!.scope).toEqual([APP, APP2, ADDON]);
    expect(acme!.emailHooks![0]!.notified).toEqual([
      { type: 'userid', target: USER },
      { type: 'organisation' },
      { type: 'email', target: 'x@y.example' },
    ]);
    expect(ada!.owner.id).toBe(USER);
    expect(ada!.webhooks).toBeUndefined();

    const bad = parse(`version: 1
owners:
  - name: Nobody
  - name: acme shop
    webhooks:
      - {name: a, urls: [{url: "https://a.example"}], apps: [nope], events: [NOT_AN_EVENT]}
    emailHooks:
      - {name: m, notify: [somebody]}
`);
    expect(() => desiredState(bad, account)).toThrow(
      /4 problems[\s\S]*none of your organisations is named "Nobody"[\s\S]*unknown event NOT_AN_EVENT[\s\S]*has no app named "nope"[\s\S]*cannot tell who "somebody" is/,
    );
  });
});

describe('the plan', () => {
  const file = (hooks: string) =>
    parse(`version: 1
owners:
  - name: Acme Shop
    webhooks:
${hooks}
`);
  const current = (hooks: Webhook[]) => new Map([[ORG, { webhooks: hooks }]]);

  it('adds, changes in place with a field diff, counts what is unchanged, and removes only with prune', () => {
    const desired = desiredState(
      file(`      - {name: same, urls: [{url: "https://example.org/hook"}], events: [B, A]}
      - {name: moved, urls: [{url: "https://new.example/hook"}]}
      - {name: new, urls: [{url: "https://n.example"}]}`),
      account,
      { events: ['A', 'B'], metaEvents: {} },
    );
    const now = current([
      webhook({ id: 's', name: 'same', events: ['A', 'B'] }),
      webhook({ id: 'm', name: 'moved' }),
      webhook({ id: 'o', name: 'other' }),
    ]);
    const [plan] = planChanges(desired, now, { prune: false });
    expect(plan!.steps.map((s) => [s.action, s.name])).toEqual([
      ['add', 'new'],
      ['change', 'moved'],
    ]);
    const change = plan!.steps[1]!;
    expect(change.action === 'change' && change.hookId).toBe('m');
    expect(change.action === 'change' && change.changes).toEqual([
      { field: 'urls', before: ['raw https://example.org/hook'], after: ['raw https://new.example/hook'] },
    ]);
    expect([plan!.unchanged, plan!.kept]).toEqual([1, 1]);
    expect(planLines([plan!], { prune: false }).join('\n')).toContain(
      'urls: raw https://example.org/hook → raw https://new.example/hook',
    );
    const [pruned] = planChanges(desired, now, { prune: true });
    expect(pruned!.steps.map((s) => [s.action, s.name])).toEqual([
      ['add', 'new'],
      ['change', 'moved'],
      ['remove', 'other'],
    ]);
  });

  it('takes a userid target without a user for the requesting user, as the file says me', () => {
    const desired = desiredState(
      parse(`version: 1\nowners:\n  - name: Acme Shop\n    emailHooks:\n      - {name: m, notify: [me]}\n`),
      account,
    );
    const hook: EmailHook = {
      id: 'e',
      ownerId: ORG,
      name: 'm',
      createdAt: 0,
      notified: [{ type: 'userid' }],
    };
    const [asIs] = planChanges(desired, new Map([[ORG, { emailHooks: [hook] }]]), { prune: false });
    expect(asIs!.steps).toHaveLength(1);
    const [named] = planChanges(desired, new Map([[ORG, { emailHooks: withRequesterNamed([hook], USER) }]]), {
      prune: false,
    });
    expect([named!.steps, named!.unchanged]).toEqual([[], 1]);
  });

  it('shows names from outside terminal-safe, and URLs with their secret masked', () => {
    const desired = desiredState(
      file(
        '      - {name: "evil\\e[2J", urls: [{format: slack, url: "https://hooks.slack.com/services/T/B/SECRET"}]}',
      ),
      account,
    );
    const text = planLines(planChanges(desired, current([]), { prune: false }), { prune: false }).join('\n');
    expect(text).toContain('+ add webhook "evil\\e[2J"');
    expect(text).toContain('urls: slack https://hooks.slack.com/services/T/B/••••');
    expect(text).not.toContain('SECRET');
    expect(text).not.toContain('\u001b');
  });

  it('refuses a name that two existing hooks share, and leaves a kind the file does not name alone', () => {
    const desired = desiredState(file('      - {name: twin, urls: [{url: "https://a.example"}]}'), account);
    const now = current([webhook({ id: 't1', name: 'twin' }), webhook({ id: 't2', name: 'twin' })]);
    expect(() => planChanges(desired, now, { prune: false })).toThrow(/2 webhooks named "twin" \(t1, t2\)/);
    const onlyEmail = desiredState(
      parse(`version: 1\nowners:\n  - name: Acme Shop\n    emailHooks: []\n`),
      account,
    );
    const [plan] = planChanges(onlyEmail, current([webhook({ id: 'w', name: 'w' })]), { prune: true });
    expect(plan!.steps).toEqual([]);
  });
});

describe('the example of the README', () => {
  it('is a valid notifications file', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(readme.indexOf('## Notifications as code'));
    const example = /```yaml\n([\s\S]*?)```/.exec(section)![1]!;
    const file = parse(example, { ACME_SLACK_TOKEN: 'token' });
    expect(file.owners.map((o) => o.name)).toEqual(['Acme Shop', 'Ada Lovelace']);
    expect(file.owners[0]!.webhooks![0]!.urls[0]!.url).toBe(
      'https://hooks.slack.com/services/T000/B000/token',
    );
  });
});

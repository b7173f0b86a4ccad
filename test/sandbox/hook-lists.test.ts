// Empty lists mean "all" everywhere (docs/contract.md, "Empty lists"): stored as an absent key,
// matched as every event and every app, labelled and printed as "all". And the e-mail targets: a
// `userid` without target is the requesting user; a type the contract does not have is refused.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { emailHooksTable, webhooksTable } from '../../source/commands/format/hooks.js';
import { emailHookJson, webhookJson } from '../../source/commands/format/hooks-json.js';
import { plain } from '../../source/commands/format/style.js';
import { eventsLabel, recipientsLabel, scopeLabel } from '../../source/domain/hook-labels.js';
import { chosenEntries, meansAll, withoutAllLists } from '../../source/domain/hook-lists.js';
import { hookMatchesEvent } from '../../source/domain/matching.js';
import type { EmailHook, Webhook } from '../../source/domain/schemas.js';
import { type Receiver, startReceiver, waitFor } from '../sandbox-events/support.js';
import { sandboxFetch, seedIds, startTestSandbox, type TestSandbox } from '../support/sandbox.js';

let sandbox: TestSandbox;
let ids: ReturnType<typeof seedIds>;
let receiver: Receiver;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  ids = seedIds(sandbox);
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await sandbox.close();
});

async function post<T>(pathname: string, json: unknown): Promise<{ status: number; body: T }> {
  const res = await sandboxFetch(sandbox, pathname, { method: 'POST', json });
  return { status: res.status, body: (await res.json()) as T };
}

describe('the domain rule', () => {
  test('absent, null and [] mean all; a list with entries names them', () => {
    expect([undefined, null, []].map(meansAll)).toEqual([true, true, true]);
    expect(chosenEntries(['A'])).toEqual(['A']);
    expect(withoutAllLists({ name: 'x', events: [], scope: null, notified: [] })).toEqual({ name: 'x' });
    expect(withoutAllLists({ name: 'x', events: ['A'] })).toEqual({ name: 'x', events: ['A'] });
  });

  test('matching: events [] listens to every event, scope [] covers every app', () => {
    const hook = { ownerId: 'orga_1', events: [], scope: [] };
    expect(
      hookMatchesEvent(hook, { type: 'DEPLOYMENT_SUCCESS', ownerId: 'orga_1', resourceId: 'app_1' }),
    ).toBe(true);
    expect(hookMatchesEvent(hook, { type: 'CREDITS_ADDED', ownerId: 'orga_1' })).toBe(true);
  });

  test('labels, tables and JSON show [] as all, like an absent list', () => {
    const webhook = {
      id: 'h',
      ownerId: 'orga_1',
      name: 'n',
      urls: [{ format: 'raw', url: 'https://example.org/' }],
      events: [],
      scope: [],
      createdAt: 0,
      failures: [],
      state: 'ENABLED',
    } satisfies Webhook;
    const emailHook = {
      id: 'e',
      ownerId: 'orga_1',
      name: 'm',
      createdAt: 0,
      notified: [],
      events: [],
    } satisfies EmailHook;
    expect(eventsLabel([])).toBe(eventsLabel(undefined));
    expect(scopeLabel([], new Map())).toBe(scopeLabel(null, new Map()));
    expect(recipientsLabel([])).toBe('whole team');
    // A userid target without target, as the real API may hold it, is the requesting user.
    expect(recipientsLabel([{ type: 'userid' }])).toBe('you');
    const table = { paint: plain, width: undefined, names: new Map<string, string>(), ownerIds: [] };
    expect(emailHooksTable([{ ...emailHook, notified: [{ type: 'userid' }] }], table)).toContain('you');
    expect(webhookJson(webhook)).toMatchObject({ events: ['ALL'], services: ['orga_1'] });
    expect(emailHookJson(emailHook)).toMatchObject({ events: ['ALL'], notified: ['whole team'] });
    expect(webhooksTable([webhook], 0, table)).toContain('all');
    expect(emailHooksTable([emailHook], table)).toContain('whole team');
  });
});

describe('on the sandbox', () => {
  test('a webhook with events [] and scope [] is stored without them and receives every event', async () => {
    const { status, body } = await post<Webhook>(`/v2/notifications/webhooks/${ids.acme.id}`, {
      name: 'everything',
      urls: [{ format: 'raw', url: receiver.url }],
      events: [],
      scope: [],
    });
    expect(status).toBe(200);
    expect(body).not.toHaveProperty('events');
    expect(body).not.toHaveProperty('scope');
    const listed = (await (
      await sandboxFetch(sandbox, `/v2/notifications/webhooks/${ids.acme.id}`)
    ).json()) as Webhook[];
    expect(listed.find((h) => h.id === body.id)).not.toHaveProperty('events');

    const sent = await post<{ eventId: string }>('/sandbox/v1/events', {
      event: 'APPLICATION_STOP',
      appId: ids.apps.shopFront.id,
    });
    expect(sent.status).toBe(202);
    const delivered = await waitFor(() => receiver.requests.find((r) => r.body.includes('APPLICATION_STOP')));
    expect(JSON.parse(delivered.body)).toMatchObject({ event: 'APPLICATION_STOP' });
  });

  test('an e-mail hook with notified [] is stored without it (the whole team)', async () => {
    const { status, body } = await post<EmailHook>(`/v2/notifications/emailhooks/${ids.acme.id}`, {
      name: 'team',
      notified: [],
      events: [],
    });
    expect(status).toBe(200);
    expect(body).not.toHaveProperty('notified');
    expect(body).not.toHaveProperty('events');
  });

  test('{"type":"userid"} without target is the requesting user', async () => {
    const { status, body } = await post<EmailHook>(`/v2/notifications/emailhooks/${ids.labs.id}`, {
      name: 'me',
      notified: [{ type: 'userid' }, { type: 'email', target: 'a@x.example' }],
    });
    expect(status).toBe(200);
    expect(body.notified).toEqual([
      { type: 'userid', target: ids.user.id },
      { type: 'email', target: 'a@x.example' },
    ]);
  });

  test('a target of another type is refused with a 400 that names it', async () => {
    for (const target of [{ type: 'slack', target: '#ops' }, { type: 'sms' }]) {
      const { status, body } = await post<{ message: string }>(
        `/v2/notifications/emailhooks/${ids.labs.id}`,
        {
          name: 'bad',
          notified: [{ type: 'email', target: 'a@x.example' }, target],
        },
      );
      expect(status).toBe(400);
      expect(body.message).toBe(
        `notified.1.type: unknown target type "${target.type}"; expected email, userid or organisation`,
      );
    }
    const empty = await post<{ message: string }>(`/v2/notifications/emailhooks/${ids.labs.id}`, {
      name: 'bad',
      notified: [{ type: 'email' }],
    });
    expect(empty.status).toBe(400);
    expect(empty.body.message).toMatch(/^notified\.0\.target: /);
  });
});

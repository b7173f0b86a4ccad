import { describe, expect, it } from 'vitest';
import type { EmailHook } from '../../source/domain/schemas.js';
import { unlistedUserIds } from '../../source/ui/wizard/recipients.js';
import { emailHookInputOf, webhookInputOf } from '../../source/ui/wizard/wizard-input.js';
import {
  initialWizardState,
  recipientRowsOf,
  type WizardContext,
} from '../../source/ui/wizard/wizard-state.js';
import { back, context, down, next, run, toggle } from './wizard-fixtures.js';

describe('the wizard reducer', () => {
  it('goes through a preset to a valid webhook body', () => {
    const s = run(
      initialWizardState(context),
      next, // preset 0: deployment results to Slack
      next, // the name is prefilled from the preset
      'https://hooks.slack.com/services/T1/B2/SECRET',
      next,
    );
    expect(s.step).toBe('format');
    expect(s.format).toBe('slack');
    const done = run(s, next, next, next, next);
    expect(done.step).toBe('review');
    expect(webhookInputOf(done)).toEqual({
      name: 'Deployment results to Slack',
      urls: [{ url: 'https://hooks.slack.com/services/T1/B2/SECRET', format: 'slack' }],
      events: ['META_DEPLOYMENT_RESULT'],
    });
    expect(run(done, next).submitting).toBe(true);
  });

  it('refuses an empty name and an invalid URL, saying why, and proposes slack for a Slack URL', () => {
    let s = run(initialWizardState({ ...context, offerPresets: false }), '  ', next);
    expect(s.step).toBe('name');
    expect(s.problem).toMatch(/needs a name/);
    s = run(s, 'Ops', next, 'ftp://x', next);
    expect(s.step).toBe('url');
    expect(s.problem).toMatch(/http/);
    s = run(
      s,
      { type: 'edit', key: 'backspace' },
      { type: 'edit', key: 'backspace' },
      { type: 'edit', key: 'backspace' },
      { type: 'edit', key: 'backspace' },
      { type: 'edit', key: 'backspace' },
      { type: 'edit', key: 'backspace' },
      { type: 'edit', key: 'backspace' },
    );
    s = run(s, 'not a url', next);
    expect(s.problem).toMatch(/not a URL/);
    expect(s.url).toBe('not a url');
  });

  it('adds /slack to a Discord URL and proposes the slack format', () => {
    const s = run(
      initialWizardState({ ...context, offerPresets: false }),
      'x',
      next,
      'https://discord.com/api/webhooks/1/tok',
      next,
    );
    expect(s.url).toBe('https://discord.com/api/webhooks/1/tok/slack');
    expect(s.format).toBe('slack');
    expect(s.note).toMatch(/added to the URL/);
  });

  it('removes /slack from a Discord URL when another format is chosen, and adds it back for slack', () => {
    const atFormat = run(
      initialWizardState({ ...context, offerPresets: false }),
      'x',
      next,
      'https://discord.com/api/webhooks/1/tok',
      next,
    );
    const raw = run(atFormat, { type: 'up' }, next);
    expect(raw.format).toBe('raw');
    expect(raw.url).toBe('https://discord.com/api/webhooks/1/tok');
    expect(raw.note).toMatch(/removed from the URL/);
    const slack = run(raw, { type: 'back' }, { type: 'down' }, next);
    expect(slack.format).toBe('slack');
    expect(slack.url).toBe('https://discord.com/api/webhooks/1/tok/slack');
  });

  it('refuses no event at all, and toggles "all events" against single ones', () => {
    let s = run(
      initialWizardState({ ...context, offerPresets: false }),
      'x',
      next,
      'https://example.com/h',
      next,
    );
    s = run(s, next, next);
    expect(s.step).toBe('events');
    expect(s.problem).toMatch(/at least one event/);
    s = run(s, toggle);
    expect(s.allEvents).toBe(true);
    s = run(s, down, toggle);
    expect(s.allEvents).toBe(false);
    expect(s.events).toEqual(['META_SERVICE_LIFECYCLE']);
    s = run(s, next, next);
    expect(s.step).toBe('review');
    expect(webhookInputOf(s).scope).toBeUndefined();
  });

  it('chooses apps and add-ons for the scope and refuses an empty choice', () => {
    let s = run(
      initialWizardState({ ...context, offerPresets: false }),
      'x',
      next,
      'https://example.com/h',
      next,
    );
    s = run(s, next, toggle, next);
    expect(s.step).toBe('scope');
    s = run(s, down, next);
    expect(s.problem).toMatch(/at least one app/);
    s = run(s, ' ', down, down, toggle, next);
    expect(s.step).toBe('review');
    expect(webhookInputOf(s).scope).toEqual(['app_a', 'addon_c']);
  });

  it('filters the apps of the scope step with /', () => {
    let s = run(
      initialWizardState({ ...context, offerPresets: false }),
      'x',
      next,
      'https://example.com/h',
      next,
    );
    s = run(s, next, toggle, next);
    s = run(s, '/', 'a', 'p', 'i', next);
    expect(s.scopeFiltering).toBe(false);
    expect(s.scopeFilter).toBe('api');
    s = run(s, down, toggle, next);
    expect(webhookInputOf(s).scope).toEqual(['app_b']);
    s = run(s, back);
    expect(s.step).toBe('scope');
    s = run(s, back);
    expect(s.scopeFilter).toBe('');
    expect(s.step).toBe('scope');
  });

  it('steps back with Esc keeping every answer, and leaves from the first step', () => {
    let s = run(
      initialWizardState({ ...context, offerPresets: false }),
      'Ops',
      next,
      'https://example.com',
      back,
    );
    expect(s.step).toBe('name');
    expect(s.name).toBe('Ops');
    s = run(s, next);
    expect(s.url).toBe('https://example.com');
    // Something was typed: leaving asks first; n and Esc go back with every answer.
    const asking = run(s, back, back);
    expect(asking).toMatchObject({ cancelled: false, confirmDiscard: 'close', step: 'name' });
    for (const no of ['n', 'esc']) {
      const kept = run(asking, { type: 'key', name: no });
      expect(kept).toMatchObject({ confirmDiscard: undefined, name: 'Ops', url: 'https://example.com' });
    }
    // Letters are not typed into the field beneath the question.
    expect(run(asking, 'x').name).toBe('Ops');
    expect(run(asking, 'y').cancelled).toBe(true);
    // Nothing typed: Esc leaves at once.
    expect(run(initialWizardState(context), back).cancelled).toBe(true);
  });

  it('keeps every answer when the API refuses, so that one can be fixed and retried', () => {
    let s = run(
      initialWizardState({ ...context, offerPresets: false }),
      'Ops',
      next,
      'https://example.com',
      next,
    );
    s = run(s, next, toggle, next, next, next);
    expect(s.submitting).toBe(true);
    // Keys do nothing while the request runs.
    expect(run(s, back)).toBe(s);
    s = run(s, { type: 'submitFailed', message: 'HTTP 500' });
    expect(s.submitError).toBe('HTTP 500');
    s = run(s, back, back, back, back, back);
    expect(s.step).toBe('name');
    s = run(s, '2', next, next, next, next, next);
    expect(s.step).toBe('review');
    expect(webhookInputOf(s)).toMatchObject({
      name: 'Ops2',
      urls: [{ url: 'https://example.com', format: 'raw' }],
    });
  });

  it('validates e-mail recipients and builds the notified list', () => {
    const email: WizardContext = { ...context, kind: 'email' };
    let s = run(initialWizardState(email), 'Mails', next);
    expect(s.step).toBe('recipients');
    expect(s.members).toEqual({ status: 'loading' });
    s = run(s, next);
    expect(s.problem).toMatch(/who gets the e-mails: the whole team, members, or some addresses/);
    s = run(s, down, 'ops@example.com, nope', next);
    expect(s.problem).toMatch(/Not an e-mail address: nope/);
    for (let i = 0; i < 6; i++) s = run(s, { type: 'edit', key: 'backspace' });
    s = run(s, { type: 'membersLoaded', members: MEMBERS }, down, toggle, down, down, toggle, next);
    expect(s.step).toBe('events');
    s = run(s, toggle, next, next);
    expect(s.step).toBe('review');
    expect(emailHookInputOf(s).notified).toEqual([
      { type: 'userid', target: 'user_1' },
      { type: 'userid', target: 'user_3' },
      { type: 'email', target: 'ops@example.com' },
    ]);
  });
});

const MEMBERS = [
  { member: { id: 'user_1', name: 'Ada', email: 'ada@example.com' }, role: 'ADMIN', job: 'CTO' },
  { member: { id: 'user_2', name: 'Grace', email: 'grace@example.com' }, role: 'DEVELOPER', job: null },
  { member: { id: 'user_3', name: null, email: 'bot@example.com' }, role: 'DEVELOPER' },
];

describe('the recipients step', () => {
  const email: WizardContext = { ...context, kind: 'email' };

  it('lists the members below the team and the addresses, and keeps the cursor on a real line', () => {
    let s = run(initialWizardState(email), 'Mails', next);
    expect(recipientRowsOf(s).map((r) => r.kind)).toEqual(['team', 'addresses']);
    s = run(s, { type: 'membersLoaded', members: MEMBERS }, down, down, down, down, down);
    expect(recipientRowsOf(s).map((r) => (r.kind === 'person' ? r.person.label : r.kind))).toEqual([
      'team',
      'addresses',
      'Ada <ada@example.com>',
      'Grace <grace@example.com>',
      'bot@example.com',
    ]);
    expect(s.recipientCursor).toBe(4);
    s = run(s, { type: 'membersFailed', message: 'boom' });
    expect(s.members).toEqual({ status: 'failed', error: 'boom' });
    // Without the list, the user alone is offered, and the cursor comes back to the last line.
    expect(recipientRowsOf(s).map((r) => (r.kind === 'person' ? r.person.label : r.kind))).toEqual([
      'team',
      'addresses',
      'Me (Ada)',
    ]);
    expect(s.recipientCursor).toBe(2);
  });

  it('retries a failed load when the step opens again', () => {
    let s = run(initialWizardState(email), 'Mails', next, { type: 'membersFailed', message: 'down' });
    s = run(s, back);
    expect(s.members.status).toBe('failed');
    s = run(s, next);
    expect(s.members).toEqual({ status: 'loading' });
    s = run(s, { type: 'membersLoaded', members: MEMBERS }, back, next);
    expect(s.members.status).toBe('ready');
  });

  it('offers the user alone in a personal space, without loading members', () => {
    const personal: WizardContext = { ...email, ownerId: 'user_1' };
    let s = run(initialWizardState(personal), 'Mine', next);
    expect(s.members).toEqual({ status: 'none' });
    s = run(s, next);
    expect(s.problem).toMatch(/the whole team, you, or some addresses/);
    s = run(s, down, down, toggle, next);
    expect(s.step).toBe('events');
    expect(emailHookInputOf(s).notified).toEqual([{ type: 'userid', target: 'user_1' }]);
  });

  it('editing a hook ticks the members it names and keeps the others it names', () => {
    const hook: EmailHook = {
      id: 'h1',
      ownerId: context.ownerId,
      name: 'On-call',
      createdAt: 1,
      notified: [
        { type: 'userid', target: 'user_2' },
        { type: 'userid', target: 'user_gone' },
        { type: 'email', target: 'a@example.com' },
        { type: 'pager', target: 'p1' },
      ],
    };
    let s = run(initialWizardState(email, hook), next, { type: 'membersLoaded', members: MEMBERS });
    expect(s.userIds).toEqual(['user_2', 'user_gone']);
    expect(s.wholeTeam).toBe(false);
    expect(unlistedUserIds({ ...s.context, members: s.members }, s.userIds)).toEqual(['user_gone']);
    // Untick Grace, tick Ada: the departed member and the unknown target stay.
    s = run(s, down, down, toggle, down, toggle);
    expect(emailHookInputOf(s).notified).toEqual([
      { type: 'userid', target: 'user_gone' },
      { type: 'userid', target: 'user_1' },
      { type: 'email', target: 'a@example.com' },
      { type: 'pager', target: 'p1' },
    ]);
  });
});

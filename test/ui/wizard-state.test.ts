import { describe, expect, it } from 'vitest';
import { BUILTIN_CATALOGUE } from '../../source/domain/events.js';
import type { Webhook } from '../../source/domain/schemas.js';
import {
  emailHookInputOf,
  initialWizardState,
  type WizardAction,
  type WizardContext,
  type WizardState,
  webhookInputOf,
  wizardReducer,
} from '../../source/ui/wizard/use-wizard-state.js';

const context: WizardContext = {
  kind: 'webhook',
  ownerId: 'orga_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c',
  ownerName: 'Acme',
  self: { id: 'user_1', name: 'Ada' },
  resources: [
    { id: 'app_a', name: 'front', kind: 'app' },
    { id: 'app_b', name: 'api', kind: 'app' },
    { id: 'addon_c', name: 'db', kind: 'addon' },
  ],
  catalogue: BUILTIN_CATALOGUE,
  offerPresets: true,
};

function run(state: WizardState, ...actions: (WizardAction | string)[]): WizardState {
  return actions.reduce<WizardState>(
    (s, a) => wizardReducer(s, typeof a === 'string' ? { type: 'text', text: a } : a),
    state,
  );
}

const next = { type: 'next' } as const;
const back = { type: 'back' } as const;
const down = { type: 'down' } as const;
const toggle = { type: 'toggle' } as const;

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
    expect(run(s, back, back).cancelled).toBe(true);
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

  it('prefills an edit from the hook and keeps its other URLs', () => {
    const hook: Webhook = {
      id: 'h1',
      ownerId: context.ownerId,
      name: 'Old',
      urls: [
        { url: 'https://a.example/x', format: 'raw' },
        { url: 'https://b.example/y', format: 'slack' },
      ],
      events: ['DEPLOYMENT_FAIL'],
      scope: ['app_b'],
      createdAt: 0,
      failures: [],
      state: 'ENABLED',
    };
    const s = initialWizardState(context, hook);
    expect(s.mode).toBe('edit');
    expect(s.steps[0]).toBe('name');
    expect(webhookInputOf(s)).toEqual({
      name: 'Old',
      urls: hook.urls,
      events: ['DEPLOYMENT_FAIL'],
      scope: ['app_b'],
    });
  });

  it('validates e-mail recipients and builds the notified list', () => {
    const email: WizardContext = { ...context, kind: 'email' };
    let s = run(initialWizardState(email), 'Mails', next);
    expect(s.step).toBe('recipients');
    s = run(s, next);
    expect(s.problem).toMatch(/who gets the e-mails/);
    s = run(s, down, down, 'ops@example.com, nope', next);
    expect(s.problem).toMatch(/Not an e-mail address: nope/);
    for (let i = 0; i < 6; i++) s = run(s, { type: 'edit', key: 'backspace' });
    s = run(s, { type: 'up' }, toggle, next, toggle, next, next);
    expect(s.step).toBe('review');
    expect(emailHookInputOf(s).notified).toEqual([
      { type: 'userid', target: 'user_1' },
      { type: 'email', target: 'ops@example.com' },
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { EVENT_CATEGORIES, EVENT_TYPES, expandEvents, isKnownEventName } from '../../source/domain/events.js';
import { hookCoversResource, hookMatchesEvent } from '../../source/domain/matching.js';

const owner = 'orga_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';
const app = 'app_2c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';
const other = 'app_3c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';

describe('event catalogue', () => {
  it('has the 21 events of the contract in six categories', () => {
    expect(EVENT_TYPES).toHaveLength(21);
    expect(EVENT_CATEGORIES).toHaveLength(6);
    expect(EVENT_TYPES[0]).toBe('ACCOUNT_CREATION');
    expect(EVENT_TYPES.at(-1)).toBe('CREDITS_ADDED');
  });

  it('expands META groups and keeps plain events', () => {
    expect(expandEvents(['META_DEPLOYMENT_RESULT', 'GIT_PUSH', 'DEPLOYMENT_FAIL'])).toEqual([
      'DEPLOYMENT_FAIL',
      'DEPLOYMENT_SUCCESS',
      'GIT_PUSH',
    ]);
    expect(isKnownEventName('META_CREDITS')).toBe(true);
    expect(isKnownEventName('DEPLOY_OK')).toBe(false);
  });
});

describe('hookMatchesEvent', () => {
  const event = { type: 'DEPLOYMENT_SUCCESS', ownerId: owner, resourceId: app };

  it('matches a hook with no events and no scope', () => {
    expect(hookMatchesEvent({ ownerId: owner }, event)).toBe(true);
    expect(hookMatchesEvent({ ownerId: owner, events: null, scope: [] }, event)).toBe(true);
  });

  it('expands META groups', () => {
    expect(hookMatchesEvent({ ownerId: owner, events: ['META_DEPLOYMENT_RESULT'] }, event)).toBe(true);
    expect(hookMatchesEvent({ ownerId: owner, events: ['META_CREDITS'] }, event)).toBe(false);
  });

  it('respects owner, scope and state', () => {
    expect(hookMatchesEvent({ ownerId: 'user_x' }, event)).toBe(false);
    expect(hookMatchesEvent({ ownerId: owner, scope: [other] }, event)).toBe(false);
    expect(hookMatchesEvent({ ownerId: owner, scope: [other, app] }, event)).toBe(true);
    expect(hookMatchesEvent({ ownerId: owner, state: 'DISABLED' }, event)).toBe(false);
  });

  it('lets owner-wide events reach scoped hooks', () => {
    expect(
      hookMatchesEvent({ ownerId: owner, scope: [other] }, { type: 'CREDITS_ADDED', ownerId: owner }),
    ).toBe(true);
    expect(hookCoversResource({ scope: undefined }, app)).toBe(true);
  });
});

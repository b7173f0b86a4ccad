import { describe, expect, it } from 'vitest';
import { coveringGroup, type EventCatalogue, foldEvents } from '../../source/domain/events.js';

describe('folding event names under their META groups', () => {
  it('drops a plain event that a chosen META group covers, whatever the order', () => {
    expect(foldEvents(['DEPLOYMENT_FAIL', 'META_DEPLOYMENT_RESULT'])).toEqual(['META_DEPLOYMENT_RESULT']);
    expect(foldEvents(['META_DEPLOYMENT_RESULT', 'DEPLOYMENT_SUCCESS', 'GIT_PUSH'])).toEqual([
      'META_DEPLOYMENT_RESULT',
      'GIT_PUSH',
    ]);
  });

  it('keeps plain events no group covers, and groups even when they overlap', () => {
    expect(foldEvents(['GIT_PUSH', 'ACCOUNT_CREATION'])).toEqual(['GIT_PUSH', 'ACCOUNT_CREATION']);
    expect(foldEvents(['META_SERVICE_LIFECYCLE', 'META_DEPLOYMENT_RESULT', 'APPLICATION_STOP'])).toEqual([
      'META_SERVICE_LIFECYCLE',
      'META_DEPLOYMENT_RESULT',
    ]);
  });

  it('removes duplicates and follows the catalogue it is given', () => {
    const catalogue: EventCatalogue = { events: ['A', 'B', 'C'], metaEvents: { META_AB: ['A', 'B'] } };
    expect(foldEvents(['C', 'A', 'C', 'META_AB', 'META_AB'], catalogue)).toEqual(['C', 'META_AB']);
    expect(foldEvents(['A', 'META_DEPLOYMENT_RESULT'], catalogue)).toEqual(['A', 'META_DEPLOYMENT_RESULT']);
  });

  it('names the group that covers an event, and none for a group itself', () => {
    expect(coveringGroup('DEPLOYMENT_FAIL', ['GIT_PUSH', 'META_DEPLOYMENT_RESULT'])).toBe(
      'META_DEPLOYMENT_RESULT',
    );
    expect(coveringGroup('GIT_PUSH', ['META_DEPLOYMENT_RESULT'])).toBeUndefined();
    expect(coveringGroup('META_CREDITS', ['META_CREDITS'])).toBeUndefined();
  });
});

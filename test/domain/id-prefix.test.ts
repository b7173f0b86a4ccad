import { describe, expect, it } from 'vitest';
import { didYouMean } from '../../source/domain/did-you-mean.js';
import { matchIdPrefix, shortIds } from '../../source/domain/id-prefix.js';
import { fullMaskedUrl, maskSecretUrl } from '../../source/domain/masking.js';

describe('short ids', () => {
  it('gives each id its shortest unambiguous prefix, at least 7 characters', () => {
    const ids = ['a1b2c3d4-0000', 'a1b2c3d4-1111', 'ffffffff-2222', 'short'];
    expect([...shortIds(ids)]).toEqual([
      ['a1b2c3d4-0000', 'a1b2c3d4-0'],
      ['a1b2c3d4-1111', 'a1b2c3d4-1'],
      ['ffffffff-2222', 'fffffff'],
      ['short', 'short'],
    ]);
  });

  it('finds a hook by its whole id or any unambiguous prefix, and lists an ambiguous one', () => {
    const hooks = [{ id: 'a1b2c3d4-0000' }, { id: 'a1b2c3d4-1111' }, { id: 'ffffffff-2222' }];
    expect(matchIdPrefix(hooks, 'fff')).toEqual({ kind: 'one', item: hooks[2] });
    expect(matchIdPrefix(hooks, 'A1B2C3D4-1')).toEqual({ kind: 'one', item: hooks[1] });
    expect(matchIdPrefix(hooks, 'a1b2')).toEqual({ kind: 'several', items: hooks.slice(0, 2) });
    expect(matchIdPrefix(hooks, 'zz')).toEqual({ kind: 'none' });
    expect(matchIdPrefix(hooks, '')).toEqual({ kind: 'none' });
  });
});

describe('did you mean', () => {
  it('proposes the closest known values', () => {
    const events = ['DEPLOYMENT_SUCCESS', 'DEPLOYMENT_FAIL', 'DEPLOYMENT_ACTION_BEGIN', 'GIT_PUSH'];
    expect(didYouMean('DEPLOYMENT_SUCESS', events)).toBe(' (did you mean DEPLOYMENT_SUCCESS?)');
    expect(didYouMean('lst', ['list', 'add', 'edit', 'remove', 'test'])).toBe(' (did you mean list?)');
    expect(didYouMean('slakc', ['raw', 'slack', 'gitter', 'flowdock'])).toBe(' (did you mean slack?)');
    expect(didYouMean('acme shop', ['Acme Shop', 'Lovelace Labs'])).toBe(' (did you mean Acme Shop?)');
    expect(didYouMean('nothing-like-it', events)).toBe('');
  });
});

describe('masking', () => {
  it('masks Slack and Discord secrets and URL passwords, and nothing else', () => {
    expect(fullMaskedUrl('https://hooks.slack.com/services/T1/B2/abc')).toBe(
      'https://hooks.slack.com/services/T1/B2/••••',
    );
    expect(fullMaskedUrl('https://discord.com/api/webhooks/1/tok/slack')).toBe(
      'https://discord.com/api/webhooks/1/••••/slack',
    );
    expect(fullMaskedUrl('https://bot:hunter2@example.org/in?x=1')).toBe(
      'https://bot:••••@example.org/in?x=1',
    );
    expect(maskSecretUrl('https://bot:hunter2@example.org/in')).toBe('example.org/in');
    expect(fullMaskedUrl('https://example.org/in')).toBe('https://example.org/in');
  });
});

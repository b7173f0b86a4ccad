import { describe, expect, it } from 'vitest';
import {
  disabledReason,
  mergeById,
  newFailures,
  removeById,
  upsertById,
} from '../../source/domain/live-hooks.js';
import type { Webhook } from '../../source/domain/schemas.js';

function hook(id: string, extra: Partial<Webhook> = {}): Webhook {
  return {
    id,
    ownerId: 'orga_x',
    name: id,
    urls: [{ format: 'raw', url: `https://example.org/${id}` }],
    createdAt: 1,
    failures: [],
    state: 'ENABLED',
    ...extra,
  };
}

describe('hook lists merged by id', () => {
  it('keeps the object of every hook that did not change, and the list itself when nothing did', () => {
    const before = [hook('a'), hook('b')];
    const same = mergeById(before, [hook('a'), hook('b')]);
    expect(same).toBe(before);
    const after = mergeById(before, [hook('a'), hook('b', { state: 'DISABLED' }), hook('c')]);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    expect(after.map((h) => h.id)).toEqual(['a', 'b', 'c']);
  });

  it('puts a changed hook in its place, a new one last, and removes by id', () => {
    const list = [hook('a'), hook('b')];
    expect(upsertById(list, hook('a', { name: 'renamed' })).map((h) => h.name)).toEqual(['renamed', 'b']);
    expect(upsertById(list, hook('a'))).toBe(list);
    expect(upsertById(list, hook('c')).map((h) => h.id)).toEqual(['a', 'b', 'c']);
    expect(removeById(list, 'a').map((h) => h.id)).toEqual(['b']);
    expect(removeById(list, 'zzz')).toBe(list);
  });
});

describe('what a hook change says', () => {
  const failure = (status: number, at: string) => ({ url: 'https://example.org/a', status, createdAt: at });

  it('finds the failures a refresh added', () => {
    const before = hook('a', { failures: [failure(500, '2026-11-30T06:00:00Z')] });
    const after = hook('a', { failures: [...before.failures, failure(503, '2026-11-30T06:01:00Z')] });
    expect(newFailures(before, after)).toEqual([failure(503, '2026-11-30T06:01:00Z')]);
    expect(newFailures(undefined, after)).toEqual([]);
  });

  it('says why a hook turned DISABLED, once', () => {
    const gone = hook('a', { state: 'DISABLED', failures: [failure(410, '2026-11-30T06:00:00Z')] });
    expect(disabledReason(hook('a'), gone)).toBe('disabled: its receiver answered 410 Gone');
    expect(disabledReason(gone, gone)).toBeUndefined();
    const five = hook('a', {
      state: 'DISABLED',
      failures: Array.from({ length: 5 }, (_, i) => failure(500, `2026-11-30T06:0${i}:00Z`)),
    });
    expect(disabledReason(hook('a'), five)).toBe('disabled after 5 failed deliveries');
  });
});

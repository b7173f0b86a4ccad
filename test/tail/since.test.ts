import { describe, expect, it } from 'vitest';
import { parseSince } from '../../source/commands/tail/since.js';

const now = Date.parse('2026-11-30T08:00:00Z');

describe('tail --since', () => {
  it('reads a duration back from now, or a time', () => {
    expect(parseSince('90s', now)).toBe(now - 90_000);
    expect(parseSince('10m', now)).toBe(now - 600_000);
    expect(parseSince('1h30m', now)).toBe(now - 5_400_000);
    expect(parseSince('2d', now)).toBe(now - 2 * 86_400_000);
    expect(parseSince('2026-11-30T07:00:00Z', now)).toBe(Date.parse('2026-11-30T07:00:00Z'));
    expect(parseSince('2026-11-30 07:00Z', now)).toBe(Date.parse('2026-11-30T07:00Z'));
  });

  it('says what it takes when it cannot read the value, and refuses the future', () => {
    expect(() => parseSince('yesterday', now)).toThrow(
      /--since takes a duration \(e\.g\. 90s, 10m, 1h30m, 2d\)/,
    );
    expect(() => parseSince('10', now)).toThrow(/not "10"/);
    expect(() => parseSince('2026-12-01T00:00:00Z', now)).toThrow(/is in the future/);
  });
});

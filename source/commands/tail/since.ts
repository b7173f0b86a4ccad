// `tail --since`: a duration back from now (`90s`, `10m`, `1h30m`, `2d`) or a time (ISO 8601, e.g.
// `2026-11-30T08:00:00Z` or `2026-11-30 08:00`), read into epoch ms.
import { UserError } from '../../domain/errors.js';

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

export function parseSince(value: string, now: number = Date.now()): number {
  const text = value.trim();
  const duration = /^(?:\d+(?:\.\d+)?[smhd])+$/i.test(text);
  if (duration) {
    let ms = 0;
    for (const [, amount, unit] of text.matchAll(/(\d+(?:\.\d+)?)([smhd])/gi)) {
      ms += Number(amount) * UNIT_MS[unit!.toLowerCase()]!;
    }
    return now - ms;
  }
  if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const time = Date.parse(text.replace(' ', 'T'));
    if (!Number.isNaN(time)) {
      if (time > now) throw new UserError(`--since ${value} is in the future`);
      return time;
    }
  }
  throw new UserError(
    `--since takes a duration (e.g. 90s, 10m, 1h30m, 2d) or a time (e.g. 2026-11-30T08:00:00Z), not "${value}"`,
  );
}

// Durations typed on the command line (`--timeout 15m`); `--since` is read by ../tail/since.ts. A typo
// is an error that says what is accepted.
import { UserError } from '../../domain/errors.js';

const UNITS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** "90s", "15m", "1h30m", "2d", or a bare number of seconds; in milliseconds. */
export function parseDuration(value: string, flag: string): number {
  const text = value.trim().toLowerCase();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const parts = [...text.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d)/g)];
  if (parts.length === 0 || parts.map((p) => p[0]).join('') !== text) {
    throw new UserError(
      `${flag} ${JSON.stringify(value)} is not a duration: write e.g. 90s, 15m, 1h30m or 2d`,
    );
  }
  return Math.round(parts.reduce((total, p) => total + Number(p[1]) * UNITS[p[2]!]!, 0));
}

// Durations and points in time typed on the command line: `--timeout 15m`, `--since 2h` or
// `--since 2026-11-30T08:00:00Z`. A typo is an error that says what is accepted.
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

/** A duration back from now ("2h") or a date (ISO 8601); epoch milliseconds. */
export function parseSince(value: string, now: number = Date.now()): number {
  if (/^\d{4}-\d{2}-\d{2}/.test(value.trim())) {
    const at = Date.parse(value.trim());
    if (Number.isNaN(at)) throw new UserError(`--since ${JSON.stringify(value)} is not a valid date`);
    return at;
  }
  try {
    return now - parseDuration(value, '--since');
  } catch {
    throw new UserError(
      `--since ${JSON.stringify(value)} is neither a duration (30m, 2h, 7d) nor a date (2026-11-30T08:00:00Z)`,
    );
  }
}

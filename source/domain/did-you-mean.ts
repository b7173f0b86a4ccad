// "Did you mean": the known values closest to a mistyped one, by edit distance (a swap of two
// neighbours counts as one edit, as typos go). One form of message for every command.
import type { EventCatalogue } from './events.js';
import { safeText } from './terminal-text.js';

/** Optimal string alignment distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows: number[][] = Array.from({ length: s.length + 1 }, (_, i) =>
    Array.from({ length: t.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      }
      rows[i]![j] = best;
    }
  }
  return rows[s.length]![t.length]!;
}

/** The known values within a third of the typed value's length in edits (at most 3), closest first. */
export function closest(typed: string, known: Iterable<string>, max = 3): string[] {
  // Long inputs are not typos of a short list; do not spend time on them.
  if (typed.length > 200) return [];
  const limit = Math.max(1, Math.min(3, Math.floor(typed.length / 3)));
  const scored: { value: string; distance: number }[] = [];
  for (const value of new Set(known)) {
    if (Math.abs(value.length - typed.length) > limit) continue;
    const distance = editDistance(typed, value);
    if (distance <= limit) scored.push({ value, distance });
  }
  scored.sort((a, b) => a.distance - b.distance || a.value.localeCompare(b.value));
  return scored.slice(0, max).map((s) => s.value);
}

/** ` (did you mean X?)`, ` (did you mean X or Y?)`, or '' when nothing is close. */
export function didYouMean(typed: string, known: Iterable<string>): string {
  const near = closest(typed, known);
  if (near.length === 0) return '';
  const list = near.length === 1 ? near[0]! : `${near.slice(0, -1).join(', ')} or ${near[near.length - 1]}`;
  return ` (did you mean ${list}?)`;
}

/**
 * The one form of "unknown value" message of every command:
 * `unknown event "DEPLOYMENT_SUCESS" (did you mean DEPLOYMENT_SUCCESS?): run \`clever-notify events\` for the list`.
 */
export function unknownValue(what: string, typed: string, known: Iterable<string>, advice?: string): string {
  return `unknown ${what} "${safeText(typed)}"${safeText(didYouMean(typed, known))}${advice ? `: ${advice}` : ''}`;
}

/** Each unknown event with the closest known names, in the message form of every command. */
export function unknownEvents(unknown: readonly string[], catalogue: EventCatalogue): string {
  const known = [...catalogue.events, ...Object.keys(catalogue.metaEvents)];
  const each = unknown.map((e) => unknownValue('event', e, known));
  return `${each.join('; ')}: run \`clever-notify events\` for the list`;
}

// Short ids, as git and docker show them: tables print the shortest prefix of each hook id that no
// other id of the list shares (never shorter than MIN_PREFIX), and commands take any unambiguous prefix.

export const MIN_PREFIX = 7;

/** id → its shortest unambiguous prefix among `ids` (at least `min` characters, or the whole id). */
export function shortIds(ids: readonly string[], min = MIN_PREFIX): Map<string, string> {
  const sorted = [...new Set(ids)].sort();
  const common = (a: string, b: string | undefined) => {
    if (b === undefined) return 0;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    return i;
  };
  // In sorted order, the id sharing the longest prefix with one is next to it.
  return new Map(
    sorted.map((id, i) => {
      const shared = Math.max(common(id, sorted[i - 1]), common(id, sorted[i + 1]));
      return [id, id.slice(0, Math.max(min, shared + 1))];
    }),
  );
}

export type PrefixMatch<T> = { kind: 'one'; item: T } | { kind: 'none' } | { kind: 'several'; items: T[] };

/** The item whose id is `prefix` exactly, else the only one whose id starts with it. */
export function matchIdPrefix<T extends { id: string }>(items: readonly T[], prefix: string): PrefixMatch<T> {
  const wanted = prefix.trim().toLowerCase();
  const exact = items.find((item) => item.id.toLowerCase() === wanted);
  if (exact) return { kind: 'one', item: exact };
  const matches = wanted === '' ? [] : items.filter((item) => item.id.toLowerCase().startsWith(wanted));
  if (matches.length === 1) return { kind: 'one', item: matches[0]! };
  return matches.length === 0 ? { kind: 'none' } : { kind: 'several', items: matches };
}

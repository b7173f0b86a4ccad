// What the lists of a hook mean: `events`, `scope` and `notified` (docs/contract.md, "Empty lists").
// Clever Cloud documents an absent or null list as "all" (every event, every app and add-on of the
// owner, the whole team) and says nothing of `[]`; clever-tools shows a stored `[]` as nothing, and a
// hook that listens to no event would be a hook that never fires. So clever-notify gives `[]` the
// meaning of an absent list, everywhere: the sandbox stores it as an absent key, matching treats it
// as "all", and every label and JSON output shows it as "all". One rule, used by all of them.

/** The entries a hook list names, or undefined when it means "all" (absent, null or empty). */
export function chosenEntries<T>(list: readonly T[] | null | undefined): readonly T[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

/**
 * An e-mail target `{"type": "userid"}` without `target` means the user who made the request (the
 * newer official client sends it so); labels show it as "you".
 */
export function meansRequestingUser(target: { type: string; target?: string | undefined }): boolean {
  return target.type === 'userid' && !target.target;
}

/** True when the list means "all": absent, null or empty. */
export function meansAll(list: readonly unknown[] | null | undefined): boolean {
  return chosenEntries(list) === undefined;
}

type HookLists = {
  events?: readonly string[] | null | undefined;
  scope?: readonly string[] | null | undefined;
  notified?: readonly unknown[] | null | undefined;
};

/** The hook with every list that means "all" removed, as the sandbox stores it. */
export function withoutAllLists<H extends HookLists>(hook: H): H {
  const copy = { ...hook };
  for (const key of ['events', 'scope', 'notified'] as const) {
    if (key in copy && meansAll(copy[key])) delete copy[key];
  }
  return copy;
}

// Which live events and deliveries a tail shows: `--org`, `--app` and `--event` of `clever-notify tail`,
// and the filter of the Activity tab. Pure.
import { BUILTIN_CATALOGUE, type EventCatalogue, expandEvents } from './events.js';

export interface LiveFilter {
  /** Owners whose events are shown; absent = every owner of the account. */
  ownerIds?: readonly string[] | undefined;
  appId?: string | undefined;
  /** Event names (META groups allowed); absent = every event. */
  events?: readonly string[] | undefined;
}

export interface LiveSubject {
  type: string;
  ownerId?: string | undefined;
  appId?: string | undefined;
}

export interface CompiledLiveFilter {
  /** Whether a row or an event is shown; with `--app`, one that names no app is not. */
  matches(subject: LiveSubject): boolean;
  /** The same, for a delivery record, which names no app: its row decides that part. */
  matchesIgnoringApp(subject: LiveSubject): boolean;
}

/** A compiled filter: META groups expanded once rather than on every event. */
export function compileLiveFilter(
  filter: LiveFilter,
  catalogue: EventCatalogue = BUILTIN_CATALOGUE,
): CompiledLiveFilter {
  const events = filter.events ? new Set(expandEvents(filter.events, catalogue)) : undefined;
  const owners = filter.ownerIds ? new Set(filter.ownerIds) : undefined;
  const matchesIgnoringApp = (subject: LiveSubject): boolean => {
    if (events && !events.has(subject.type)) return false;
    return !owners || subject.ownerId === undefined || owners.has(subject.ownerId);
  };
  return {
    matchesIgnoringApp,
    matches: (subject) => matchesIgnoringApp(subject) && (!filter.appId || subject.appId === filter.appId),
  };
}

// The catalogue comes from the API, or from the built-in one when the API has none to give.
import { BUILTIN_CATALOGUE, categoryOf, type EventCatalogue } from '../domain/events.js';
import type { EventsFlags } from './events.js';
import { paintFor } from './format/style.js';
import { renderTable } from './format/table.js';
import { out, printJson, withApi } from './run.js';

export async function listEvents(flags: EventsFlags): Promise<void> {
  const print = (catalogue: EventCatalogue) =>
    flags.format === 'json'
      ? printJson(eventsJson(catalogue))
      : out(eventsTable(catalogue, paintFor(process.stdout), flags.offline === true));
  if (flags.offline) return print(BUILTIN_CATALOGUE);
  // Out of reach, the API's error stands (exit 1): --offline is how to ask for the built-in list.
  await withApi(flags, async (api) => print(await api.eventCatalogue()));
}

export function eventsJson(catalogue: EventCatalogue) {
  return {
    source: catalogue === BUILTIN_CATALOGUE ? 'built-in' : 'api',
    events: [...catalogue.events],
    metaEvents: Object.fromEntries(Object.entries(catalogue.metaEvents).map(([k, v]) => [k, [...v]])),
  };
}

export function eventsTable(
  catalogue: EventCatalogue,
  paint: Parameters<typeof renderTable>[2]['paint'],
  offline = false,
): string {
  // A reference to read whole: nothing is cut, on a terminal too.
  const metaOf = (event: string) =>
    Object.entries(catalogue.metaEvents)
      .filter(([, covered]) => covered.includes(event))
      .map(([meta]) => meta)
      .join(', ');
  const events = renderTable<string>(
    [
      { id: 'event', title: 'Event', minWidth: 5, cell: (e) => e },
      { id: 'category', title: 'Category', minWidth: 8, cell: (e) => categoryOf(e)?.label ?? '' },
      { id: 'meta', title: 'In meta groups', minWidth: 14, cell: metaOf, tone: () => 'info' },
    ],
    catalogue.events,
    { paint, width: undefined },
  );
  const metas = renderTable<[string, readonly string[]]>(
    [
      { id: 'meta', title: 'Meta group', minWidth: 10, cell: ([meta]) => meta },
      { id: 'covers', title: 'Covers', minWidth: 6, cell: ([, covered]) => covered.join(', ') },
    ],
    Object.entries(catalogue.metaEvents),
    { paint, width: undefined },
  );
  const source =
    catalogue !== BUILTIN_CATALOGUE
      ? ''
      : offline
        ? ' (built-in, --offline)'
        : ' (built-in: the API gave none)';
  return `${events}\n${metas}\nUse them with --event, e.g. --event META_DEPLOYMENT_RESULT,GIT_PUSH${source}`;
}

// The catalogue comes from the API, or from the built-in one when the API has none to give.
import { BUILTIN_CATALOGUE, categoryOf, type EventCatalogue } from '../domain/events.js';
import type { EventsFlags } from './events.js';
import { paintFor } from './format/style.js';
import { renderTable } from './format/table.js';
import { out, printJson, withApi } from './run.js';

export async function listEvents(flags: EventsFlags): Promise<void> {
  await withApi(flags, async (api) => {
    const catalogue = await api.eventCatalogue();
    if (flags.format === 'json') return printJson(eventsJson(catalogue));
    out(eventsTable(catalogue, paintFor(process.stdout)));
  });
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
): string {
  const events = renderTable(
    ['EVENT', 'CATEGORY', 'IN META GROUPS'],
    catalogue.events.map((event) => [
      event,
      categoryOf(event)?.label ?? '',
      {
        text: Object.entries(catalogue.metaEvents)
          .filter(([, covered]) => covered.includes(event))
          .map(([meta]) => meta)
          .join(', '),
        tone: 'muted' as const,
      },
    ]),
    { paint },
  );
  const metas = renderTable(
    ['META GROUP', 'COVERS'],
    Object.entries(catalogue.metaEvents).map(([meta, covered]) => [meta, covered.join(', ')]),
    { paint },
  );
  const source = catalogue === BUILTIN_CATALOGUE ? ' (built-in: the API gave none)' : '';
  return `${events}\n${metas}\nUse them with --event, e.g. --event META_DEPLOYMENT_RESULT,GIT_PUSH${source}`;
}

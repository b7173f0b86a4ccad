// The columns of the two hook tables, the TUI's and the CLI's, with the order in which a narrow
// terminal drops them (dropOrder: higher goes first): the creation date, the format, the last
// failure, the scope (app names), the id, the events. The name, the target (masked) and the state
// always stay (the state as a glyph when narrow); the id, the name and the events show whole (fill)
// before the target grows.
import { emailHookRecipients, eventsLabel, lastFailureLabel, scopeLabel } from './hook-labels.js';
import { MIN_PREFIX } from './id-prefix.js';
import { fullMaskedUrl, shortTarget } from './masking.js';
import { type EmailHook, timestampToDate, type Webhook } from './schemas.js';
import type { TableColumn } from './table.js';

export interface HookTableContext {
  /** App, add-on and owner names by id: the scope reads as names (ids when a name is unknown). */
  names: ReadonlyMap<string, string>;
  /** Each hook id's short unambiguous prefix (see shortIds); the whole id when missing. */
  shortIds: ReadonlyMap<string, string>;
  /** URLs whole, secrets included (asked for with --show-secrets); masked otherwise. */
  showSecrets?: boolean;
}

type AnyHook = Pick<Webhook, 'id' | 'name' | 'events' | 'scope' | 'createdAt'>;

function idColumn<T extends AnyHook>(ids: ReadonlyMap<string, string>): TableColumn<T> {
  // Whole before anything grows: a cut id is no use to `edit` or `remove`.
  return {
    id: 'id',
    title: 'Id',
    minWidth: MIN_PREFIX,
    maxWidth: 13,
    dropOrder: 3,
    fill: 0,
    cell: (h) => ids.get(h.id) ?? h.id,
  };
}

function nameColumn<T extends AnyHook>(maxWidth: number): TableColumn<T> {
  return { id: 'name', title: 'Name', minWidth: 16, grow: 2, maxWidth, fill: 1, cell: (h) => h.name || h.id };
}

function eventsColumn<T extends AnyHook>(): TableColumn<T> {
  return {
    id: 'events',
    title: 'Events',
    minWidth: 10,
    grow: 2,
    maxWidth: 24,
    dropOrder: 1,
    fill: 2,
    cell: (h) => eventsLabel(h.events),
  };
}

/** Each table drops the scope at its own turn. */
function scopeColumn<T extends AnyHook>(
  names: ReadonlyMap<string, string>,
  dropOrder: number,
): TableColumn<T> {
  return {
    id: 'scope',
    title: 'Scope',
    minWidth: 9,
    grow: 1,
    dropOrder,
    cell: (h) => scopeLabel(h.scope, names),
  };
}

function createdColumn<T extends AnyHook>(): TableColumn<T> {
  return {
    id: 'created',
    title: 'Created',
    minWidth: 10,
    dropOrder: 9,
    sortKey: (h) => timestampToDate(h.createdAt).getTime() || 0,
    cell: (h) => {
      const date = timestampToDate(h.createdAt);
      return Number.isNaN(date.getTime()) ? String(h.createdAt) : date.toISOString().slice(0, 10);
    },
  };
}

export function webhookColumns(context: HookTableContext, now: number): TableColumn<Webhook>[] {
  return [
    idColumn(context.shortIds),
    nameColumn(28),
    {
      id: 'target',
      title: 'Target',
      minWidth: 14,
      grow: 3,
      // Whole (masked) when nothing is cut; else host and the ends of the path, in the room given.
      cell: (h, width) =>
        h.urls
          .map((u) =>
            context.showSecrets
              ? u.url
              : width === Number.POSITIVE_INFINITY
                ? fullMaskedUrl(u.url)
                : shortTarget(u.url, width),
          )
          .join(', ') || '—',
    },
    {
      id: 'format',
      title: 'Format',
      minWidth: 6,
      dropOrder: 7,
      cell: (h) => [...new Set(h.urls.map((u) => u.format))].join(','),
      tone: (h) =>
        h.urls.some((u) => u.format === 'gitter' || u.format === 'flowdock') ? 'warning' : undefined,
    },
    eventsColumn(),
    scopeColumn(context.names, 4),
    {
      id: 'state',
      title: 'State',
      // Never dropped: a disabled hook must show, on the narrowest terminal too, with colour or
      // without. The word when there is room, else a glyph (✓ enabled, ✗ disabled) under no title.
      minWidth: 1,
      maxWidth: 8,
      fill: 3,
      shortTitle: '',
      cell: (h, width) => {
        const word = h.state.toLowerCase();
        return width >= word.length ? word : h.state === 'DISABLED' ? '✗' : '✓';
      },
      tone: (h) => (h.state === 'DISABLED' ? 'error' : 'ok'),
    },
    {
      id: 'failure',
      title: 'Last failure',
      minWidth: 12,
      grow: 1,
      dropOrder: 5,
      cell: (h) => lastFailureLabel(h.failures, now) || '—',
      // The most recent failure's time; a hook that never failed sorts before any that did.
      sortKey: (h) =>
        h.failures.reduce(
          (latest, f) =>
            Math.max(latest, (f.createdAt === undefined ? 0 : timestampToDate(f.createdAt).getTime()) || 1),
          0,
        ),
      tone: (h) => (h.failures.length > 0 ? 'error' : undefined),
    },
    createdColumn(),
  ];
}

export function emailHookColumns(
  context: HookTableContext,
  people: ReadonlyMap<string, string>,
): TableColumn<EmailHook>[] {
  return [
    idColumn(context.shortIds),
    nameColumn(40),
    {
      id: 'recipients',
      title: 'Recipients',
      minWidth: 14,
      grow: 2,
      cell: (h) => emailHookRecipients(h, people),
    },
    eventsColumn(),
    scopeColumn(context.names, 3),
    createdColumn(),
  ];
}

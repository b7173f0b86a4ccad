// The columns of the two hook tables, with the order in which a narrow terminal drops them
// (dropOrder: higher goes first). Name and target/recipients always stay. The name and the events
// are what one reads a hook by: they show whole (fill) before the target path grows.
import type { EmailHook, Webhook } from '../../domain/schemas.js';
import type { TableColumn } from '../table/table.js';
import {
  emailHookRecipients,
  eventsLabel,
  lastFailureLabel,
  scopeLabel,
  shortTarget,
} from './hook-labels.js';

type HookRow = Pick<Webhook, 'events' | 'scope'>;

/** Shared by both tables: what a hook listens to. */
function eventsColumn<T extends HookRow>(): TableColumn<T> {
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

/** Shared by both tables: which apps a hook covers; each table drops it at its own turn. */
function scopeColumn<T extends HookRow>(
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

export function webhookColumns(names: ReadonlyMap<string, string>, now: number): TableColumn<Webhook>[] {
  return [
    { id: 'name', title: 'Name', minWidth: 16, grow: 2, maxWidth: 32, fill: 1, cell: (h) => h.name || h.id },
    {
      id: 'target',
      title: 'Target',
      minWidth: 14,
      grow: 3,
      cell: (h, width) => h.urls.map((u) => shortTarget(u.url, width)).join(', ') || '—',
    },
    {
      id: 'format',
      title: 'Format',
      minWidth: 6,
      dropOrder: 3,
      cell: (h) => [...new Set(h.urls.map((u) => u.format))].join(','),
      tone: (h) =>
        h.urls.some((u) => u.format === 'gitter' || u.format === 'flowdock') ? 'warning' : undefined,
    },
    eventsColumn(),
    scopeColumn(names, 4),
    {
      id: 'state',
      title: 'State',
      minWidth: 8,
      dropOrder: 2,
      cell: (h) => h.state.toLowerCase(),
      tone: (h) => (h.state === 'DISABLED' ? 'error' : 'ok'),
    },
    {
      id: 'failure',
      title: 'Last failure',
      minWidth: 12,
      grow: 1,
      dropOrder: 5,
      cell: (h) => lastFailureLabel(h.failures, now) || '—',
      tone: (h) => (h.failures.length > 0 ? 'error' : undefined),
    },
  ];
}

export function emailHookColumns(
  names: ReadonlyMap<string, string>,
  people: ReadonlyMap<string, string>,
): TableColumn<EmailHook>[] {
  return [
    { id: 'name', title: 'Name', minWidth: 16, grow: 2, maxWidth: 40, fill: 1, cell: (h) => h.name || h.id },
    {
      id: 'recipients',
      title: 'Recipients',
      minWidth: 14,
      grow: 2,
      cell: (h) => emailHookRecipients(h, people),
    },
    eventsColumn(),
    scopeColumn(names, 2),
  ];
}

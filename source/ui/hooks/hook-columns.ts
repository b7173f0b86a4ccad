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
    {
      id: 'events',
      title: 'Events',
      minWidth: 10,
      grow: 2,
      maxWidth: 24,
      dropOrder: 1,
      fill: 2,
      cell: (h) => eventsLabel(h.events),
    },
    {
      id: 'scope',
      title: 'Scope',
      minWidth: 9,
      grow: 1,
      dropOrder: 4,
      cell: (h) => scopeLabel(h.scope, names),
    },
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
    {
      id: 'events',
      title: 'Events',
      minWidth: 10,
      grow: 2,
      maxWidth: 24,
      dropOrder: 1,
      fill: 2,
      cell: (h) => eventsLabel(h.events),
    },
    {
      id: 'scope',
      title: 'Scope',
      minWidth: 9,
      grow: 1,
      dropOrder: 2,
      cell: (h) => scopeLabel(h.scope, names),
    },
  ];
}

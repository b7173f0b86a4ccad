// Without --org: every owner at once from /v2/summary (one request). With --org: that owner's apps
// and add-ons, with their runtime, zone and state.
import type { CleverApi } from '../api/types.js';
import type { Addon, Application, Summary } from '../domain/schemas.js';
import type { TableColumn } from '../domain/table.js';
import { safeText } from '../domain/terminal-text.js';
import type { AppsFlags } from './apps.js';
import { orgOf } from './common-options.js';
import { type Paint, paintFor, terminalWidth } from './format/style.js';
import { renderTable } from './format/table.js';
import { ownersOf, resolveOrg } from './owner.js';
import { out, printJson, withApi } from './run.js';

export interface ServiceRow {
  ownerId: string;
  ownerName?: string;
  kind: 'app' | 'addon';
  id: string;
  name: string;
  /** App: its variant, zone and state; add-on: its provider and plan. */
  detail?: string;
}

export async function listApps(flags: AppsFlags): Promise<void> {
  await withApi(flags, async (api) => {
    const org = orgOf(flags);
    const rows = org ? await ownerRows(api, await resolveOrg(api, org)) : summaryRows(await api.summary());
    if (flags.format === 'json') return printJson(rows);
    if (rows.length === 0) return out('No apps or add-ons.');
    out(appsTable(rows, paintFor(process.stdout), terminalWidth()));
  });
}

async function ownerRows(api: CleverApi, ownerId: string): Promise<ServiceRow[]> {
  const [apps, addons] = await Promise.all([api.applications(ownerId), api.addons(ownerId)]);
  return [...apps.map((a) => appRow(ownerId, a)), ...addons.map((a) => addonRow(ownerId, a))];
}

export function appRow(ownerId: string, app: Application): ServiceRow {
  const variant = app.instance?.variant?.slug;
  return {
    ownerId,
    kind: 'app',
    id: app.id,
    name: app.name,
    detail: [variant, app.zone, app.state].filter(Boolean).join(' · '),
  };
}

export function addonRow(ownerId: string, addon: Addon): ServiceRow {
  return {
    ownerId,
    kind: 'addon',
    id: addon.id,
    name: addon.name ?? addon.realId ?? addon.id,
    detail: [addon.provider?.name ?? addon.provider?.id, addon.plan?.name].filter(Boolean).join(' · '),
  };
}

export function summaryRows(summary: Summary): ServiceRow[] {
  const rows: ServiceRow[] = [];
  const lists = new Map<string, Pick<Summary['user'], 'applications' | 'addons'>>([
    [summary.user.id, summary.user],
    ...summary.organisations.map((o) => [o.id, o] as const),
  ]);
  for (const owner of ownersOf(summary)) {
    const lists_ = lists.get(owner.id)!;
    for (const app of lists_.applications) {
      rows.push({
        ownerId: owner.id,
        ownerName: owner.name,
        kind: 'app',
        id: app.id,
        name: app.name,
        detail: [app.variantSlug, app.state].filter(Boolean).join(' · '),
      });
    }
    for (const addon of lists_.addons) {
      rows.push({
        ownerId: owner.id,
        ownerName: owner.name,
        kind: 'addon',
        id: addon.id,
        name: addon.name ?? addon.realId ?? addon.id,
        detail: addon.providerId ?? '',
      });
    }
  }
  return rows;
}

const APP_COLUMNS: TableColumn<ServiceRow>[] = [
  { id: 'kind', title: 'Kind', minWidth: 5, cell: (r) => r.kind, tone: () => 'info' },
  { id: 'id', title: 'Id', minWidth: 12, grow: 1, cell: (r) => r.id },
  { id: 'name', title: 'Name', minWidth: 12, grow: 2, fill: 1, cell: (r) => r.name },
  { id: 'detail', title: 'Detail', minWidth: 8, grow: 1, dropOrder: 1, cell: (r) => r.detail ?? '' },
];

/** One table per owner, headed by its name and id (the id is what --org takes). */
export function appsTable(rows: ServiceRow[], paint: Paint, maxWidth?: number): string {
  const owners = [...new Set(rows.map((r) => r.ownerId))];
  return owners
    .map((ownerId) => {
      const own = rows.filter((r) => r.ownerId === ownerId);
      const heading = own[0]!.ownerName
        ? `${paint('strong', safeText(own[0]!.ownerName))}  ${ownerId}\n`
        : '';
      const table = renderTable(APP_COLUMNS, own, { paint, width: maxWidth });
      return `${heading}${table}`;
    })
    .join('\n');
}

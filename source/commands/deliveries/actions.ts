// What `deliveries list|show|redeliver` do, through the sandbox extension client. Clever Cloud keeps no
// delivery log: there, each command says so in one line and names what does exist.
import { SandboxExtensionsClient } from '../../api/sandbox-extensions.js';
import type { CleverApi } from '../../api/types.js';
import type { Delivery } from '../../domain/deliveries.js';
import { UserError } from '../../domain/errors.js';
import { compileLiveFilter } from '../../domain/live-filter.js';
import { clockTime, deliveryOutcome, urlHost } from '../../domain/live-format.js';
import type { TableColumn } from '../../domain/table.js';
import { safeText } from '../../domain/terminal-text.js';
import { type Connection, connect } from '../../startup/connection.js';
import type { DeliveriesListFlags, DeliveryFlags } from '../deliveries.js';
import { type Paint, paintFor, terminalWidth } from '../format/style.js';
import { renderTable } from '../format/table.js';
import { out, printJson } from '../run.js';
import { resolveTailFilter } from '../tail/filter.js';
import { parseSince } from '../tail/since.js';

export const NO_DELIVERY_LOG =
  'Clever Cloud keeps no delivery log (the sandbox does): run `clever-notify listen --forward-to URL` ' +
  'to receive the events here, and `clever-notify webhooks` for each hook’s latest failures';

/** How long `redeliver` waits for the answer: a little more than the dispatcher's 10 s per attempt. */
const REDELIVER_WAIT_MS = 15_000;
const REDELIVER_POLL_MS = 100;
/** Characters of a delivery id shown in a list; `show` and `redeliver` take any unambiguous prefix. */
const SHORT_ID = 8;

async function withLog<T>(
  flags: { sandbox?: boolean },
  work: (client: SandboxExtensionsClient, api: CleverApi) => Promise<T>,
): Promise<T> {
  const connection: Connection = await connect({ sandbox: flags.sandbox === true });
  try {
    if ((await connection.api.identify()).kind !== 'sandbox') throw new UserError(NO_DELIVERY_LOG);
    const { apiHost, authorization, ca } = connection.credentials;
    const client = new SandboxExtensionsClient({ apiHost, authorization, ...(ca ? { ca } : {}) });
    try {
      return await work(client, connection.api);
    } finally {
      await client.close();
    }
  } finally {
    await connection.close();
  }
}

export async function listDeliveries(flags: DeliveriesListFlags): Promise<void> {
  if (!/^\d+$/.test(flags.limit) || Number(flags.limit) < 1) {
    throw new UserError(`--limit ${JSON.stringify(flags.limit)} is not a whole number of at least 1`);
  }
  const since = flags.since === undefined ? undefined : parseSince(flags.since);
  await withLog(flags, async (client, api) => {
    const filter = compileLiveFilter(flags.event ? await resolveTailFilter(api, { event: flags.event }) : {});
    const records = (await client.allDeliveries(flags.hook ? { hookId: flags.hook } : {}))
      .filter((d) => filter.matchesIgnoringApp({ type: d.eventType }))
      .filter((d) => !flags.failed || !d.ok)
      .filter((d) => since === undefined || d.at >= since)
      .slice(-Number(flags.limit));
    if (flags.format === 'json') return printJson(records);
    if (records.length === 0) return out('No delivery attempt matches.');
    const names = await hookNames(api, records);
    out(deliveriesTable(records, names, paintFor(process.stdout), terminalWidth(process.stdout)));
  });
}

function deliveryColumns(names: ReadonlyMap<string, string>): TableColumn<Delivery>[] {
  // The full URL is in `show`; on a narrow terminal the result matters most.
  return [
    { id: 'time', title: 'Time', minWidth: 8, cell: (d) => clockTime(d.at), tone: () => 'info' },
    { id: 'id', title: 'Id', minWidth: SHORT_ID, cell: (d) => d.id.slice(0, SHORT_ID) },
    { id: 'event', title: 'Event', minWidth: 10, grow: 1, fill: 1, cell: (d) => d.eventType },
    {
      id: 'hook',
      title: 'Hook',
      minWidth: 8,
      grow: 1,
      dropOrder: 1,
      cell: (d) => names.get(d.hookId) ?? d.hookId,
    },
    { id: 'host', title: 'Host', minWidth: 8, grow: 1, dropOrder: 2, cell: (d) => urlHost(d.url) },
    { id: 'attempt', title: 'Attempt', minWidth: 7, dropOrder: 3, cell: (d) => String(d.attempt) },
    {
      id: 'result',
      title: 'Result',
      minWidth: 12,
      grow: 1,
      fill: 0,
      cell: (d) => resultText(d),
      tone: (d) => (d.ok ? 'ok' : d.final ? 'error' : 'warning'),
    },
    {
      id: 'duration',
      title: 'Duration',
      minWidth: 8,
      dropOrder: 4,
      cell: (d) => `${Math.round(d.durationMs)} ms`,
    },
  ];
}

export function deliveriesTable(
  records: readonly Delivery[],
  names: ReadonlyMap<string, string>,
  paint: Paint,
  width?: number,
): string {
  return renderTable(deliveryColumns(names), records, { paint, width });
}

const ATTEMPT_COLUMNS: TableColumn<Delivery>[] = [
  { id: 'attempt', title: '#', minWidth: 2, cell: (d) => String(d.attempt) },
  { id: 'id', title: 'Id', minWidth: SHORT_ID, cell: (d) => d.id.slice(0, SHORT_ID) },
  { id: 'time', title: 'Time', minWidth: 24, cell: (d) => new Date(d.at).toISOString() },
  {
    id: 'result',
    title: 'Result',
    minWidth: 12,
    grow: 1,
    cell: (d) => resultText(d),
    tone: (d) => (d.ok ? 'ok' : 'error'),
  },
  { id: 'duration', title: 'Duration', minWidth: 8, cell: (d) => `${Math.round(d.durationMs)} ms` },
];

/** "200", "500, retry at 12:00:04", "ECONNREFUSED, gave up". */
function resultText(d: Delivery): string {
  const outcome = deliveryOutcome(d);
  if (d.ok) return outcome;
  if (d.nextAttemptAt !== undefined) return `${outcome}, retry at ${clockTime(d.nextAttemptAt)}`;
  return `${outcome}, gave up`;
}

async function hookNames(api: CleverApi, records: readonly Delivery[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  await Promise.all(
    [...new Set(records.map((d) => d.ownerId))].map(async (ownerId) => {
      try {
        for (const hook of await api.listWebhooks(ownerId)) names.set(hook.id, hook.name ?? hook.id);
      } catch {
        // The table shows the hook id instead.
      }
    }),
  );
  return names;
}

/** The record with this id or id prefix; an unknown or ambiguous one is an error naming the choices. */
export function findDelivery(records: readonly Delivery[], id: string): Delivery {
  const wanted = id.trim().toLowerCase();
  if (wanted === '') throw new UserError('give a delivery id (see `clever-notify deliveries list`)');
  const exact = records.find((d) => d.id === wanted);
  if (exact) return exact;
  const matches = records.filter((d) => d.id.startsWith(wanted));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1) {
    throw new UserError(
      `${matches.length} deliveries start with ${JSON.stringify(id)}: give more characters (${matches
        .slice(0, 5)
        .map((d) => safeText(d.id))
        .join(', ')}${matches.length > 5 ? ', …' : ''})`,
    );
  }
  throw new UserError(
    `no delivery ${JSON.stringify(safeText(id))} in the sandbox’s log (it keeps the newest 5,000 attempts of the last 7 days): see \`clever-notify deliveries list\``,
  );
}

/** Every attempt of the same event to the same URL of the same hook, redeliveries included, oldest first. */
export function attemptsOf(records: readonly Delivery[], delivery: Delivery): Delivery[] {
  return records.filter(
    (d) => d.eventId === delivery.eventId && d.hookId === delivery.hookId && d.url === delivery.url,
  );
}

export async function showDelivery(id: string, flags: DeliveryFlags): Promise<void> {
  await withLog(flags, async (client, api) => {
    const records = await client.allDeliveries();
    const delivery = findDelivery(records, id);
    const attempts = attemptsOf(records, delivery);
    if (flags.format === 'json') return printJson({ delivery, attempts });
    const names = await hookNames(api, [delivery]);
    out(deliveryDetail(delivery, attempts, names.get(delivery.hookId), paintFor(process.stdout)));
  });
}

export function deliveryDetail(
  delivery: Delivery,
  attempts: readonly Delivery[],
  hookName: string | undefined,
  paint: Paint,
): string {
  const lines: string[] = [];
  const head = (text: string) => lines.push('', paint('strong', text));
  const headers = (values: Readonly<Record<string, string>> | undefined, absent: string) => {
    const entries = Object.entries(values ?? {});
    if (entries.length === 0) lines.push(paint('muted', `  ${absent}`));
    for (const [name, value] of entries) lines.push(`  ${safeText(name)}: ${safeText(value)}`);
  };
  lines.push(
    `${paint('strong', 'Delivery')} ${safeText(delivery.id)}`,
    `  event   ${safeText(delivery.eventType)} (${safeText(delivery.eventId)})`,
    `  hook    ${safeText(hookName ?? delivery.hookId)} (${safeText(delivery.hookId)}, ${safeText(delivery.ownerId)})`,
    `  url     ${safeText(delivery.url)} (${delivery.format})`,
  );
  if (delivery.warning) lines.push(paint('warn', `  ${safeText(delivery.warning)}`));
  head(`Attempts (${attempts.length})`);
  lines.push(
    renderTable(ATTEMPT_COLUMNS, attempts, { paint, width: undefined }).trimEnd().replace(/^/gm, '  '),
  );
  head('Request');
  lines.push(`  POST ${safeText(delivery.url)}`);
  headers(delivery.requestHeaders, '(headers not recorded: an attempt from before the log kept them)');
  lines.push('', safeText(delivery.requestBody, { keepNewlines: true }));
  for (const attempt of attempts) {
    head(
      `Response to attempt ${attempt.attempt} (${safeText(attempt.id.slice(0, SHORT_ID))}, ${Math.round(attempt.durationMs)} ms)`,
    );
    if (attempt.networkFailure) {
      lines.push(paint('bad', `  no answer: ${safeText(attempt.networkFailure)}`));
      continue;
    }
    lines.push(`  HTTP ${attempt.status ?? '?'}`);
    headers(attempt.responseHeaders, '(headers not recorded)');
    if (attempt.responseExcerpt) lines.push('', safeText(attempt.responseExcerpt, { keepNewlines: true }));
  }
  return `${lines.join('\n')}\n`;
}

export async function redeliverDelivery(id: string, flags: DeliveryFlags): Promise<void> {
  await withLog(flags, async (client) => {
    const records = await client.allDeliveries();
    const delivery = findDelivery(records, id);
    const since = records.at(-1)?.cursor;
    await client.redeliver(delivery.id);
    const answer = await firstAttemptAfter(client, delivery, since);
    if (flags.format === 'json') printJson({ redelivered: delivery.id, delivery: answer ?? null });
    else if (!answer) {
      out(
        `Redelivery of ${safeText(delivery.id)} queued; no answer yet: see \`clever-notify deliveries list --hook ${safeText(delivery.hookId)}\``,
      );
    } else {
      const paint = paintFor(process.stdout);
      out(
        `Redelivered ${safeText(delivery.eventType)} to ${safeText(delivery.url)}: ${paint(answer.ok ? 'good' : 'bad', safeText(deliveryOutcome(answer)))} in ${Math.round(answer.durationMs)} ms (delivery ${safeText(answer.id)})`,
      );
    }
    if (answer && !answer.ok) process.exitCode = 1;
  });
}

/** The first attempt of the redelivery: the next record of the same event, hook and URL. */
async function firstAttemptAfter(
  client: SandboxExtensionsClient,
  delivery: Delivery,
  since: string | undefined,
): Promise<Delivery | undefined> {
  const deadline = Date.now() + REDELIVER_WAIT_MS;
  let cursor = since;
  while (Date.now() < deadline) {
    const page = await client.deliveries({ hookId: delivery.hookId, ...(cursor ? { since: cursor } : {}) });
    const found = page.items.find((d) => d.eventId === delivery.eventId && d.url === delivery.url);
    if (found) return found;
    cursor = page.next;
    await new Promise((resolve) => setTimeout(resolve, REDELIVER_POLL_MS));
  }
  return undefined;
}

// `clever-notify listen`: the event socket (the client `tail` uses, with its reconnection), filtered by
// the flags or by an existing hook, each matching event POSTed to the local receiver in the request the
// sandbox's dispatcher builds for that format (`webhookRequest`). Events missed while the socket was
// down are not replayed: the socket has no history, and inventing them would lie to the receiver.
import { rootCertificates } from 'node:tls';
import { EventSocket, type SocketStatus } from '../../api/event-socket.js';
import type { CleverApi } from '../../api/types.js';
import { UserError } from '../../domain/errors.js';
import { appIdOfEvent } from '../../domain/live-activity.js';
import { compileLiveFilter, type LiveFilter } from '../../domain/live-filter.js';
import { clockTime } from '../../domain/live-format.js';
import { hookMatchesEvent } from '../../domain/matching.js';
import { payloadContext, webhookRequest } from '../../domain/payloads.js';
import { type EventEnvelope, eventData, type Webhook, type WebhookFormat } from '../../domain/schemas.js';
import { safeText } from '../../domain/terminal-text.js';
import { connect } from '../../startup/connection.js';
import { orgOf } from '../common-options.js';
import { paintFor } from '../format/style.js';
import type { ListenFlags } from '../listen.js';
import { ownersOf, resolveOrg } from '../owner.js';
import { stopOnSignalsOrClosedOutput } from '../run.js';
import { resolveTailFilter } from '../tail/filter.js';
import { Forwarder, type ForwardOutcome } from './forwarder.js';
import { forwardUrl, parseHeaders } from './request-options.js';

/** An unknown app (created since the start) reloads the names at most this often. */
const NAMES_TTL_MS = 10_000;

interface Names {
  apps: Map<string, string>;
  owners: Map<string, string>;
  loadedAt: number;
}

export async function runListen(flags: ListenFlags): Promise<void> {
  const url = forwardUrl(flags.forwardTo);
  const extraHeaders = parseHeaders(flags.header ?? []);
  const connection = await connect({ sandbox: flags.sandbox === true });
  const forwarder = new Forwarder(url);
  const ca = connection.credentials.ca;
  const trusted = ca ? [...rootCertificates, ca] : undefined;
  let socket: EventSocket | undefined;
  try {
    const { api } = connection;
    const hook = flags.loadFromHook ? await findHook(api, flags.loadFromHook, orgOf(flags)) : undefined;
    const filter = await resolveTailFilter(api, { org: orgOf(flags), app: flags.app, event: flags.event });
    const matches = compileLiveFilter(filter);
    const format: WebhookFormat = flags.format ?? (hook ? hookFormat(hook) : 'raw');
    const names = await loadNames(api);
    // The ready line says where the events come from: the API says whether it is a sandbox.
    await api.identify();
    const paint = paintFor(process.stdout);
    const json = flags.output === 'json-stream';
    const write = (line: string) => process.stdout.write(`${line}\n`);
    const note = (line: string) => process.stderr.write(`${line}\n`);
    let forwarded = 0;
    let failed = 0;

    const onEvent = (envelope: EventEnvelope) => {
      const data = eventData(envelope);
      const appId = appIdOfEvent(envelope);
      const ownerId = data.ownerId;
      if (!matches.matches({ type: envelope.event, ownerId, appId })) return;
      // The hook's own rule, as the dispatcher applies it; its state is left out: a disabled hook
      // still says what it would receive, which is what is being debugged.
      const resourceId = appId ?? (data.id?.startsWith('addon_') ? data.id : undefined);
      if (
        hook &&
        (!ownerId ||
          !hookMatchesEvent({ ...hook, state: 'ENABLED' }, { type: envelope.event, ownerId, resourceId }))
      )
        return;
      void forwardEvent(envelope, ownerId, appId);
    };

    const forwardEvent = async (envelope: EventEnvelope, ownerId?: string, appId?: string) => {
      if (appId && !names.apps.has(appId)) await reloadNames(api, names);
      const appName = appId ? names.apps.get(appId) : undefined;
      const context = payloadContext({
        ownerName: ownerId ? names.owners.get(ownerId) : undefined,
        app: appId && appName ? { id: appId, name: appName } : undefined,
      });
      const request = webhookRequest(format, envelope, context);
      const outcome = await forwarder.forward({ ...request.headers, ...extraHeaders }, request.body);
      const ok = outcome.status !== undefined && outcome.status >= 200 && outcome.status < 300;
      forwarded++;
      if (!ok) failed++;
      if (json) {
        write(
          JSON.stringify({
            type: 'forward',
            time: new Date().toISOString(),
            eventDate: new Date(envelope.date).toISOString(),
            event: envelope.event,
            ownerId: ownerId ?? null,
            appId: appId ?? null,
            appName: appName ?? null,
            url,
            format,
            status: outcome.status ?? null,
            error: outcome.error ?? null,
            durationMs: outcome.durationMs,
            ok,
          }),
        );
        return;
      }
      const subject = appName ?? appId ?? (ownerId ? (names.owners.get(ownerId) ?? ownerId) : '');
      write(
        [
          paint('muted', clockTime(Date.now())),
          safeText(envelope.event).padEnd(24),
          safeText(subject).padEnd(16),
          paint(ok ? 'good' : 'bad', `→ ${outcomeText(outcome, url)}`),
          paint('muted', `${Math.round(outcome.durationMs)} ms`),
        ].join('  '),
      );
    };

    let finish: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let failure: string | undefined;
    let ready = false;
    let lostAt: number | undefined;
    const onStatus = (status: SocketStatus) => {
      if (status.state === 'connected') {
        if (!ready) {
          ready = true;
          note(readyLine({ api, filter, hook, format, url, names }));
        } else {
          const gap = lostAt ? ` after ${Math.round((Date.now() - lostAt) / 1000)} s` : '';
          note(
            `Event socket connected again${gap}: events sent while it was down are not replayed (\`clever-notify tail\` recovers deployment results).`,
          );
        }
        lostAt = undefined;
      } else if (status.state === 'reconnecting') {
        lostAt ??= Date.now();
        note(
          `Event socket lost (${safeText(status.reason)}): reconnecting in ${Math.ceil(status.delayMs / 1000)} s.`,
        );
      } else if (status.state === 'failed') {
        failure = status.message;
        finish();
      }
    };

    socket = new EventSocket({
      apiHost: connection.credentials.apiHost,
      authorization: connection.credentials.authorization,
      onEvent,
      onStatus,
      ca: trusted,
    });
    const undoStop = stopOnSignalsOrClosedOutput(finish);
    socket.start();
    await done;
    socket.close();
    socket = undefined;
    await forwarder.drain();
    undoStop();
    if (failure) throw new UserError(failure);
    note(`Stopped: ${forwarded} event${forwarded === 1 ? '' : 's'} forwarded, ${failed} not accepted.`);
  } finally {
    socket?.close();
    await forwarder.close();
    await connection.close();
  }
}

/** "200", "ECONNREFUSED: nothing listens at http://…" */
function outcomeText(outcome: ForwardOutcome, url: string): string {
  if (outcome.status !== undefined) return String(outcome.status);
  const error = safeText(outcome.error ?? 'no answer');
  if (outcome.error === 'ECONNREFUSED')
    return `${error}: nothing listens at ${safeText(url)} (is your receiver running?)`;
  return error;
}

function readyLine(about: {
  api: CleverApi;
  filter: LiveFilter;
  hook: Webhook | undefined;
  format: WebhookFormat;
  url: string;
  names: Names;
}): string {
  const { api, filter, hook, format, url, names } = about;
  const where =
    api.target.kind === 'sandbox'
      ? `the sandbox at ${api.target.apiHost}`
      : `Clever Cloud (${api.target.apiHost})`;
  const events = filter.events ? filter.events.join(', ') : 'every event';
  const whose = filter.appId
    ? ` of ${safeText(names.apps.get(filter.appId) ?? filter.appId)}`
    : filter.ownerIds
      ? ` of ${safeText(names.owners.get(filter.ownerIds[0]!) ?? filter.ownerIds[0]!)}`
      : '';
  const fromHook = hook
    ? `, as webhook ${safeText(hook.name ?? hook.id)} (${safeText(hook.id)}) would receive them${hook.state === 'DISABLED' ? ' if it were enabled' : ''}`
    : '';
  return `Ready: listening to ${events}${whose} on ${where}${fromHook}; forwarding to ${safeText(url)} as ${format} webhook requests. Press Ctrl-C to stop.`;
}

/** The hook with this id among the owners (the --org one, or every owner of the account). */
async function findHook(api: CleverApi, id: string, org: string | undefined): Promise<Webhook> {
  const owners = org ? [await resolveOrg(api, org)] : ownersOf(await api.summary()).map((o) => o.id);
  for (const ownerId of owners) {
    const hook = (await api.listWebhooks(ownerId)).find((h) => h.id === id);
    if (hook) return hook;
  }
  throw new UserError(
    `no webhook ${JSON.stringify(safeText(id))} in ${org ? safeText(org) : 'your personal space or organisations'} (see \`clever-notify webhooks --list-all\`)`,
  );
}

/** The format of the hook's URLs; with several formats, the first URL's (say --format for another). */
function hookFormat(hook: Webhook): WebhookFormat {
  return hook.urls[0]?.format ?? 'raw';
}

async function loadNames(api: CleverApi): Promise<Names> {
  const names: Names = { apps: new Map(), owners: new Map(), loadedAt: 0 };
  await reloadNames(api, names, true);
  return names;
}

async function reloadNames(api: CleverApi, names: Names, force = false): Promise<void> {
  if (!force && Date.now() - names.loadedAt < NAMES_TTL_MS) return;
  names.loadedAt = Date.now();
  try {
    const summary = await api.summary();
    for (const owner of [summary.user, ...summary.organisations]) {
      if (owner.name) names.owners.set(owner.id, owner.name);
      for (const app of owner.applications) names.apps.set(app.id, app.name);
    }
  } catch {
    // Names are for the bodies' text: without them, ids are used, as the dispatcher does for an unknown app.
  }
}

// `clever-notify tail --app APP --wait`: a CI step after `git push clever`. It waits for one deployment's
// result and exits 0 on OK, 1 on FAIL, 2 on CANCELLED, 3 on timeout (4 when it cannot wait at all),
// printing one line. The event socket says it first; the deployments list, polled all along and at
// once after a reconnection, says it when the socket missed it.
import { rootCertificates } from 'node:tls';
import { EventSocket } from '../../api/event-socket.js';
import type { CleverApi } from '../../api/types.js';
import { UserError } from '../../domain/errors.js';
import { appIdOfEvent } from '../../domain/live-activity.js';
import { type Deployment, type EventEnvelope, eventData } from '../../domain/schemas.js';
import { safeText } from '../../domain/terminal-text.js';
import { connect } from '../../startup/connection.js';
import { orgOf } from '../common-options.js';
import { parseDuration } from '../deliveries/duration.js';
import type { TailFlags } from '../tail.js';
import { resolveTailFilter } from './filter.js';

export interface WaitFlags {
  wait?: boolean;
  deployment?: string;
  commit?: string;
  timeout?: string;
}

export const WAIT_EXIT = { OK: 0, FAIL: 1, CANCELLED: 2, TIMEOUT: 3, CANNOT_WAIT: 4 } as const;
const DEFAULT_TIMEOUT = '15m';
/** How often the deployments list is read besides the socket: a missed END costs at most this. */
const POLL_MS = 3000;
const DEPLOYMENTS_PER_POLL = 10;

type Terminal = 'OK' | 'FAIL' | 'CANCELLED';

/** What the socket or a poll says about one deployment. */
export interface Sighting {
  uuid: string;
  state: string;
  commit?: string | undefined;
  source: 'socket' | 'poll';
}

export type WaitTarget = { uuid: string } | { commit: string } | { next: true };

/**
 * Which deployment is awaited and whether its result is known. Pure: fed with the deployments listed
 * at the start, then with every sighting, it answers the result once the awaited deployment has one.
 */
export class DeploymentWatch {
  /** The awaited deployment, once known. */
  uuid: string | undefined;
  private readonly known: Set<string>;

  constructor(
    private readonly target: WaitTarget,
    initial: readonly Deployment[],
  ) {
    this.known = new Set(initial.map((d) => d.uuid));
    // Newest first, as the API lists them.
    const sorted = [...initial].sort((a, b) => b.date - a.date);
    if ('uuid' in target) this.uuid = target.uuid;
    else if ('commit' in target) this.uuid = sorted.find((d) => matchesCommit(d.commit, target.commit))?.uuid;
    else this.uuid = sorted.find((d) => d.state === 'WIP')?.uuid;
  }

  /** The result of the awaited deployment, when this sighting gives it. */
  see(sighting: Sighting): { state: Terminal; source: Sighting['source'] } | undefined {
    if (this.uuid === undefined && this.adopts(sighting)) this.uuid = sighting.uuid;
    this.known.add(sighting.uuid);
    if (sighting.uuid !== this.uuid) return undefined;
    return isTerminal(sighting.state) ? { state: sighting.state, source: sighting.source } : undefined;
  }

  private adopts(sighting: Sighting): boolean {
    if ('commit' in this.target) return matchesCommit(sighting.commit, this.target.commit);
    // "The next one": a deployment not listed at the start.
    return 'next' in this.target && !this.known.has(sighting.uuid);
  }
}

function matchesCommit(commit: string | null | undefined, wanted: string): boolean {
  return Boolean(commit?.toLowerCase().startsWith(wanted.toLowerCase()));
}

function isTerminal(state: string): state is Terminal {
  return state === 'OK' || state === 'FAIL' || state === 'CANCELLED';
}

/** The state a deployment event reports: END carries it, SUCCESS and FAIL imply it, BEGIN is WIP. */
export function sightingOf(envelope: EventEnvelope): Sighting | undefined {
  const data = eventData(envelope);
  if (!data.uuid) return undefined;
  const state =
    envelope.event === 'DEPLOYMENT_SUCCESS'
      ? 'OK'
      : envelope.event === 'DEPLOYMENT_FAIL'
        ? 'FAIL'
        : envelope.event === 'DEPLOYMENT_ACTION_BEGIN'
          ? 'WIP'
          : envelope.event === 'DEPLOYMENT_ACTION_END'
            ? data.state
            : undefined;
  return state ? { uuid: data.uuid, state, commit: data.commit, source: 'socket' } : undefined;
}

export async function runWait(flags: TailFlags & WaitFlags): Promise<void> {
  try {
    await waitForResult(flags);
  } catch (error) {
    // Exit 1 means FAIL here: a step that could not wait at all must not read as a failed deployment.
    if (error instanceof UserError && error.exitCode === 1)
      throw new UserError(error.message, WAIT_EXIT.CANNOT_WAIT);
    throw error;
  }
}

async function waitForResult(flags: TailFlags & WaitFlags): Promise<void> {
  if (!flags.wait) throw new UserError('--deployment, --commit and --timeout go with --wait');
  if (!flags.app)
    throw new UserError('tail --wait needs --app ID|NAME: the app whose deployment to wait for');
  if (flags.deployment && flags.commit) throw new UserError('give --deployment or --commit, not both');
  if (flags.commit !== undefined && !/^[0-9a-f]{4,40}$/i.test(flags.commit)) {
    throw new UserError(`--commit ${JSON.stringify(flags.commit)} is not a commit hash (4 to 40 hex digits)`);
  }
  const timeoutMs = parseDuration(flags.timeout ?? DEFAULT_TIMEOUT, '--timeout');
  const started = Date.now();
  const connection = await connect({ sandbox: flags.sandbox === true });
  const ca = connection.credentials.ca;
  const trusted = ca ? [...rootCertificates, ca] : undefined;
  let socket: EventSocket | undefined;
  let pollTimer: NodeJS.Timeout | undefined;
  let deadline: NodeJS.Timeout | undefined;
  try {
    const { api } = connection;
    const { appId } = await resolveTailFilter(api, { org: orgOf(flags), app: flags.app });
    const { ownerId, appName } = await ownerOf(api, appId!);
    const target: WaitTarget = flags.deployment
      ? { uuid: flags.deployment }
      : flags.commit
        ? { commit: flags.commit }
        : { next: true };
    const watch = new DeploymentWatch(
      target,
      await api.deployments(ownerId, appId!, { limit: DEPLOYMENTS_PER_POLL }),
    );

    type Outcome =
      | { state: Terminal; source: Sighting['source'] }
      | { state: 'TIMEOUT' }
      | { failed: string };
    let settle: (outcome: Outcome) => void = () => {};
    const settled = new Promise<Outcome>((resolve) => {
      settle = resolve;
    });
    const consider = (sighting: Sighting) => {
      const result = watch.see(sighting);
      if (result) settle(result);
    };
    let polling = false;
    const poll = async () => {
      if (polling) return;
      polling = true;
      try {
        const deployments = await api.deployments(ownerId, appId!, { limit: DEPLOYMENTS_PER_POLL });
        // Oldest first, so that "the next one" is the first that started.
        for (const d of [...deployments].sort((a, b) => a.date - b.date)) {
          consider({ uuid: d.uuid, state: d.state, commit: d.commit ?? undefined, source: 'poll' });
        }
      } catch {
        // The API may be out of reach too when the socket drops: the next poll tries again.
      } finally {
        polling = false;
      }
    };
    // The awaited deployment may already be over (a --deployment or --commit given late).
    await poll();
    pollTimer = setInterval(() => void poll(), POLL_MS);
    deadline = setTimeout(
      () => settle({ state: 'TIMEOUT' }),
      Math.max(0, timeoutMs - (Date.now() - started)),
    );
    socket = new EventSocket({
      apiHost: connection.credentials.apiHost,
      authorization: connection.credentials.authorization,
      onEvent: (envelope) => {
        if (appIdOfEvent(envelope) !== appId) return;
        const sighting = sightingOf(envelope);
        if (sighting) consider(sighting);
      },
      onStatus: (status) => {
        // A reconnection may have missed the END: ask the list now rather than at the next tick.
        if (status.state === 'connected' && status.connections > 1) void poll();
        // On stderr, so that stdout stays the one result line; a CI log shows what is awaited.
        if (status.state === 'connected' && status.connections === 1) {
          const what = watch.uuid
            ? `deployment ${safeText(watch.uuid)}`
            : flags.commit
              ? `the deployment of commit ${flags.commit}`
              : 'the next deployment';
          process.stderr.write(`Waiting for ${what} of ${safeText(appName ?? appId!)}…\n`);
        }
        if (status.state === 'failed') settle({ failed: status.message });
      },
      ca: trusted,
    });
    socket.start();
    const stop = () => settle({ failed: 'interrupted before the deployment ended' });
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const outcome = await settled;
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    if ('failed' in outcome) throw new UserError(outcome.failed);

    const name = safeText(appName ?? appId!);
    const elapsed = `${Math.round((Date.now() - started) / 1000)} s`;
    const uuid = watch.uuid;
    const exitCode = WAIT_EXIT[outcome.state];
    if (flags.format === 'json-stream') {
      process.stdout.write(
        `${JSON.stringify({ appId, appName: appName ?? null, deployment: uuid ?? null, state: outcome.state, source: 'source' in outcome ? outcome.source : null, waitedMs: Date.now() - started, exitCode })}\n`,
      );
    } else if (outcome.state === 'TIMEOUT') {
      const what = uuid ? `deployment ${safeText(uuid)} had no result` : 'no deployment started';
      process.stdout.write(
        `${name}: ${what} after ${elapsed} (--timeout ${flags.timeout ?? DEFAULT_TIMEOUT})\n`,
      );
    } else {
      const via = outcome.source === 'poll' ? ', read from the deployments list' : '';
      process.stdout.write(
        `${name}: deployment ${safeText(uuid ?? '')} ${outcome.state} after ${elapsed}${via}\n`,
      );
    }
    process.exitCode = exitCode;
  } finally {
    clearInterval(pollTimer);
    clearTimeout(deadline);
    socket?.close();
    await connection.close();
  }
}

async function ownerOf(api: CleverApi, appId: string): Promise<{ ownerId: string; appName?: string }> {
  const summary = await api.summary();
  for (const owner of [summary.user, ...summary.organisations]) {
    const app = owner.applications.find((a) => a.id === appId);
    if (app) return { ownerId: owner.id, appName: app.name };
  }
  throw new UserError(`no application ${appId} among yours (see \`clever-notify apps\`)`);
}

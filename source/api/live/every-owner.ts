// Loading what every owner has, for views that look across owners (the TUI's Problems view and the
// owners' problem counts): each owner's hook lists, then the last deployment of each app. Bounded: a
// few requests at once, and the deployments of at most `maxApps` apps (taken in turn from each owner,
// so that every owner is covered); the event socket says the rest as it happens.
import type { LastDeployment } from '../../domain/problems.js';
import type { Deployment } from '../../domain/schemas.js';
import { LIST_CONCURRENCY, mapLimit } from '../map-limit.js';
import type { CleverApi } from '../types.js';
import type { EveryOwnerStatus, LiveOwner } from './live-model.js';

/** One deployments request per app: past a few hundred apps, the socket's news is the rest. */
export const MAX_APPS_SWEPT = 200;

/** The first entry of a deployments list (newest first) as the app's last deployment. */
export function lastDeploymentOf(deployments: readonly Deployment[]): LastDeployment | null {
  const newest = deployments[0];
  return newest ? { uuid: newest.uuid, state: newest.state, at: newest.date } : null;
}

/** The apps whose last deployment is asked for: each owner's first, then each one's second… */
export function appsToSweep(
  owners: readonly LiveOwner[],
  maxApps: number,
): { ownerId: string; appId: string }[] {
  const picked: { ownerId: string; appId: string }[] = [];
  const longest = Math.max(0, ...owners.map((o) => o.apps.length));
  for (let i = 0; i < longest && picked.length < maxApps; i++) {
    for (const owner of owners) {
      const app = owner.apps[i];
      if (app && picked.length < maxApps) picked.push({ ownerId: owner.id, appId: app.id });
    }
  }
  return picked;
}

export interface SweepOptions {
  api: Pick<CleverApi, 'deployments'>;
  owners: readonly LiveOwner[];
  loadHooks: (ownerId: string) => Promise<void>;
  /** Each app's answer as it comes (null: no deployment yet). */
  onDeployment: (appId: string, last: LastDeployment | null) => void;
  /** Which apps not to ask again (already known). */
  known: (appId: string) => boolean;
  maxApps?: number;
}

/** Hooks of every owner first (they make most problems), then the apps; resolves with how many were left out. */
export async function sweepEveryOwner(options: SweepOptions): Promise<{ appsLeftOut: number }> {
  const { api, owners, loadHooks, onDeployment, known } = options;
  await mapLimit(owners, LIST_CONCURRENCY, (owner) => loadHooks(owner.id).catch(() => undefined));
  const total = owners.reduce((sum, o) => sum + o.apps.length, 0);
  const apps = appsToSweep(owners, options.maxApps ?? MAX_APPS_SWEPT);
  await mapLimit(
    apps.filter((a) => !known(a.appId)),
    LIST_CONCURRENCY,
    async ({ ownerId, appId }) => {
      // An app that cannot be asked (gone, no right) is no problem to show: it is left unknown.
      const deployments = await api.deployments(ownerId, appId, { limit: 1 }).catch(() => undefined);
      if (deployments) onDeployment(appId, lastDeploymentOf(deployments));
    },
  );
  return { appsLeftOut: total - apps.length };
}

/** What the live store lends the watch of every owner. */
export interface EveryOwnerHost {
  api: Pick<CleverApi, 'deployments'>;
  owners(): readonly LiveOwner[] | undefined;
  loadOwners(): Promise<void>;
  loadHooks(ownerId: string, force: boolean): Promise<void>;
  /** A connected stream says every hook change (the sandbox): no need to list again. */
  streamCovers(): boolean;
  /** The app's last deployment is known (not asked again, except by a refresh). */
  knows(appId: string): boolean;
  onDeployment(appId: string, last: LastDeployment | null): void;
  onStatus(status: EveryOwnerStatus): void;
  refreshMs: number;
}

/** `watchEveryOwner` and `refreshEveryOwner` of the live model (docs/live-model.md, "Every owner"). */
export class EveryOwnerWatch {
  private watchers = 0;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private appsLeftOut = 0;

  constructor(private readonly host: EveryOwnerHost) {}

  get watching(): boolean {
    return this.watchers > 0;
  }

  watch(): () => void {
    this.watchers++;
    if (this.watchers === 1) {
      void this.sweep(false);
      this.timer = setInterval(() => {
        if (this.host.streamCovers()) return;
        void mapLimit(this.host.owners() ?? [], LIST_CONCURRENCY, (o) => this.host.loadHooks(o.id, true));
      }, this.host.refreshMs);
      this.timer.unref?.();
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.watchers--;
      if (this.watchers === 0) this.close();
    };
  }

  async refresh(): Promise<void> {
    await this.host.loadOwners();
    await this.sweep(true);
  }

  close(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /** One at a time: a second call while one runs waits for it. */
  private sweep(again: boolean): Promise<void> {
    this.running ??= (async () => {
      const { host } = this;
      host.onStatus({ loading: true, appsLeftOut: this.appsLeftOut });
      try {
        if (!host.owners()) await host.loadOwners();
        const { appsLeftOut } = await sweepEveryOwner({
          api: host.api,
          owners: host.owners() ?? [],
          loadHooks: (ownerId) => host.loadHooks(ownerId, again),
          onDeployment: (appId, last) => host.onDeployment(appId, last),
          known: (appId) => !again && host.knows(appId),
        });
        this.appsLeftOut = appsLeftOut;
      } finally {
        this.running = undefined;
        host.onStatus({ loading: false, appsLeftOut: this.appsLeftOut });
      }
    })();
    return this.running;
  }
}

// A deployment as Clever Cloud runs one, simulated (docs/contract.md, "Deployments"): GIT_PUSH, then
// DEPLOYMENT_ACTION_BEGIN with a WIP deployment in the app's list, then after the build time
// DEPLOYMENT_ACTION_END (OK or FAIL) with the list updated, and DEPLOYMENT_SUCCESS or
// DEPLOYMENT_FAIL. A new deployment of an app whose deployment is still WIP cancels that one first,
// as a push does on the platform: its END says CANCELLED, its entry in the list too, and no
// SUCCESS or FAIL follows.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Deployment } from '../../domain/schemas.js';
import type { SandboxStore } from '../store/store.js';
import type { StoredApp } from '../store/world.js';
import { buildEvent, type EventBus } from './event-bus.js';

export const DEFAULT_DEPLOY_MS = 5000;

export type DeploymentStore = Pick<
  SandboxStore,
  'application' | 'applications' | 'owners' | 'deployments' | 'self' | 'putDeployment' | 'putApplication'
>;

export interface DeploymentRequest {
  appId: string;
  fail?: boolean;
  durationMs?: number;
  /** Git (a push, the default), Console, API or Redeploy: what the deployments list shows as cause. */
  cause?: string;
}

interface Running {
  timer: NodeJS.Timeout;
  wip: Deployment;
  subject: { ownerId: string; appId: string };
  about: Record<string, unknown>;
}

export class DeploymentSimulator {
  /** Finishing steps in flight, awaited by close(). */
  private readonly running = new Set<Promise<void>>();
  /** The deployment WIP of each app, until its END. */
  private readonly deploying = new Map<string, Running>();
  /** The start in progress of each app, until its deployment is WIP. */
  private readonly starting = new Map<string, Promise<unknown>>();

  constructor(
    private readonly store: DeploymentStore,
    private readonly bus: EventBus,
    private readonly log: (line: string) => void = () => {},
  ) {}

  /** Starts a deployment and answers once it is WIP; undefined when the app is unknown. */
  async start(
    request: DeploymentRequest,
  ): Promise<{ uuid: string; appId: string; ownerId: string } | undefined> {
    const app = this.store.application(request.appId);
    if (!app) return undefined;
    // One start at a time per app, so that each cancels exactly the deployment before it.
    const before = this.starting.get(app.id) ?? Promise.resolve();
    const mine = before.catch(() => {}).then(() => this.startNow(app, request));
    this.starting.set(app.id, mine);
    try {
      return await mine;
    } finally {
      if (this.starting.get(app.id) === mine) this.starting.delete(app.id);
    }
  }

  private async startNow(
    app: StoredApp,
    request: DeploymentRequest,
  ): Promise<{ uuid: string; appId: string; ownerId: string }> {
    const user = this.store.self();
    const ownerId = app.ownerId;
    const cause = request.cause ?? 'Git';
    const commit = randomBytes(20).toString('hex');
    const wip: Deployment = {
      uuid: randomUUID(),
      date: Date.now(),
      state: 'WIP',
      action: 'DEPLOY',
      commit,
      cause,
      author: { id: user.id, name: user.name },
    };
    const subject = { ownerId, appId: app.id };
    const about = { uuid: wip.uuid, action: wip.action, commit, cause };

    if (cause === 'Git') {
      this.bus.emit(
        buildEvent('GIT_PUSH', subject, { commit, branch: app.branch ?? 'master', author: user.name }),
      );
    }
    await this.cancel(app.id);
    await this.store.putDeployment(app.id, wip);
    this.bus.emit(buildEvent('DEPLOYMENT_ACTION_BEGIN', subject, { ...about, state: 'WIP' }));

    const timer = setTimeout(() => {
      if (this.deploying.get(app.id)?.timer !== timer) return;
      this.deploying.delete(app.id);
      this.track(this.finish(app.id, wip, request.fail === true, subject, about), wip.uuid);
    }, request.durationMs ?? DEFAULT_DEPLOY_MS);
    this.deploying.set(app.id, { timer, wip, subject, about });
    return { uuid: wip.uuid, appId: app.id, ownerId };
  }

  /** Ends the app's WIP deployment, if any, as CANCELLED: the list updated, then its END. */
  private async cancel(appId: string): Promise<void> {
    const current = this.deploying.get(appId);
    if (!current) return;
    clearTimeout(current.timer);
    this.deploying.delete(appId);
    const cancelled = (async () => {
      await this.store.putDeployment(appId, { ...current.wip, state: 'CANCELLED' });
      this.bus.emit(
        buildEvent('DEPLOYMENT_ACTION_END', current.subject, { ...current.about, state: 'CANCELLED' }),
      );
    })();
    this.track(cancelled, current.wip.uuid);
    await cancelled.catch(() => {});
  }

  private track(step: Promise<void>, uuid: string): void {
    const done: Promise<void> = step
      .catch((error) => this.log(`deployment ${uuid} could not finish: ${String(error)}`))
      .finally(() => this.running.delete(done));
    this.running.add(done);
  }

  private async finish(
    appId: string,
    wip: Deployment,
    fail: boolean,
    subject: { ownerId: string; appId: string },
    about: Record<string, unknown>,
  ): Promise<void> {
    const state = fail ? 'FAIL' : 'OK';
    await this.store.putDeployment(appId, { ...wip, state });
    const app = this.store.application(appId);
    if (app && !fail) await this.store.putApplication({ ...app, commitId: wip.commit });
    this.bus.emit(buildEvent('DEPLOYMENT_ACTION_END', subject, { ...about, state }));
    this.bus.emit(buildEvent(fail ? 'DEPLOYMENT_FAIL' : 'DEPLOYMENT_SUCCESS', subject, { ...about, state }));
  }

  /**
   * Deployments left WIP by a stop (their END never came) are marked CANCELLED at the next start, so
   * that views polling "while anything is WIP" do not poll forever.
   */
  async cancelInterrupted(): Promise<number> {
    let count = 0;
    for (const owner of this.store.owners()) {
      for (const app of this.store.applications(owner.id)) {
        for (const deployment of this.store.deployments(app.id)) {
          if (deployment.state !== 'WIP' || this.deploying.has(app.id)) continue;
          await this.store.putDeployment(app.id, { ...deployment, state: 'CANCELLED' });
          count += 1;
        }
      }
    }
    return count;
  }

  isDeploying(appId: string): boolean {
    return this.deploying.has(appId);
  }

  /** Stops deployments in flight: they stay WIP in the list, as after a lost END on the real platform. */
  async close(): Promise<void> {
    for (const { timer } of this.deploying.values()) clearTimeout(timer);
    this.deploying.clear();
    await Promise.all(this.running);
  }
}

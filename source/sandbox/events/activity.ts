// `clever-notify sandbox --activity`: something happens every few seconds, as on a busy account, so
// that a live view has something to show. Mostly deployments (one in five fails), sometimes a
// redeploy, an edit of an app, a clever-tools request or credits. Nothing that would change the world
// (no creation or deletion events), so that what the events say stays true of the sandbox's data.
import type { SandboxStore } from '../store/store.js';
import type { DeploymentSimulator } from './deployments.js';
import { buildEvent, type EventBus } from './event-bus.js';

export interface ActivityOptions {
  store: Pick<SandboxStore, 'owners' | 'applications'>;
  bus: EventBus;
  deployments: DeploymentSimulator;
  /** Pause between two happenings, drawn in [min, max] ms. */
  minGapMs?: number;
  maxGapMs?: number;
  random?: () => number;
  log?: (line: string) => void;
}

export interface Activity {
  stop(): void;
}

export function startActivity(options: ActivityOptions): Activity {
  const random = options.random ?? Math.random;
  const minGap = options.minGapMs ?? 2000;
  const maxGap = options.maxGapMs ?? 6000;
  const pick = <T>(list: readonly T[]): T | undefined => list[Math.floor(random() * list.length)];
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const happen = async () => {
    const owners = options.store.owners();
    const owner = pick(owners);
    if (!owner) return;
    // One deployment at a time per app, as the platform runs them.
    const app = pick(
      options.store.applications(owner.id).filter((a) => !options.deployments.isDeploying(a.id)),
    );
    const roll = random();
    if (app && roll < 0.6) {
      await options.deployments.start({
        appId: app.id,
        fail: random() < 0.2,
        durationMs: 3000 + Math.floor(random() * 9000),
      });
    } else if (app && roll < 0.7) {
      options.bus.emit(buildEvent('APPLICATION_REDEPLOY', { ownerId: owner.id, appId: app.id }));
      await options.deployments.start({
        appId: app.id,
        cause: 'Redeploy',
        durationMs: 4000 + Math.floor(random() * 6000),
      });
    } else if (app && roll < 0.8) {
      options.bus.emit(
        buildEvent('APPLICATION_EDITION', { ownerId: owner.id, appId: app.id }, { name: app.name }),
      );
    } else if (roll < 0.92) {
      options.bus.emit(
        buildEvent(
          'CLEVER_TOOLS_REQUEST',
          { ownerId: owner.id },
          { command: pick(['deploy', 'restart', 'logs', 'env']) },
        ),
      );
    } else {
      options.bus.emit(
        buildEvent('CREDITS_ADDED', { ownerId: owner.id }, { amount: pick([10, 20, 50, 100]) }),
      );
    }
  };

  const next = () => {
    if (stopped) return;
    timer = setTimeout(
      () => {
        happen()
          .catch((error) => options.log?.(`simulated activity failed: ${String(error)}`))
          .finally(next);
      },
      minGap + Math.floor(random() * (maxGap - minGap)),
    );
  };
  next();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

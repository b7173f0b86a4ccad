// Installs the sandbox's events on a running sandbox: the event bus, the webhook dispatcher and its
// delivery journal, the event socket on the server's upgrade, and the /sandbox/v1 routes.
//
// Tuning for tests and benches, from the environment (or the options):
//   CLEVER_NOTIFY_SANDBOX_RETRY_BASE_MS      base delay of the retry schedule (default 2000)
//   CLEVER_NOTIFY_SANDBOX_DELIVERY_TIMEOUT_MS time allowed per delivery attempt (default 10000)
//   CLEVER_NOTIFY_SANDBOX_HEARTBEAT_MS       event socket heartbeat (default 10000)
import { DeliveryJournal } from '../delivery/delivery-journal.js';
import { Dispatcher } from '../delivery/dispatcher.js';
import { createHttpSender, DEFAULT_DELIVERY_TIMEOUT_MS } from '../delivery/http-sender.js';
import { DEFAULT_RETRY_POLICY } from '../delivery/retry-policy.js';
import { attachEventSocket, DEFAULT_HEARTBEAT_MS } from '../event-socket.js';
import { type Activity, startActivity } from '../events/activity.js';
import { DeploymentSimulator } from '../events/deployments.js';
import { EventBus } from '../events/event-bus.js';
import type { SandboxPlugin } from '../plugins.js';
import type { RunningSandbox } from '../start.js';
import { HookChangeLog } from './hook-change-log.js';
import { addExtensionRoutes } from './routes.js';

export interface EventsPluginOptions {
  retryBaseMs?: number;
  deliveryTimeoutMs?: number;
  heartbeatMs?: number;
  /** See SenderOptions.loopbackOnly; CLEVER_NOTIFY_SANDBOX_LOOPBACK_ONLY=1. */
  loopbackOnly?: boolean;
}

/** What other parts of the program (the sandbox command's --activity, tests) reach on a running sandbox. */
export interface SandboxEvents {
  bus: EventBus;
  deployments: DeploymentSimulator;
  dispatcher: Dispatcher;
  journal: DeliveryJournal;
  /** Starts simulated activity; it stops with the sandbox. */
  startActivity(): Activity;
}

// Keyed by the server, which copies of the RunningSandbox object (e.g. a test's) share.
const installed = new WeakMap<RunningSandbox['server'], SandboxEvents>();

export function sandboxEvents(sandbox: RunningSandbox): SandboxEvents | undefined {
  return installed.get(sandbox.server);
}

function envNumber(name: string): number | undefined {
  const value = process.env[name];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

export function optionsFromEnv(): EventsPluginOptions {
  const retryBaseMs = envNumber('CLEVER_NOTIFY_SANDBOX_RETRY_BASE_MS');
  const deliveryTimeoutMs = envNumber('CLEVER_NOTIFY_SANDBOX_DELIVERY_TIMEOUT_MS');
  const heartbeatMs = envNumber('CLEVER_NOTIFY_SANDBOX_HEARTBEAT_MS');
  return {
    loopbackOnly: process.env.CLEVER_NOTIFY_SANDBOX_LOOPBACK_ONLY === '1',
    ...(retryBaseMs !== undefined ? { retryBaseMs } : {}),
    ...(deliveryTimeoutMs !== undefined ? { deliveryTimeoutMs } : {}),
    ...(heartbeatMs !== undefined ? { heartbeatMs } : {}),
  };
}

/** Without options, the tuning is read from the environment when the sandbox starts. */
export function createEventsPlugin(given?: EventsPluginOptions): SandboxPlugin {
  return {
    name: 'events',
    async install(sandbox) {
      const options = given ?? optionsFromEnv();
      const { log } = sandbox;
      const report = (error: unknown) =>
        log(`sandbox events: ${error instanceof Error ? error.message : String(error)}`);
      const journal = await DeliveryJournal.open(sandbox.dataDir, report);
      const sender = createHttpSender({
        timeoutMs: options.deliveryTimeoutMs ?? DEFAULT_DELIVERY_TIMEOUT_MS,
        loopbackOnly: options.loopbackOnly ?? false,
      });
      const dispatcher = new Dispatcher({
        store: sandbox.store,
        journal,
        sender,
        policy: {
          ...DEFAULT_RETRY_POLICY,
          baseDelayMs: options.retryBaseMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
        },
        log,
      });
      const bus = new EventBus(report);
      bus.subscribe((event) => dispatcher.dispatch(event));
      dispatcher.start();
      const deployments = new DeploymentSimulator(sandbox.store, bus, log);
      const cancelled = await deployments.cancelInterrupted();
      if (cancelled > 0) log(`${cancelled} deployment(s) left WIP by the last stop marked CANCELLED`);
      const socket = attachEventSocket({
        server: sandbox.server,
        bus,
        authenticate: sandbox.authenticate,
        heartbeatMs: options.heartbeatMs ?? DEFAULT_HEARTBEAT_MS,
      });
      const hookLog = new HookChangeLog(sandbox.store);
      addExtensionRoutes(sandbox.router, {
        store: sandbox.store,
        bus,
        deployments,
        dispatcher,
        journal,
        hookLog,
      });

      const activities = new Set<Activity>();
      installed.set(sandbox.server, {
        bus,
        deployments,
        dispatcher,
        journal,
        startActivity() {
          const activity = startActivity({ store: sandbox.store, bus, deployments, log });
          activities.add(activity);
          return activity;
        },
      });
      return {
        async close() {
          installed.delete(sandbox.server);
          hookLog.close();
          for (const activity of activities) activity.stop();
          await socket.close();
          await deployments.close();
          dispatcher.close();
          await sender.close();
          await journal.close();
        },
      };
    },
  };
}

/** `sandbox --activity`: simulated activity on a sandbox this process runs, until it stops. */
export function startSandboxActivity(sandbox: RunningSandbox): void {
  const events = sandboxEvents(sandbox);
  if (!events) throw new Error('the sandbox runs without its events plugin');
  events.startActivity();
  sandbox.log('simulated activity: a deployment or an event every 2 to 6 seconds');
}

// Parts of the sandbox that live outside its REST core (the event socket, deliveries, the
// /sandbox/v1 extension API) install themselves through this interface. Every sandbox, whether
// started by `clever-notify sandbox` or embedded by another command, runs `builtinPlugins`.
import { createEventsPlugin } from './extensions/events-plugin.js';
import type { RunningSandbox } from './start.js';

export interface SandboxPlugin {
  name: string;
  /** Adds routes, listens to the server, starts workers; returns what to stop when the sandbox closes. */
  install(sandbox: RunningSandbox): Promise<{ close(): Promise<void> } | undefined>;
}

export const builtinPlugins: SandboxPlugin[] = [createEventsPlugin()];

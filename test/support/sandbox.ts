// A sandbox for tests: a fresh temporary data folder, an ephemeral port, and the environment that
// points clever-notify or the official CLI at it. `close()` stops it and removes the folder.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { sandboxEnvVars } from '../../source/sandbox/env-lines.js';
import { type RunningSandbox, type SandboxOptions, startSandbox } from '../../source/sandbox/start.js';

export type TestSandbox = RunningSandbox & { env: Record<string, string> };

export async function startTestSandbox(options: Partial<SandboxOptions> = {}): Promise<TestSandbox> {
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'clever-notify-sandbox-')));
  const sandbox = await startSandbox({ port: 0, ...options, dataDir });
  const env = {
    ...sandboxEnvVars(sandbox),
    // A file that does not exist: no profile of the developer's own clever-tools leaks into a test.
    CONFIGURATION_FILE: path.join(dataDir, 'no-clever-tools-config.json'),
    CLEVER_NOTIFY_SANDBOX_DATA: dataDir,
  };
  return {
    ...sandbox,
    env,
    async close() {
      await sandbox.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The seeded world's ids and names, read from the store (the seed makes random ids). */
export function seedIds(sandbox: RunningSandbox) {
  const { store } = sandbox;
  const user = store.self();
  const [acme, labs] = store.organisations();
  const app = (ownerId: string, name: string) => store.applications(ownerId).find((a) => a.name === name)!;
  const addon = (ownerId: string, name: string) => store.addons(ownerId).find((a) => a.name === name)!;
  return {
    user,
    /** "Acme Shop": five apps, three add-ons, a slack and a raw webhook. */
    acme: acme!,
    /** "Lovelace Labs": three apps, two add-ons, a DISABLED webhook with failures. */
    labs: labs!,
    apps: {
      blog: app(user.id, 'blog'),
      shopFront: app(acme!.id, 'shop-front'),
      shopApi: app(acme!.id, 'shop-api'),
      mlGateway: app(labs!.id, 'ml-gateway'),
    },
    addons: {
      blogDb: addon(user.id, 'blog-db'),
      shopDb: addon(acme!.id, 'shop-db'),
      datasets: addon(labs!.id, 'datasets'),
    },
  };
}

/** `fetch` against the sandbox with its Bearer token; `auth: false` sends no credentials. */
export function sandboxFetch(
  sandbox: RunningSandbox,
  pathname: string,
  init: RequestInit & { json?: unknown; auth?: boolean } = {},
): Promise<Response> {
  const { json, auth = true, ...rest } = init;
  const headers = new Headers(rest.headers);
  headers.set('accept', 'application/json');
  if (auth) headers.set('authorization', `Bearer ${sandbox.apiToken}`);
  if (json !== undefined) headers.set('content-type', 'application/json');
  return fetch(`${sandbox.url}${pathname}`, {
    ...rest,
    headers,
    body: json !== undefined ? JSON.stringify(json) : rest.body,
  });
}

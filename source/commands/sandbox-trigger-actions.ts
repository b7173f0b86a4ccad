// What `sandbox trigger …` does: find the running sandbox, then call its extension API.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveCredentials } from '../api/credentials.js';
import { SandboxExtensionsClient } from '../api/sandbox-extensions.js';
import { CLEVER_DEFAULTS } from '../domain/clever-defaults.js';
import { UserError } from '../domain/errors.js';
import { EVENT_TYPES, isEventType } from '../domain/events.js';
import { SandboxCredentials } from '../sandbox/auth.js';
import { readRunningSandbox } from '../sandbox/lock.js';
import { defaultSandboxDataDir, sandboxFiles } from '../sandbox/paths.js';
import { tlsFiles } from '../sandbox/tls-files.js';
import type { TriggerDeployOptions, TriggerEventOptions, TriggerTarget } from './sandbox-trigger.js';

const HOW_TO_START =
  'start one with `clever-notify sandbox` (add --tls for the official CLI), then run ' +
  '`eval "$(cat DATA/env)"` in this shell or pass --data DATA';

async function clientForDataDir(dataDir: string): Promise<SandboxExtensionsClient | undefined> {
  const running = await readRunningSandbox(dataDir);
  if (!running) return undefined;
  let credentials: SandboxCredentials;
  try {
    credentials = SandboxCredentials.parse(
      JSON.parse(await readFile(sandboxFiles(dataDir).credentials, 'utf8')),
    );
  } catch (error) {
    throw new UserError(`cannot read the sandbox credentials in ${dataDir}: ${(error as Error).message}`);
  }
  const ca = running.url.startsWith('https:') ? await readFile(tlsFiles(dataDir).caCert, 'utf8') : undefined;
  return new SandboxExtensionsClient({
    apiHost: running.url,
    authorization: () => `Bearer ${credentials.apiToken}`,
    credentialsKind: 'api-token',
    ...(ca ? { ca } : {}),
  });
}

/** --data, else API_HOST and credentials from the environment, else the default data folder. */
export async function sandboxClient(target: TriggerTarget): Promise<SandboxExtensionsClient> {
  if (target.data) {
    const dataDir = path.resolve(target.data);
    const client = await clientForDataDir(dataDir);
    if (!client) throw new UserError(`no sandbox is running on ${dataDir}: ${HOW_TO_START}`);
    return client;
  }
  const credentials = await resolveCredentials();
  if (credentials && credentials.apiHost !== CLEVER_DEFAULTS.API_HOST && credentials.kind === 'oauth') {
    return new SandboxExtensionsClient({
      apiHost: credentials.apiHost,
      authorization: credentials.authorization,
    });
  }
  const client = await clientForDataDir(defaultSandboxDataDir());
  if (client) return client;
  throw new UserError(
    credentials
      ? `the credentials found point at ${credentials.apiHost}, not at a sandbox, and no sandbox runs on the default data folder: ${HOW_TO_START}`
      : `no sandbox found: ${HOW_TO_START}`,
  );
}

export async function triggerDeploy(options: TriggerDeployOptions): Promise<void> {
  const client = await sandboxClient(options);
  try {
    const started = await client.triggerDeployment({
      appId: options.app,
      ...(options.fail ? { fail: true } : {}),
      ...(options.duration !== undefined ? { durationMs: options.duration } : {}),
    });
    const seconds = ((options.duration ?? 5000) / 1000).toFixed(1).replace(/\.0$/, '');
    process.stdout.write(
      `deployment ${started.uuid} of ${started.appId} started (WIP); it ends ${options.fail ? 'FAIL' : 'OK'} in ${seconds} s\n`,
    );
  } finally {
    await client.close();
  }
}

export async function triggerEvent(type: string, options: TriggerEventOptions): Promise<void> {
  const event = type.toUpperCase();
  if (!isEventType(event)) {
    throw new UserError(`unknown event ${type}: expected one of ${EVENT_TYPES.join(', ')}`);
  }
  if (!options.app && !options.org)
    throw new UserError(`say what ${event} is about: --app ID or --org OWNER_ID`);
  let data: Record<string, unknown> | undefined;
  if (options.json) {
    try {
      data = JSON.parse(options.json);
    } catch (error) {
      throw new UserError(`--json is not valid JSON: ${(error as Error).message}`);
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
      throw new UserError('--json must be a JSON object, e.g. {"state":"FAIL"}');
    }
  }
  const client = await sandboxClient(options);
  try {
    const sent = await client.triggerEvent({
      event,
      ...(options.app ? { appId: options.app } : {}),
      ...(options.org ? { ownerId: options.org } : {}),
      ...(data ? { data } : {}),
    });
    process.stdout.write(`${event} sent (event ${sent.eventId})\n`);
  } finally {
    await client.close();
  }
}

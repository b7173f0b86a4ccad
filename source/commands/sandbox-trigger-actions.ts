// What `sandbox trigger …` does: find the running sandbox, then call its extension API.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resolveCredentials } from '../api/credentials.js';
import { SandboxExtensionsClient } from '../api/sandbox-extensions.js';
import { CLEVER_DEFAULTS } from '../domain/clever-defaults.js';
import { unknownValue } from '../domain/did-you-mean.js';
import { UserError } from '../domain/errors.js';
import { EVENT_TYPES, isEventType } from '../domain/events.js';
import { isId } from '../domain/ids.js';
import { safeText } from '../domain/terminal-text.js';
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

/**
 * --app as every other command takes it: an id, or the name of an app (or, for an event, an add-on)
 * of the user's owners, exact first, then case-insensitive; an ambiguous name lists the ids.
 */
async function serviceId(
  client: SandboxExtensionsClient,
  value: string,
  kinds: 'app' | 'service',
): Promise<string> {
  if (isId(value, 'app_') || (kinds === 'service' && /^addon_/i.test(value))) return value;
  const summary = await client.summary();
  const owners = [summary.user, ...summary.organisations];
  const services = owners.flatMap((o) => [
    ...o.applications.map((a) => ({ id: a.id, name: a.name })),
    ...(kinds === 'service' ? o.addons.map((a) => ({ id: a.id, name: a.name ?? a.id })) : []),
  ]);
  const exact = services.filter((s) => s.name === value);
  const matches =
    exact.length > 0 ? exact : services.filter((s) => s.name.toLowerCase() === value.toLowerCase());
  if (matches.length === 1) return matches[0]!.id;
  const what = kinds === 'app' ? 'application' : 'application or add-on';
  if (matches.length > 1) {
    throw new UserError(
      `several ${what}s are named "${safeText(value)}": use the id of one of ${matches.map((m) => m.id).join(', ')}`,
    );
  }
  throw new UserError(
    unknownValue(
      what,
      value,
      services.map((s) => s.name),
      'run `clever-notify apps` for the names and ids',
    ),
  );
}

export async function triggerDeploy(options: TriggerDeployOptions): Promise<void> {
  const client = await sandboxClient(options);
  try {
    const started = await client.triggerDeployment({
      appId: await serviceId(client, options.app, 'app'),
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
    throw new UserError(unknownValue('event', type, EVENT_TYPES, 'run `clever-notify events` for the list'));
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
      ...(options.app ? { appId: await serviceId(client, options.app, 'service') } : {}),
      ...(options.org ? { ownerId: options.org } : {}),
      ...(data ? { data } : {}),
    });
    process.stdout.write(`${event} sent (event ${sent.eventId})\n`);
  } finally {
    await client.close();
  }
}

// Which API the commands and the TUI talk to (start-up wiring, shared by both). Credentials (env, API
// token or the clever-tools config file) mean Clever Cloud, or whatever API_HOST names. With none, or
// with --sandbox, the sandbox of the default data folder: the one already running there, else one
// started in this process for this command. Whether an API is a sandbox, the API says (`identify()`).
import { resolve } from 'node:path';
import { HttpCleverApi } from '../api/client.js';
import { type Credentials, resolveCredentials } from '../api/credentials.js';
import { readText, removeFile, writeText } from '../api/text-files.js';
import type { CleverApi } from '../api/types.js';
import { UserError } from '../domain/errors.js';
import { defaultSandboxDataDir, sandboxFiles } from '../sandbox/paths.js';

export interface ConnectOptions {
  sandbox?: boolean;
  /** Do not print the notice on stderr (the caller shows `notice` itself). */
  quiet?: boolean;
  env?: Record<string, string | undefined>;
}

export interface Connection {
  api: CleverApi;
  /** Set when the sandbox was chosen because no credentials were found, e.g. "Using the embedded sandbox…". */
  notice?: string;
  /** `ca`: a TLS sandbox's own certificate authority, for connections made outside the client (event socket). */
  credentials: { apiHost: string; authorization: () => string; ca?: string };
  close(): Promise<void>;
}

const LOGIN_ADVICE = 'to use Clever Cloud, run `clever login` or set CLEVER_TOKEN and CLEVER_SECRET';

export async function connect(options: ConnectOptions = {}): Promise<Connection> {
  const env = options.env ?? process.env;
  const debug = env.CLEVER_NOTIFY_DEBUG
    ? (line: string) => process.stderr.write(`debug: ${line}\n`)
    : undefined;
  const credentials = options.sandbox ? undefined : await resolveCredentials(env);
  if (credentials) {
    const api = new HttpCleverApi(credentials, { ...(debug ? { debug } : {}) });
    // Whether this API is a sandbox is the API's to say, not its host's (an SSH tunnel to Clever Cloud
    // listens on 127.0.0.1 too): `api.identify()`, asked by what needs to know (the live model, tests,
    // the delivery log), so that a one-shot list makes no request it does not use.
    return { api, credentials: pickCredentials(credentials), close: () => api.close() };
  }

  const dataDir = await sandboxDataDir(env);
  const { readRunningSandbox } = await import('../sandbox/lock.js');
  const running = await readRunningSandbox(dataDir);
  let connection: Connection;
  if (running) {
    const sandboxCredentials = await credentialsOfRunningSandbox(dataDir, running.url);
    const api = new HttpCleverApi(sandboxCredentials, { kind: 'sandbox', ...(debug ? { debug } : {}) });
    connection = {
      api,
      credentials: pickCredentials(sandboxCredentials),
      close: () => api.close(),
      ...(options.sandbox
        ? {}
        : { notice: `No credentials: using the sandbox running at ${running.url}; ${LOGIN_ADVICE}.` }),
    };
  } else {
    const { sandbox, restoreEnv } = await startEmbedded(dataDir, env);
    const sandboxCredentials = await sandboxCredentialsFor(
      sandbox.url,
      sandbox.token,
      sandbox.secret,
      dataDir,
    );
    const api = new HttpCleverApi(sandboxCredentials, {
      kind: 'sandbox',
      embedded: true,
      ...(debug ? { debug } : {}),
    });
    connection = {
      api,
      credentials: pickCredentials(sandboxCredentials),
      close: async () => {
        await api.close();
        await sandbox.close();
        await restoreEnv();
      },
      ...(options.sandbox
        ? {}
        : { notice: `No credentials: using the embedded sandbox (${dataDir}); ${LOGIN_ADVICE}.` }),
    };
  }
  if (connection.notice && !options.quiet) process.stderr.write(`${connection.notice}\n`);
  return connection;
}

/**
 * The embedded sandbox takes the default port when it is free, so that the lines of DATA/env stay
 * valid as the README promises. On another port (7357 is taken), the DATA/env it writes would point
 * at nothing once it stops: the previous file is put back then (or removed if there was none).
 * CLEVER_NOTIFY_EMBEDDED_SANDBOX_PORT chooses the port (the tests use 0: never the default port).
 */
async function startEmbedded(dataDir: string, env: Record<string, string | undefined>) {
  const { startSandbox, DEFAULT_SANDBOX_PORT } = await import('../sandbox/start.js');
  const wanted = Number(env.CLEVER_NOTIFY_EMBEDDED_SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT);
  const envFile = sandboxFiles(dataDir).env;
  const before = await readText(envFile).catch(() => undefined);
  let sandbox: Awaited<ReturnType<typeof startSandbox>>;
  try {
    sandbox = await startSandbox({ dataDir, port: wanted, embedded: true });
  } catch (error) {
    if (wanted === 0 || !(error instanceof UserError && /already in use/.test(error.message))) throw error;
    sandbox = await startSandbox({ dataDir, port: 0, embedded: true });
  }
  const restoreEnv = async () => {
    if (sandbox.port === DEFAULT_SANDBOX_PORT) return;
    if (before === undefined) await removeFile(envFile, { force: true });
    else await writeText(envFile, before, { mode: 0o600 });
  };
  return { sandbox, restoreEnv };
}

/** CLEVER_NOTIFY_SANDBOX_DATA, else the folder saved in the settings, else the default. */
async function sandboxDataDir(env: Record<string, string | undefined>): Promise<string> {
  if (env.CLEVER_NOTIFY_SANDBOX_DATA) return resolve(env.CLEVER_NOTIFY_SANDBOX_DATA);
  const { openSettings } = await import('../settings/settings.js');
  return openSettings(env).get('sandboxDataDir') ?? defaultSandboxDataDir();
}

/** The token pair that the running sandbox wrote in its `env` file. */
async function credentialsOfRunningSandbox(dataDir: string, url: string): Promise<Credentials> {
  const file = sandboxFiles(dataDir).env;
  let text: string;
  try {
    text = await readText(file);
  } catch {
    throw new UserError(`a sandbox runs at ${url} but its credentials file ${file} cannot be read`);
  }
  const vars = parseEnvFile(text);
  if (!vars.CLEVER_TOKEN || !vars.CLEVER_SECRET) {
    throw new UserError(`the sandbox credentials file ${file} has no CLEVER_TOKEN and CLEVER_SECRET`);
  }
  const credentials = await sandboxCredentialsFor(url, vars.CLEVER_TOKEN, vars.CLEVER_SECRET, dataDir);
  // A sandbox serving TLS names its own CA; this process started without NODE_EXTRA_CA_CERTS.
  const caFile = vars.NODE_EXTRA_CA_CERTS;
  if (!url.startsWith('https:') || !caFile) return credentials;
  const ca = await readText(caFile).catch(() => {
    throw new UserError(`the sandbox at ${url} serves TLS but its CA certificate ${caFile} cannot be read`);
  });
  return { ...credentials, ca };
}

/** The sandbox accepts the default consumer pair, so only its token pair and URL matter. */
async function sandboxCredentialsFor(
  url: string,
  token: string,
  secret: string,
  dataDir: string,
): Promise<Credentials> {
  const credentials = await resolveCredentials({ API_HOST: url, CLEVER_TOKEN: token, CLEVER_SECRET: secret });
  return { ...credentials!, source: dataDir };
}

/** `export NAME=value` lines, values optionally quoted. */
export function parseEnvFile(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (!match) continue;
    let value = match[2]!.trim();
    if (/^(['"]).*\1$/.test(value)) value = value.slice(1, -1);
    vars[match[1]!] = value;
  }
  return vars;
}

function pickCredentials(c: Credentials): Connection['credentials'] {
  return { apiHost: c.apiHost, authorization: c.authorization, ...(c.ca ? { ca: c.ca } : {}) };
}

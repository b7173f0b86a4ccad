// Where the credentials come from, exactly as clever-tools reads them (docs/contract.md):
// CLEVER_TOKEN + CLEVER_SECRET win; else CLEVER_API_TOKEN (a Bearer token for the auth bridge);
// else the first profile of the clever-tools config file. Hosts and consumer pair: env > the
// active profile's overrides > defaults.
import { homedir } from 'node:os';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { CLEVER_DEFAULTS } from '../domain/clever-defaults.js';
import { UserError } from '../domain/errors.js';
import { buildPlaintextHeader } from '../domain/oauth-header.js';
import { readText } from './text-files.js';

export interface Credentials {
  kind: 'oauth' | 'api-token';
  /** Where they were found, for messages: `CLEVER_TOKEN/CLEVER_SECRET`, `CLEVER_API_TOKEN` or the file. */
  source: string;
  /** The host every /v2 request goes to (the auth bridge for an API token). */
  apiHost: string;
  /** The value of the Authorization header. Never logged. */
  authorization: () => string;
  /** A CA certificate (PEM) to trust instead of the system's: a sandbox that serves TLS. */
  ca?: string;
}

const Overrides = z.looseObject({
  API_HOST: z.optional(z.string()),
  AUTH_BRIDGE_HOST: z.optional(z.string()),
  OAUTH_CONSUMER_KEY: z.optional(z.string()),
  OAUTH_CONSUMER_SECRET: z.optional(z.string()),
});
type Overrides = z.infer<typeof Overrides>;

const Profile = z.looseObject({
  alias: z.string(),
  token: z.string(),
  secret: z.string(),
  overrides: z.optional(Overrides),
});
const CurrentConfigFile = z.looseObject({
  version: z.literal(1),
  profiles: z._default(z.array(Profile), []),
});
const LegacyConfigFile = z.looseObject({ token: z.string(), secret: z.string() });

interface ProfileData {
  alias: string;
  token: string;
  secret: string;
  overrides: Overrides;
}

type Env = Record<string, string | undefined>;

/** The clever-tools config file: CONFIGURATION_FILE, else the XDG config folder (APPDATA on Windows). */
export function configFilePath(env: Env = process.env): string {
  if (env.CONFIGURATION_FILE) return env.CONFIGURATION_FILE;
  if (process.platform === 'win32' && env.APPDATA)
    return join(env.APPDATA, 'clever-cloud', 'clever-tools.json');
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'clever-cloud', 'clever-tools.json');
}

/** The first profile of the config file; undefined when the file is absent or holds none. */
export async function readActiveProfile(path: string): Promise<ProfileData | undefined> {
  let text: string;
  try {
    text = await readText(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`cannot read the clever-tools config file ${path}: ${(error as Error).message}`);
  }
  if (text.trim() === '') return undefined;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UserError(
      `the clever-tools config file ${path} is not valid JSON: fix it, or run \`clever login\` again`,
    );
  }
  const current = CurrentConfigFile.safeParse(data);
  if (current.success) {
    const first = current.data.profiles[0];
    return first && { ...first, overrides: first.overrides ?? {} };
  }
  const legacy = LegacyConfigFile.safeParse(data);
  if (legacy.success) return { alias: 'default', ...legacy.data, overrides: {} };
  const issue = current.error.issues[0];
  const where = issue ? ` (${issue.path.join('.') || 'root'}: ${issue.message})` : '';
  throw new UserError(
    `the clever-tools config file ${path} has neither the {version, profiles} nor the {token, secret} form${where}`,
  );
}

function validHost(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UserError(`${name} is not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`${name} must be an http or https URL: ${value}`);
  }
  return value.replace(/\/+$/, '');
}

/** env > the active profile's overrides > default. */
function setting(env: Env, overrides: Overrides, name: keyof typeof CLEVER_DEFAULTS): string {
  return env[name] || overrides[name] || CLEVER_DEFAULTS[name];
}

export async function resolveCredentials(env: Env = process.env): Promise<Credentials | undefined> {
  if (env.CLEVER_TOKEN && env.CLEVER_SECRET) {
    // clever-tools puts a virtual profile first in this case: the file's overrides no longer apply.
    return oauthCredentials(env, {}, env.CLEVER_TOKEN, env.CLEVER_SECRET, 'CLEVER_TOKEN/CLEVER_SECRET');
  }
  const path = configFilePath(env);
  const profile = await readActiveProfile(path);
  if (env.CLEVER_API_TOKEN) {
    const token = env.CLEVER_API_TOKEN;
    const apiHost = validHost(setting(env, profile?.overrides ?? {}, 'AUTH_BRIDGE_HOST'), 'AUTH_BRIDGE_HOST');
    return { kind: 'api-token', source: 'CLEVER_API_TOKEN', apiHost, authorization: () => `Bearer ${token}` };
  }
  if (!profile) return undefined;
  return oauthCredentials(env, profile.overrides, profile.token, profile.secret, path);
}

function oauthCredentials(
  env: Env,
  overrides: Overrides,
  token: string,
  secret: string,
  source: string,
): Credentials {
  const apiHost = validHost(setting(env, overrides, 'API_HOST'), 'API_HOST');
  const consumerKey = setting(env, overrides, 'OAUTH_CONSUMER_KEY');
  const consumerSecret = setting(env, overrides, 'OAUTH_CONSUMER_SECRET');
  const header = buildPlaintextHeader({ consumerKey, consumerSecret, token, secret });
  return { kind: 'oauth', source, apiHost, authorization: () => header };
}

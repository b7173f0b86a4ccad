import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFilePath, resolveCredentials } from '../../source/api/credentials.js';
import { CLEVER_DEFAULTS } from '../../source/domain/clever-defaults.js';
import { UserError } from '../../source/domain/errors.js';
import { buildPlaintextHeader } from '../../source/domain/oauth.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'clever-notify-credentials-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function configFile(name: string, content: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const header = (
  token: string,
  secret: string,
  key: string = CLEVER_DEFAULTS.OAUTH_CONSUMER_KEY,
  consumerSecret: string = CLEVER_DEFAULTS.OAUTH_CONSUMER_SECRET,
) => buildPlaintextHeader({ consumerKey: key, consumerSecret, token, secret });

describe('resolveCredentials', () => {
  it('finds nothing without variables or a config file', async () => {
    expect(await resolveCredentials({ CONFIGURATION_FILE: join(dir, 'absent.json') })).toBeUndefined();
  });

  it('reads the first profile of the current form, with its overrides', async () => {
    const path = await configFile('current.json', {
      version: 1,
      profiles: [
        {
          alias: 'work',
          token: 'tok1',
          secret: 'sec1',
          overrides: {
            API_HOST: 'http://127.0.0.1:9999/',
            OAUTH_CONSUMER_KEY: 'ck',
            OAUTH_CONSUMER_SECRET: 'cs',
          },
        },
        { alias: 'other', token: 'tok2', secret: 'sec2' },
      ],
    });
    const c = await resolveCredentials({ CONFIGURATION_FILE: path });
    expect(c?.apiHost).toBe('http://127.0.0.1:9999');
    expect(c?.source).toBe(path);
    expect(c?.authorization()).toBe(header('tok1', 'sec1', 'ck', 'cs'));
  });

  it('lets the environment win over the overrides, and the overrides over the defaults', async () => {
    const path = await configFile('overrides.json', {
      version: 1,
      profiles: [{ alias: 'a', token: 't', secret: 's', overrides: { API_HOST: 'http://override.test' } }],
    });
    const fromEnv = await resolveCredentials({ CONFIGURATION_FILE: path, API_HOST: 'http://env.test' });
    expect(fromEnv?.apiHost).toBe('http://env.test');
    const fromOverride = await resolveCredentials({ CONFIGURATION_FILE: path });
    expect(fromOverride?.apiHost).toBe('http://override.test');
    expect(fromOverride?.authorization()).toBe(header('t', 's'));
  });

  it('reads the legacy form', async () => {
    const path = await configFile('legacy.json', { token: 'old', secret: 'older', expirationDate: 'x' });
    const c = await resolveCredentials({ CONFIGURATION_FILE: path });
    expect(c?.apiHost).toBe(CLEVER_DEFAULTS.API_HOST);
    expect(c?.authorization()).toBe(header('old', 'older'));
  });

  it('prefers CLEVER_TOKEN + CLEVER_SECRET, without the profile overrides', async () => {
    const path = await configFile('ignored.json', {
      version: 1,
      profiles: [{ alias: 'a', token: 't', secret: 's', overrides: { API_HOST: 'http://override.test' } }],
    });
    const c = await resolveCredentials({ CONFIGURATION_FILE: path, CLEVER_TOKEN: 'et', CLEVER_SECRET: 'es' });
    expect(c?.apiHost).toBe(CLEVER_DEFAULTS.API_HOST);
    expect(c?.authorization()).toBe(header('et', 'es'));
    // One of the pair alone is not enough.
    const half = await resolveCredentials({ CONFIGURATION_FILE: path, CLEVER_TOKEN: 'et' });
    expect(half?.authorization()).toBe(header('t', 's'));
  });

  it('sends an API token as Bearer to the auth bridge', async () => {
    const c = await resolveCredentials({
      CONFIGURATION_FILE: join(dir, 'absent.json'),
      CLEVER_API_TOKEN: 'api-token-123',
      AUTH_BRIDGE_HOST: 'http://bridge.test',
    });
    expect(c).toMatchObject({ kind: 'api-token', apiHost: 'http://bridge.test' });
    expect(c?.authorization()).toBe('Bearer api-token-123');
    const byDefault = await resolveCredentials({
      CONFIGURATION_FILE: join(dir, 'absent.json'),
      CLEVER_API_TOKEN: 'x',
    });
    expect(byDefault?.apiHost).toBe(CLEVER_DEFAULTS.AUTH_BRIDGE_HOST);
  });

  it('names the file when it is malformed', async () => {
    const broken = await configFile('broken.json', '{"version": 1, "profiles": [');
    await expect(resolveCredentials({ CONFIGURATION_FILE: broken })).rejects.toThrow(UserError);
    await expect(resolveCredentials({ CONFIGURATION_FILE: broken })).rejects.toThrow(broken);
    const wrong = await configFile('wrong.json', { version: 1, profiles: [{ alias: 'a', token: 't' }] });
    await expect(resolveCredentials({ CONFIGURATION_FILE: wrong })).rejects.toThrow(
      /wrong\.json.*profiles\.0\.secret/,
    );
  });

  it('refuses an API_HOST that is not an http URL', async () => {
    await expect(
      resolveCredentials({ CLEVER_TOKEN: 't', CLEVER_SECRET: 's', API_HOST: 'ftp://x' }),
    ).rejects.toThrow(/API_HOST/);
  });
});

describe('configFilePath', () => {
  it('follows CONFIGURATION_FILE, then XDG_CONFIG_HOME, then HOME', () => {
    expect(configFilePath({ CONFIGURATION_FILE: '/a/b.json' })).toBe('/a/b.json');
    expect(configFilePath({ XDG_CONFIG_HOME: '/xdg' })).toBe('/xdg/clever-cloud/clever-tools.json');
    expect(configFilePath({ HOME: '/home/u' })).toBe('/home/u/.config/clever-cloud/clever-tools.json');
  });
});

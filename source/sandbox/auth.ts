// Who may talk to the sandbox: a client signing with the OAuth PLAINTEXT header of the contract,
// using clever-tools' default consumer and the sandbox's own token and secret, or one sending
// `Authorization: Bearer <API token>`. The three secrets are made on first start and kept 0600.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { CLEVER_DEFAULTS } from '../domain/clever-defaults.js';
import { UserError } from '../domain/errors.js';
import { decodeParam, parseOAuthHeader, plaintextSignatureMatches } from '../domain/oauth.js';
import { sandboxFiles } from './paths.js';
import { writeFileAtomic } from './storage/atomic-file.js';

export const SandboxCredentials = z.object({
  token: z.string().min(16),
  secret: z.string().min(16),
  apiToken: z.string().min(16),
});
export type SandboxCredentials = z.infer<typeof SandboxCredentials>;

/** Loads the folder's credentials, making them on first start. Unreadable ones stop the start. */
export async function loadOrCreateCredentials(dataDir: string): Promise<SandboxCredentials> {
  const file = sandboxFiles(dataDir).credentials;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    // Hex only: clever-tools puts the secret in the header without percent-encoding it.
    const credentials = {
      token: randomBytes(20).toString('hex'),
      secret: randomBytes(20).toString('hex'),
      apiToken: randomBytes(24).toString('hex'),
    };
    await writeFileAtomic(file, `${JSON.stringify(credentials, null, 2)}\n`, 0o600);
    return credentials;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UserError(`cannot read the sandbox data file ${file}: ${(error as Error).message}`);
  }
  const parsed = SandboxCredentials.safeParse(json);
  if (!parsed.success) {
    throw new UserError(
      `cannot read the sandbox data file ${file}: it does not hold token, secret and apiToken`,
    );
  }
  return parsed.data;
}

/** An `Authorization` header check, usable by HTTP routes and by the event socket alike. */
export type Authenticate = (authorization: string | undefined) => boolean;

export function createAuthenticator(credentials: SandboxCredentials): Authenticate {
  return (authorization) => {
    if (!authorization) return false;
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (bearer) return sameSecret(bearer[1]!, credentials.apiToken);
    const params = parseOAuthHeader(authorization);
    if (!params) return false;
    const method = decodeParam(params.oauth_signature_method) ?? 'PLAINTEXT';
    if (method.toUpperCase() !== 'PLAINTEXT') return false;
    const signature = params.oauth_signature;
    return (
      decodeParam(params.oauth_consumer_key) === CLEVER_DEFAULTS.OAUTH_CONSUMER_KEY &&
      sameSecret(decodeParam(params.oauth_token) ?? '', credentials.token) &&
      signature !== undefined &&
      plaintextSignatureMatches(signature, CLEVER_DEFAULTS.OAUTH_CONSUMER_SECRET, credentials.secret)
    );
  };
}

function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

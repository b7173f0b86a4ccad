// Who may talk to the sandbox (docs/contract.md, "Hosts and credentials" and "Signing"): a client
// signing with OAuth 1.0a (PLAINTEXT, HMAC-SHA1 or HMAC-SHA512) with a known consumer and the
// sandbox's own token and secret, or one sending `Authorization: Bearer <API token>`. The three
// secrets are made on first start and kept 0600. Known consumers are clever-tools' default pair plus
// those listed in DATA/consumers.json, so that a client with its own `OAUTH_CONSUMER_KEY`/`SECRET`
// works once its pair is registered there.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import * as z from 'zod/mini';
import { CLEVER_DEFAULTS } from '../domain/clever-defaults.js';
import { UserError } from '../domain/errors.js';
import {
  decodeParam,
  hmacSignature,
  isHmacMethod,
  parseOAuthHeader,
  plaintextSignatureMatches,
  signatureBaseString,
} from '../domain/oauth.js';
import { sandboxFiles } from './paths.js';
import { writeFileAtomic } from './storage/atomic-file.js';

export const SandboxCredentials = z.object({
  token: z.string().check(z.minLength(16)),
  secret: z.string().check(z.minLength(16)),
  apiToken: z.string().check(z.minLength(16)),
});
export type SandboxCredentials = z.infer<typeof SandboxCredentials>;

/** One OAuth consumer the sandbox accepts, as DATA/consumers.json lists it. */
export const OAuthConsumer = z.strictObject({
  key: z.string().check(z.minLength(1)),
  secret: z.string().check(z.minLength(1)),
  /** Only for the reader of the file. */
  name: z.optional(z.string()),
});
export type OAuthConsumer = z.infer<typeof OAuthConsumer>;

/** DATA/consumers.json: `{"consumers": [{"key", "secret", "name"?}]}`. */
export const ConsumersFile = z.strictObject({ consumers: z.array(OAuthConsumer) });

/** How far a signed request's `oauth_timestamp` may be from the sandbox's clock, either way. */
export const TIMESTAMP_WINDOW_SECONDS = 300;

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
  const parsed = SandboxCredentials.safeParse(parseJsonFile(file, text));
  if (!parsed.success) {
    throw new UserError(
      `cannot read the sandbox data file ${file}: it does not hold token, secret and apiToken`,
    );
  }
  return parsed.data;
}

/**
 * The consumers of DATA/consumers.json (none when the file is absent). A file that cannot be read
 * stops the start, with its name and the first bad field.
 */
export async function loadConsumers(dataDir: string): Promise<OAuthConsumer[]> {
  const file = sandboxFiles(dataDir).consumers;
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const parsed = ConsumersFile.safeParse(parseJsonFile(file, text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? issue.path.join('.') : 'the file';
    throw new UserError(
      `cannot read the sandbox data file ${file}: ${where}: ${issue.message} (expected {"consumers": [{"key": "…", "secret": "…"}]})`,
    );
  }
  return parsed.data.consumers;
}

function parseJsonFile(file: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UserError(`cannot read the sandbox data file ${file}: ${(error as Error).message}`);
  }
}

/** The request an `Authorization` header signs: what HMAC signatures cover. */
export interface SignedRequest {
  method: string;
  /** The absolute URL as the client addressed it (scheme, Host header, path and query). */
  url: URL;
}

/** The request as the client addressed it, for HMAC signatures: its scheme, Host header and path. */
export function signedRequest(req: IncomingMessage, scheme: 'http' | 'https'): SignedRequest | undefined {
  try {
    return {
      method: req.method ?? 'GET',
      url: new URL(req.url ?? '/', `${scheme}://${req.headers.host ?? 'sandbox'}`),
    };
  } catch {
    return undefined;
  }
}

/**
 * An `Authorization` header check, usable by HTTP routes and by the event socket alike. Without the
 * request, only PLAINTEXT and Bearer can be checked.
 */
export type Authenticate = (authorization: string | undefined, request?: SignedRequest) => boolean;

export interface AuthenticatorOptions {
  /** Consumers besides clever-tools' default. */
  consumers?: readonly OAuthConsumer[];
  /** Seconds since the epoch; tests move the clock. */
  nowSeconds?: () => number;
}

export function createAuthenticator(
  credentials: SandboxCredentials,
  options: AuthenticatorOptions = {},
): Authenticate {
  const consumers = new Map<string, string>([
    [CLEVER_DEFAULTS.OAUTH_CONSUMER_KEY, CLEVER_DEFAULTS.OAUTH_CONSUMER_SECRET],
  ]);
  for (const consumer of options.consumers ?? []) consumers.set(consumer.key, consumer.secret);
  const nowSeconds = options.nowSeconds ?? (() => Math.floor(Date.now() / 1000));
  const nonces = new NonceWindow(TIMESTAMP_WINDOW_SECONDS);

  return (authorization, request) => {
    if (!authorization) return false;
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (bearer) return sameSecret(bearer[1]!, credentials.apiToken);
    const sent = parseOAuthHeader(authorization);
    if (!sent) return false;
    const params: Record<string, string> = {};
    for (const [name, value] of Object.entries(sent)) {
      const decoded = decodeParam(value);
      if (decoded === undefined) return false;
      params[name] = decoded;
    }
    const consumerSecret = consumers.get(params.oauth_consumer_key ?? '');
    if (consumerSecret === undefined) return false;
    if (!sameSecret(params.oauth_token ?? '', credentials.token)) return false;
    const signature = sent.oauth_signature;
    if (signature === undefined) return false;
    const method = (params.oauth_signature_method ?? 'PLAINTEXT').toUpperCase();
    if (method === 'PLAINTEXT') {
      return plaintextSignatureMatches(signature, consumerSecret, credentials.secret);
    }
    if (!isHmacMethod(method) || !request) return false;
    const expected = hmacSignature(
      method,
      signatureBaseString(request.method, request.url, params),
      consumerSecret,
      credentials.secret,
    );
    if (!sameSecret(params.oauth_signature ?? '', expected)) return false;
    // Checked after the signature, so that an unsigned guess cannot use up a nonce.
    const timestamp = Number(params.oauth_timestamp);
    const nonce = params.oauth_nonce;
    if (!Number.isInteger(timestamp) || !nonce) return false;
    const now = nowSeconds();
    if (Math.abs(now - timestamp) > TIMESTAMP_WINDOW_SECONDS) return false;
    return nonces.claim(`${params.oauth_consumer_key}\n${params.oauth_token}\n${timestamp}\n${nonce}`, now);
  };
}

/**
 * The nonces seen within the timestamp window: a nonce may be used once per consumer, token and
 * timestamp (RFC 5849 §3.3). Entries older than the window are dropped as time passes, so memory is
 * bounded by the signed requests of the last window.
 */
class NonceWindow {
  private readonly seen = new Map<string, number>();
  private nextSweep = 0;

  constructor(private readonly windowSeconds: number) {}

  /** False when the nonce was already used. */
  claim(key: string, now: number): boolean {
    if (now >= this.nextSweep) {
      // Twice the window: a timestamp may be up to one window in the future of `now`.
      for (const [seenKey, at] of this.seen) if (now - at > 2 * this.windowSeconds) this.seen.delete(seenKey);
      this.nextSweep = now + this.windowSeconds;
    }
    if (this.seen.has(key)) return false;
    this.seen.set(key, now);
    return true;
  }
}

function sameSecret(sent: string, expected: string): boolean {
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

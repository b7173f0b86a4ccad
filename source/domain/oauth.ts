// OAuth 1.0a as Clever Cloud takes it (see docs/contract.md, "Signing"): PLAINTEXT, which the
// official clients send (one header, no nonce, no timestamp), and the HMAC-SHA1 and HMAC-SHA512
// signatures of RFC 5849 that the API also accepts. The client builds headers and the sandbox checks
// them, so both live here; the header itself is in oauth-header.ts (re-exported here), which loads no
// crypto. Hashing is computation, not I/O.
import { createHmac } from 'node:crypto';
import { percentEncode } from './oauth-header.js';

export type { OAuthCredentials } from './oauth-header.js';
export { buildPlaintextHeader, parseOAuthHeader, percentEncode } from './oauth-header.js';

function safeDecode(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/**
 * Whether a PLAINTEXT signature, as sent, is `consumerSecret&tokenSecret`. The official client does
 * not percent-encode the two secrets and the contract does; both are accepted.
 */
export function plaintextSignatureMatches(
  sent: string,
  consumerSecret: string,
  tokenSecret: string,
): boolean {
  const raw = `${consumerSecret}%26${tokenSecret}`;
  const encoded = `${percentEncode(consumerSecret)}%26${percentEncode(tokenSecret)}`;
  return sent === raw || sent === encoded || safeDecode(sent) === `${consumerSecret}&${tokenSecret}`;
}

export function decodeParam(value: string | undefined): string | undefined {
  return value === undefined ? undefined : safeDecode(value);
}

/** The HMAC methods of RFC 5849 §3.4.2 that Clever Cloud accepts, and the hash each uses. */
export const HMAC_METHODS = { 'HMAC-SHA1': 'sha1', 'HMAC-SHA512': 'sha512' } as const;
export type HmacMethod = keyof typeof HMAC_METHODS;

export function isHmacMethod(method: string): method is HmacMethod {
  return Object.hasOwn(HMAC_METHODS, method);
}

/**
 * The signature base string of RFC 5849 §3.4.1: the method, the base URI (scheme and host in lower
 * case, no default port, no query) and every query and `oauth_*` parameter but the signature, each
 * name and value percent-encoded, sorted by name then value, joined with `&`. `oauthParams` are
 * decoded values.
 */
export function signatureBaseString(
  method: string,
  url: URL,
  oauthParams: Readonly<Record<string, string>>,
): string {
  const pairs: [string, string][] = [];
  for (const [name, value] of url.searchParams) pairs.push([percentEncode(name), percentEncode(value)]);
  for (const [name, value] of Object.entries(oauthParams)) {
    if (name === 'oauth_signature' || name === 'realm') continue;
    pairs.push([percentEncode(name), percentEncode(value)]);
  }
  pairs.sort(([an, av], [bn, bv]) => (an === bn ? compare(av, bv) : compare(an, bn)));
  const normalized = pairs.map(([name, value]) => `${name}=${value}`).join('&');
  return [method.toUpperCase(), percentEncode(baseUri(url)), percentEncode(normalized)].join('&');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function baseUri(url: URL): string {
  const scheme = url.protocol.toLowerCase();
  const defaultPort =
    (scheme === 'http:' && url.port === '80') || (scheme === 'https:' && url.port === '443');
  const port = url.port === '' || defaultPort ? '' : `:${url.port}`;
  return `${scheme}//${url.hostname.toLowerCase()}${port}${url.pathname}`;
}

/** The base64 HMAC of a base string, keyed with `ENC(consumerSecret)&ENC(tokenSecret)`. */
export function hmacSignature(
  method: HmacMethod,
  baseString: string,
  consumerSecret: string,
  tokenSecret: string,
): string {
  const key = `${percentEncode(consumerSecret)}&${percentEncode(tokenSecret)}`;
  return createHmac(HMAC_METHODS[method], key).update(baseString).digest('base64');
}

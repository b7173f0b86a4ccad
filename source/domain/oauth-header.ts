// The OAuth 1.0a header as the client sends it (PLAINTEXT, docs/contract.md, "Signing") and as both
// sides read it. Apart from the HMAC signatures (oauth.ts), so that a command, which only sends
// PLAINTEXT, does not load node:crypto at start (docs/performance.md).

/** RFC 3986 percent-encoding: unreserved characters stay, everything else is %XX. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

export interface OAuthCredentials {
  consumerKey: string;
  consumerSecret: string;
  token: string;
  secret: string;
}

/** `oauth_signature="ENC(CONSUMER_SECRET)%26ENC(TOKEN_SECRET)"`, as the contract spells it. */
export function buildPlaintextHeader(c: OAuthCredentials): string {
  return [
    `OAuth oauth_consumer_key="${percentEncode(c.consumerKey)}"`,
    `oauth_token="${percentEncode(c.token)}"`,
    `oauth_signature="${percentEncode(c.consumerSecret)}%26${percentEncode(c.secret)}"`,
  ].join(', ');
}

/** The parameters of an `Authorization: OAuth …` header, as sent (not decoded); undefined when it is not one. */
export function parseOAuthHeader(header: string): Record<string, string> | undefined {
  const match = /^OAuth\s+(.*)$/is.exec(header.trim());
  if (!match) return undefined;
  const params: Record<string, string> = {};
  for (const part of match[1]!.split(',')) {
    const pair = /^\s*([A-Za-z0-9_]+)\s*=\s*"([^"]*)"\s*$/.exec(part);
    if (pair) params[pair[1]!] = pair[2]!;
  }
  return params;
}

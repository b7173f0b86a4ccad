import { describe, expect, it } from 'vitest';
import {
  buildPlaintextHeader,
  parseOAuthHeader,
  percentEncode,
  plaintextSignatureMatches,
} from '../../source/domain/oauth.js';

describe('OAuth PLAINTEXT', () => {
  it('percent-encodes as RFC 3986 says', () => {
    expect(percentEncode("a b!*'()~.-_")).toBe('a%20b%21%2A%27%28%29~.-_');
  });

  it('builds the header of the contract and checks it back', () => {
    const header = buildPlaintextHeader({
      consumerKey: 'ck',
      consumerSecret: 'c s',
      token: 'tok',
      secret: 's/t',
    });
    expect(header).toBe('OAuth oauth_consumer_key="ck", oauth_token="tok", oauth_signature="c%20s%26s%2Ft"');
    const params = parseOAuthHeader(header)!;
    expect(params.oauth_token).toBe('tok');
    expect(plaintextSignatureMatches(params.oauth_signature!, 'c s', 's/t')).toBe(true);
    expect(plaintextSignatureMatches(params.oauth_signature!, 'c s', 'other')).toBe(false);
  });

  it('accepts the unencoded form that the official client sends', () => {
    expect(plaintextSignatureMatches('abc%26def', 'abc', 'def')).toBe(true);
    expect(parseOAuthHeader('Bearer x')).toBeUndefined();
  });
});

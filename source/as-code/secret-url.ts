// A webhook URL split into what may be committed and what is a secret: the token of a Slack or
// Discord incoming webhook (in the path), or the password of a URL (`https://user:password@host`).
// `export` writes the secret as a `${VAR}` reference and keeps the rest of the URL as it is.
// Pure, and exact: `before + secret + after` is the URL character for character.

export type SecretKind = 'slack' | 'discord' | 'password';

export interface SplitUrl {
  kind: SecretKind;
  before: string;
  secret: string;
  after: string;
}

// The sandbox's Slack stand-in lives on a reserved name (RFC 2606) and is treated like the real one.
const SLACK_HOSTS = ['hooks.slack.com', 'hooks.slack.example'];
const DISCORD_HOSTS = ['discord.com', 'discordapp.com', 'ptb.discord.com', 'canary.discord.com'];

/** Which path segments hold the secret: Slack's `/services/T/B/SECRET`, `/triggers/T/SECRET…`, Discord's `/api/webhooks/ID/TOKEN`. */
function secretSegments(
  host: string,
  parts: readonly string[],
): { kind: SecretKind; from: number; to: number } | undefined {
  if (SLACK_HOSTS.includes(host) && parts[0] === 'services' && parts.length >= 4) {
    return { kind: 'slack', from: 3, to: parts.length };
  }
  if (SLACK_HOSTS.includes(host) && parts[0] === 'triggers' && parts.length >= 3) {
    return { kind: 'slack', from: 2, to: parts.length };
  }
  if (DISCORD_HOSTS.includes(host) && parts[0] === 'api' && parts[1] === 'webhooks' && parts.length >= 4) {
    return { kind: 'discord', from: 3, to: 4 };
  }
  return undefined;
}

/**
 * The secret of `raw` and the text around it, or undefined when it holds none that this knows of.
 * A URL whose text does not show its parsed parts verbatim (an odd spelling that URL parsing
 * normalises) comes back as a whole secret, so that nothing secret is ever written out by mistake.
 */
export function splitSecretUrl(raw: string): SplitUrl | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  const whole = (kind: SecretKind): SplitUrl => ({ kind, before: '', secret: raw, after: '' });
  if (url.password !== '') {
    const marker = `:${url.password}@`;
    const at = raw.indexOf(marker);
    if (at < 0 || raw.indexOf(marker, at + 1) >= 0) return whole('password');
    return {
      kind: 'password',
      before: raw.slice(0, at + 1),
      secret: url.password,
      after: raw.slice(at + marker.length - 1),
    };
  }
  const parts = url.pathname.split('/').slice(1);
  const segments = secretSegments(url.host, parts);
  if (!segments) return undefined;
  const prefix = `/${parts.slice(0, segments.from).join('/')}/`;
  const secret = parts.slice(segments.from, segments.to).join('/');
  const hostAt = raw.indexOf(url.host);
  const pathAt = hostAt + url.host.length;
  if (hostAt < 0 || secret === '' || raw.slice(pathAt, pathAt + prefix.length) !== prefix)
    return whole(segments.kind);
  const start = pathAt + prefix.length;
  if (raw.slice(start, start + secret.length) !== secret) return whole(segments.kind);
  return {
    kind: segments.kind,
    before: raw.slice(0, start),
    secret,
    after: raw.slice(start + secret.length),
  };
}

/** The URL with its secret shown as `••••`, for plans and progress lines. */
export function maskedUrl(raw: string): string {
  const split = splitSecretUrl(raw);
  return split ? `${split.before}••••${split.after}` : raw;
}

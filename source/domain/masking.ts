// The one rule that hides secrets in human output: Slack and Discord put the secret of an incoming
// webhook in the URL's path, and any URL may carry a password. Human views (CLI tables, the TUI,
// Activity details, the "same with clever-tools" line) show URLs through these functions; JSON output
// keeps the exact URL, as clever-tools does, because scripts need it.

export const MASK = '••••';

// The sandbox's Slack stand-in lives on a reserved name (RFC 2606) and is masked like the real one.
function isSlackHost(host: string): boolean {
  return host === 'hooks.slack.com' || host === 'hooks.slack.example';
}

function isDiscordHost(host: string): boolean {
  return ['discord.com', 'discordapp.com', 'ptb.discord.com', 'canary.discord.com'].includes(host);
}

/** The path of a Slack or Discord hook URL with its secret masked; undefined for any other URL. */
function maskedPath(url: URL): string | undefined {
  const parts = url.pathname.split('/').filter(Boolean);
  if (isSlackHost(url.host) && parts[0] === 'services' && parts.length >= 4) {
    return `/services/${parts[1]}/${parts[2]}/${MASK}`;
  }
  if (isSlackHost(url.host) && parts[0] === 'triggers' && parts.length >= 2) {
    return `/triggers/${parts[1]}/${MASK}`;
  }
  if (isDiscordHost(url.host) && parts[0] === 'api' && parts[1] === 'webhooks' && parts.length >= 4) {
    const rest = parts.slice(4).join('/');
    return `/api/webhooks/${parts[2]}/${MASK}${rest ? `/${rest}` : ''}`;
  }
  return undefined;
}

function parse(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}

/** The whole URL with its secrets masked: a Slack or Discord secret, and a password. */
export function fullMaskedUrl(raw: string): string {
  const url = parse(raw);
  if (!url) return raw;
  const path = maskedPath(url);
  if (!path && !url.password) return raw;
  const user = url.username ? `${url.username}${url.password ? `:${MASK}` : ''}@` : '';
  return `${url.protocol}//${user}${url.host}${path ?? `${url.pathname}${url.search}${url.hash}`}`;
}

/** Host and path, secrets masked, without scheme, credentials or query (`?…` marks one): for tables. */
export function maskSecretUrl(raw: string): string {
  const url = parse(raw);
  if (!url) return raw;
  const path = maskedPath(url);
  if (path) return `${url.host}${path}`;
  return `${url.host}${url.pathname === '/' ? '' : url.pathname}${url.search ? '?…' : ''}`;
}

/** Host and a shortened path, for a narrow cell: the middle of a long path gives way first. */
export function shortTarget(raw: string, max = 48): string {
  const masked = maskSecretUrl(raw);
  if ([...masked].length <= max) return masked;
  const slash = masked.indexOf('/');
  if (slash < 0) return masked;
  const host = masked.slice(0, slash);
  const segments = masked.slice(slash + 1).split('/');
  const last = segments[segments.length - 1] ?? '';
  // One segment has no middle to give way: the cell cuts its end instead.
  if (segments.length < 2) return masked;
  const short = `${host}/…/${last}`;
  return [...short].length <= max ? short : `${host}/…`;
}

export function isSlackLikeUrl(raw: string): 'slack' | 'discord' | undefined {
  const url = parse(raw);
  if (!url) return undefined;
  if (isSlackHost(url.host)) return 'slack';
  if (isDiscordHost(url.host) && url.pathname.startsWith('/api/webhooks/')) return 'discord';
  return undefined;
}

// Discord takes Slack-formatted messages only at its webhook URL followed by `/slack`; without the
// suffix it expects its own JSON. So the suffix follows the format a hook sends in.
import { isSlackLikeUrl } from './masking.js';
import type { WebhookFormat } from './schemas.js';

/**
 * The URL to store for `format`: a Discord webhook URL gains `/slack` for the slack format and loses
 * it for any other; every other URL (and a URL that does not parse) is returned as given.
 */
export function discordUrlForFormat(raw: string, format: WebhookFormat): string {
  if (isSlackLikeUrl(raw) !== 'discord') return raw;
  const url = new URL(raw);
  const path = url.pathname.replace(/\/+$/, '');
  const bare = path.endsWith('/slack') ? path.slice(0, -'/slack'.length) : path;
  const wanted = format === 'slack' ? `${bare}/slack` : bare;
  if (wanted === url.pathname) return raw;
  url.pathname = wanted;
  return url.toString();
}

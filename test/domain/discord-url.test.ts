import { describe, expect, it } from 'vitest';
import { discordUrlForFormat } from '../../source/domain/discord-url.js';

describe('the /slack suffix of a Discord webhook URL follows the format', () => {
  const bare = 'https://discord.com/api/webhooks/123/tok3n';

  it('adds /slack for the slack format, once', () => {
    expect(discordUrlForFormat(bare, 'slack')).toBe(`${bare}/slack`);
    expect(discordUrlForFormat(`${bare}/`, 'slack')).toBe(`${bare}/slack`);
    expect(discordUrlForFormat(`${bare}/slack`, 'slack')).toBe(`${bare}/slack`);
  });

  it('removes /slack for raw and the other formats', () => {
    expect(discordUrlForFormat(`${bare}/slack`, 'raw')).toBe(bare);
    expect(discordUrlForFormat(`${bare}/slack/`, 'gitter')).toBe(bare);
    expect(discordUrlForFormat(bare, 'raw')).toBe(bare);
  });

  it('keeps the query string and leaves every other URL as given', () => {
    expect(discordUrlForFormat(`${bare}?wait=true`, 'slack')).toBe(`${bare}/slack?wait=true`);
    expect(discordUrlForFormat('https://ops.example.com/slack', 'raw')).toBe('https://ops.example.com/slack');
    expect(discordUrlForFormat('https://hooks.slack.com/services/T/B/x', 'raw')).toBe(
      'https://hooks.slack.com/services/T/B/x',
    );
    expect(discordUrlForFormat('https://discord.com/channels/1/2', 'slack')).toBe(
      'https://discord.com/channels/1/2',
    );
    expect(discordUrlForFormat('not a url', 'slack')).toBe('not a url');
  });
});

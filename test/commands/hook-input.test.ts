import { describe, expect, it } from 'vitest';
import {
  parseEvents,
  parseNotify,
  parseServices,
  parseUrlArg,
  splitList,
  withOptionalLists,
} from '../../source/commands/hook-input.js';
import { editedUrls } from '../../source/commands/webhooks-actions.js';
import { BUILTIN_CATALOGUE } from '../../source/domain/events.js';

const APP = 'app_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';
const USER = 'user_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';
const noApi = async () => BUILTIN_CATALOGUE;

describe('hook flags', () => {
  it('splits lists', () => {
    expect(splitList(' a, b,,c ')).toEqual(['a', 'b', 'c']);
  });

  it('reads URLs with an optional FORMAT= prefix', () => {
    expect(parseUrlArg('https://x.test/a?b=c', 'raw')).toEqual({
      format: 'raw',
      url: 'https://x.test/a?b=c',
    });
    expect(parseUrlArg('slack=https://hooks.slack.com/x', 'raw')).toEqual({
      format: 'slack',
      url: 'https://hooks.slack.com/x',
    });
    expect(() => parseUrlArg('not a url', 'raw')).toThrow(/not a URL/);
    expect(() => parseUrlArg('ftp://x', 'raw')).toThrow(/http or https/);
  });

  it('accepts events, META groups and ALL; refuses unknown ones', async () => {
    expect(await parseEvents('deployment_fail,META_CREDITS', noApi)).toEqual([
      'DEPLOYMENT_FAIL',
      'META_CREDITS',
    ]);
    expect(await parseEvents('ALL', noApi)).toBeNull();
    await expect(parseEvents('NOPE', noApi)).rejects.toThrow('unknown event "NOPE"');
    const newer = async () => ({ events: ['NEW_EVENT'], metaEvents: {} });
    expect(await parseEvents('NEW_EVENT', newer)).toEqual(['NEW_EVENT']);
  });

  it('accepts app and add-on ids as services', () => {
    expect(parseServices(`${APP},addon_abc-1`)).toEqual([APP, 'addon_abc-1']);
    expect(parseServices('all')).toBeNull();
    expect(() => parseServices('my-app')).toThrow(/app_… and addon_… ids/);
  });

  it('reads --notify like clever-tools, but refuses what it cannot read', () => {
    expect(parseNotify(`ops@example.com,${USER},organisation`)).toEqual([
      { type: 'email', target: 'ops@example.com' },
      { type: 'userid', target: USER },
      { type: 'organisation' },
    ]);
    expect(() => parseNotify('ops@')).toThrow('"ops@" is not a valid e-mail address');
    expect(() => parseNotify('user_123')).toThrow(/not a user id/);
    expect(() => parseNotify('bob')).toThrow(/cannot tell who "bob" is/);
  });

  it('sends no key rather than an empty list for "all"', () => {
    expect(withOptionalLists({ name: 'n', events: null, scope: [] })).toEqual({ name: 'n' });
  });
});

describe('editing URLs', () => {
  const current = [
    { format: 'raw' as const, url: 'https://a.test' },
    { format: 'slack' as const, url: 'https://b.test' },
  ];
  it('keeps, replaces, adds, removes and re-formats', () => {
    expect(editedUrls(current, {}, undefined)).toEqual(current);
    expect(editedUrls(current, { url: ['https://c.test'] }, 'gitter')).toEqual([
      { format: 'gitter', url: 'https://c.test' },
    ]);
    expect(editedUrls(current, { addUrl: ['slack=https://c.test', 'https://a.test'] }, undefined)).toEqual([
      ...current,
      { format: 'slack', url: 'https://c.test' },
    ]);
    expect(editedUrls(current, { removeUrl: ['https://a.test'] }, undefined)).toEqual([current[1]]);
    expect(editedUrls(current, {}, 'raw').map((u) => u.format)).toEqual(['raw', 'raw']);
    expect(() => editedUrls(current, { removeUrl: ['https://z.test'] }, undefined)).toThrow(/no URL/);
  });
});

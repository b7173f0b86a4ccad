// The pure rules behind listen, deliveries and tail --wait: what a --forward-to, a --header, a duration
// and a --since mean, which deployment --wait awaits, and how the delivery log bounds headers.
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../source/commands/deliveries/duration.js';
import { forwardUrl, parseHeaders } from '../../source/commands/listen/request-options.js';
import { DeploymentWatch, sightingOf } from '../../source/commands/tail/wait.js';
import {
  boundedHeaders,
  MAX_LOGGED_HEADER_LENGTH,
  MAX_LOGGED_HEADERS,
} from '../../source/domain/deliveries.js';
import type { Deployment } from '../../source/domain/schemas.js';

describe('listen options', () => {
  it('--forward-to: no scheme means http://, a bare port means localhost', () => {
    expect(forwardUrl('localhost:3000/hooks')).toBe('http://localhost:3000/hooks');
    expect(forwardUrl('3000')).toBe('http://localhost:3000/');
    expect(forwardUrl(':8080/in')).toBe('http://localhost:8080/in');
    expect(forwardUrl('https://example.test/h?x=1')).toBe('https://example.test/h?x=1');
    expect(() => forwardUrl('ftp://example.test/')).toThrow('not ftp://');
    expect(() => forwardUrl('http://exa mple')).toThrow('is not a URL');
  });

  it('--header: "Name: value", names lower-cased so that a repeated one replaces', () => {
    expect(parseHeaders(['X-Token: a', 'x-token: b', 'Content-Type: text/plain'])).toEqual({
      'x-token': 'b',
      'content-type': 'text/plain',
    });
    expect(parseHeaders(['X-Empty:'])).toEqual({ 'x-empty': '' });
    expect(() => parseHeaders(['no colon'])).toThrow('is not "Name: value"');
    expect(() => parseHeaders(['Bad Name: x'])).toThrow('is not "Name: value"');
  });
});

describe('durations', () => {
  it('reads 90s, 15m, 1h30m, 2d, 500ms and bare seconds, and refuses anything else', () => {
    expect(parseDuration('90s', '--timeout')).toBe(90_000);
    expect(parseDuration('15m', '--timeout')).toBe(900_000);
    expect(parseDuration('1h30m', '--timeout')).toBe(5_400_000);
    expect(parseDuration('2d', '--timeout')).toBe(172_800_000);
    expect(parseDuration('500ms', '--timeout')).toBe(500);
    expect(parseDuration('30', '--timeout')).toBe(30_000);
    expect(() => parseDuration('15 minutes', '--timeout')).toThrow(
      '--timeout "15 minutes" is not a duration',
    );
    expect(() => parseDuration('m', '--timeout')).toThrow('is not a duration');
  });
});

describe('tail --wait: which deployment', () => {
  const deployment = (
    uuid: string,
    state: Deployment['state'],
    date: number,
    commit = 'abc1234',
  ): Deployment => ({
    uuid,
    state,
    date,
    commit,
  });

  it('by default, the one in progress', () => {
    const watch = new DeploymentWatch({ next: true }, [
      deployment('old', 'OK', 1),
      deployment('run', 'WIP', 2),
    ]);
    expect(watch.uuid).toBe('run');
    expect(watch.see({ uuid: 'old', state: 'OK', source: 'poll' })).toBeUndefined();
    expect(watch.see({ uuid: 'run', state: 'FAIL', source: 'socket' })).toEqual({
      state: 'FAIL',
      source: 'socket',
    });
  });

  it('else the next one to start: none listed at the start is adopted, and ends the wait with its result', () => {
    const watch = new DeploymentWatch({ next: true }, [deployment('old', 'OK', 1)]);
    expect(watch.uuid).toBeUndefined();
    expect(watch.see({ uuid: 'old', state: 'OK', source: 'poll' })).toBeUndefined();
    expect(watch.see({ uuid: 'new', state: 'WIP', source: 'socket' })).toBeUndefined();
    expect(watch.uuid).toBe('new');
    expect(watch.see({ uuid: 'other', state: 'OK', source: 'socket' })).toBeUndefined();
    expect(watch.see({ uuid: 'new', state: 'CANCELLED', source: 'poll' })).toEqual({
      state: 'CANCELLED',
      source: 'poll',
    });
  });

  it('--commit: the newest deployment of that commit, listed or to come; --deployment: that one', () => {
    const listed = new DeploymentWatch({ commit: 'ABC' }, [
      deployment('first', 'FAIL', 1, 'abc1234'),
      deployment('second', 'OK', 2, 'abc1234'),
      deployment('x', 'OK', 3, 'fff0000'),
    ]);
    expect(listed.uuid).toBe('second');
    const coming = new DeploymentWatch({ commit: 'def' }, [deployment('x', 'OK', 3, 'fff0000')]);
    expect(coming.see({ uuid: 'y', state: 'WIP', commit: 'eee', source: 'socket' })).toBeUndefined();
    expect(coming.uuid).toBeUndefined();
    expect(coming.see({ uuid: 'z', state: 'OK', commit: 'def5678', source: 'socket' })).toEqual({
      state: 'OK',
      source: 'socket',
    });
    const named = new DeploymentWatch({ uuid: 'u' }, []);
    expect(named.see({ uuid: 'u', state: 'WIP', source: 'socket' })).toBeUndefined();
    expect(named.see({ uuid: 'u', state: 'OK', source: 'poll' })).toEqual({ state: 'OK', source: 'poll' });
  });

  it('reads the state of each deployment event', () => {
    const event = (type: string, data: Record<string, unknown>) => ({
      event: type,
      date: 0,
      data: JSON.stringify(data),
    });
    expect(sightingOf(event('DEPLOYMENT_ACTION_BEGIN', { uuid: 'u', state: 'WIP' }))?.state).toBe('WIP');
    expect(sightingOf(event('DEPLOYMENT_ACTION_END', { uuid: 'u', state: 'CANCELLED' }))?.state).toBe(
      'CANCELLED',
    );
    expect(sightingOf(event('DEPLOYMENT_SUCCESS', { uuid: 'u' }))?.state).toBe('OK');
    expect(sightingOf(event('DEPLOYMENT_FAIL', { uuid: 'u' }))?.state).toBe('FAIL');
    expect(sightingOf(event('GIT_PUSH', { uuid: 'u' }))).toBeUndefined();
    expect(sightingOf(event('DEPLOYMENT_SUCCESS', {}))).toBeUndefined();
  });
});

describe('the delivery log keeps headers bounded', () => {
  it('lower-cases names, joins repeated values, cuts long values and keeps at most MAX_LOGGED_HEADERS', () => {
    const many = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`X-H${i}`, 'v']));
    expect(Object.keys(boundedHeaders(many))).toHaveLength(MAX_LOGGED_HEADERS);
    const kept = boundedHeaders({ 'Set-Cookie': ['a=1', 'b=2'], long: 'x'.repeat(1000), gone: undefined });
    expect(kept['set-cookie']).toBe('a=1, b=2');
    expect(kept.long).toHaveLength(MAX_LOGGED_HEADER_LENGTH);
    expect(kept.long!.endsWith('…')).toBe(true);
    expect('gone' in kept).toBe(false);
  });
});

// Every command of the binary has --help with at least one example, as a user would read it, and
// every command that talks to an API says where its credentials come from.
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { cleanEnv, runCli } from './cli-support.js';

/** The sandbox serves an API and needs none; the root help names the variables in its own words. */
const WITHOUT_CREDENTIALS_HELP = new Set([
  '',
  'sandbox',
  'sandbox trigger',
  'sandbox trigger deploy',
  'sandbox trigger event',
]);

const COMMANDS = [
  [],
  ['webhooks'],
  ['webhooks', 'add'],
  ['webhooks', 'edit'],
  ['webhooks', 'remove'],
  ['webhooks', 'test'],
  ['notify-email'],
  ['notify-email', 'add'],
  ['notify-email', 'edit'],
  ['notify-email', 'remove'],
  ['events'],
  ['apps'],
  ['export'],
  ['plan'],
  ['apply'],
  ['tail'],
  ['listen'],
  ['deliveries'],
  ['deliveries', 'list'],
  ['deliveries', 'show'],
  ['deliveries', 'redeliver'],
  ['tui'],
  ['sandbox'],
  ['sandbox', 'trigger'],
  ['sandbox', 'trigger', 'deploy'],
  ['sandbox', 'trigger', 'event'],
];

describe('--help', () => {
  it.each(COMMANDS.map((c) => [c.join(' ') || '(root)', c]))(
    'of %s shows an example',
    async (_name, command) => {
      const result = await runCli([...command, '--help'], {
        env: cleanEnv({ HOME: os.tmpdir() }),
        cwd: os.tmpdir(),
      });
      expect(result.code).toBe(0);
      expect(result.stdout).toMatch(/^ {2}\$ clever-notify/m);
      if (!WITHOUT_CREDENTIALS_HELP.has(command.join(' ')))
        expect(result.stdout).toContain('CLEVER_API_TOKEN');
    },
  );
});

describe('the usage line', () => {
  it.each([['webhooks'], ['notify-email']])('of %s names [command] once', async (command) => {
    const result = await runCli([command, '--help'], {
      env: cleanEnv({ HOME: os.tmpdir() }),
      cwd: os.tmpdir(),
    });
    expect(result.stdout.split('\n')[0]).toBe(`Usage: clever-notify ${command} [options] [command]`);
  });
});

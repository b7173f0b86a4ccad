// `clever-notify apps`: the apps and add-ons of an owner (or of every owner), for their ids.
import type { Command } from 'commander';
import {
  addOrgOption,
  addOutputOption,
  addSandboxOption,
  type CommonFlags,
  withExamples,
} from './common-options.js';

export interface AppsFlags extends CommonFlags {
  format: 'human' | 'json';
}

export function register(program: Command): void {
  const apps = program
    .command('apps')
    .description(
      'list the apps and add-ons of an organisation (or of every owner you belong to), with their ids',
    );
  addOrgOption(apps);
  addOutputOption(apps);
  addSandboxOption(apps);
  withExamples(apps, ['clever-notify apps', 'clever-notify apps --org "My Org" -F json']);
  apps.action(async (flags: AppsFlags) => (await import('./apps-action.js')).listApps(flags));
}

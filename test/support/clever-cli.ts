// Runs the official `clever` CLI (the clever-tools devDependency) against a sandbox, as a user would:
// its own HOME and config folder, no update notice, no colour, the sandbox's API_HOST and tokens.
import { execFile } from 'node:child_process';
import path from 'node:path';

const CLEVER = path.resolve(import.meta.dirname, '../../node_modules/clever-tools/bin/clever.js');

export interface CleverRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout then stderr, for assertions that do not care which. */
  output: string;
}

export interface CleverOptions {
  /** The sandbox's variables (API_HOST, CLEVER_TOKEN, CLEVER_SECRET…). */
  env: Record<string, string>;
  home: string;
  cwd?: string;
  /** Set after the sandbox's, e.g. OAUTH_CONSUMER_KEY. */
  extraEnv?: Record<string, string>;
}

export function runClever(args: readonly string[], options: CleverOptions): Promise<CleverRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLEVER, ...args],
      {
        ...(options.cwd ? { cwd: options.cwd } : {}),
        env: {
          PATH: process.env.PATH ?? '',
          HOME: options.home,
          XDG_CONFIG_HOME: path.join(options.home, '.config'),
          NO_UPDATE_NOTIFIER: '1',
          NO_COLOR: '1',
          ...options.env,
          ...options.extraEnv,
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr, output: stdout + stderr }),
    );
  });
}

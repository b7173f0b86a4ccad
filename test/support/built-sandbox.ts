// The built binary's sandbox as a child process, for tests that kill and restart it: resolves once it
// printed its env lines (it listens by then), with the URL and a signed Authorization header.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { CLEVER_DEFAULTS } from '../../source/domain/clever-defaults.js';
import { buildPlaintextHeader } from '../../source/domain/oauth.js';

const CLI = path.resolve(import.meta.dirname, '../../dist/cli.js');

export interface BuiltSandbox {
  child: ChildProcess;
  url: string;
  authorization: string;
}

export function startBuiltSandbox(dataDir: string, env: Record<string, string> = {}): Promise<BuiltSandbox> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs` first');
  const child = spawn(process.execPath, [CLI, 'sandbox', '--port', '0', '--data', dataDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk) => {
      err += chunk;
    });
    child.once('exit', (code) => reject(new Error(`the sandbox exited with ${code}: ${err}`)));
    child.stdout!.on('data', (chunk) => {
      out += chunk;
      const vars = Object.fromEntries([...out.matchAll(/^export (\w+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
      if (vars.API_HOST && vars.CLEVER_TOKEN && vars.CLEVER_SECRET) {
        const authorization = buildPlaintextHeader({
          consumerKey: CLEVER_DEFAULTS.OAUTH_CONSUMER_KEY,
          consumerSecret: CLEVER_DEFAULTS.OAUTH_CONSUMER_SECRET,
          token: vars.CLEVER_TOKEN,
          secret: vars.CLEVER_SECRET,
        });
        resolve({ child, url: vars.API_HOST, authorization });
      }
    });
  });
}

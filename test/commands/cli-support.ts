// Runs the built binary (`node dist/cli.js …`, made by `node scripts/build.mjs`) as a user would,
// with an environment that holds nothing of the developer's own credentials or settings.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const INHERITED = ['PATH', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP', 'CLEVER_NOTIFY_EMBEDDED_SANDBOX_PORT'];

export function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = { NO_COLOR: '1' };
  for (const name of INHERITED) if (process.env[name]) env[name] = process.env[name]!;
  return { ...env, ...extra };
}

export function runCli(
  args: string[],
  options: { env: Record<string, string>; cwd: string },
): Promise<CliResult> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`node scripts/build.mjs\` first`);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { env: options.env, cwd: options.cwd, timeout: 15_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

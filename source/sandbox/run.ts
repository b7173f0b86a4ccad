// The foreground sandbox of `clever-notify sandbox`: eval-able lines on stdout, messages on stderr,
// and a clean stop on SIGINT, SIGTERM or SIGHUP.

import { sandboxEnvLines } from './env-lines.js';
import { defaultSandboxDataDir, sandboxFiles } from './paths.js';
import { DEFAULT_SANDBOX_HOST, type RunningSandbox, type SandboxOptions, startSandbox } from './start.js';

export interface RunSandboxOptions {
  port?: number;
  host?: string;
  data?: string;
  tls?: boolean;
  /** Called once the sandbox listens, before the process waits for a signal. */
  onStarted?: (sandbox: RunningSandbox) => void | Promise<void>;
}

export async function runSandbox(options: RunSandboxOptions): Promise<void> {
  const say = (line: string) => process.stderr.write(`${line}\n`);
  const host = options.host ?? DEFAULT_SANDBOX_HOST;
  if (host !== DEFAULT_SANDBOX_HOST && host !== 'localhost') {
    say(
      `warning: listening on ${host}: anyone who can reach this address can reach the sandbox ` +
        '(they still need its token)',
    );
  }
  const startOptions: SandboxOptions = {
    dataDir: options.data ?? defaultSandboxDataDir(),
    host,
    log: say,
    ...(options.port !== undefined ? { port: options.port } : {}),
    ...(options.tls ? { tls: true } : {}),
  };
  const sandbox = await startSandbox(startOptions);
  process.stdout.write(sandboxEnvLines(sandbox));
  const envFile = sandboxFiles(sandbox.dataDir).env;
  say(`clever-notify sandbox listening on ${sandbox.url}${sandbox.seeded ? ' (new world seeded)' : ''}`);
  say(`data: ${sandbox.dataDir}`);
  say(`point a shell at it: eval "$(cat '${envFile}')"   then e.g.: clever webhooks --list-all`);
  say('stop it with Ctrl-C');
  await options.onStarted?.(sandbox);

  await new Promise<void>((resolve) => {
    const stop = () => {
      for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.off(signal, stop);
      resolve();
    };
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stop);
  });
  say('stopping the sandbox…');
  await sandbox.close();
}

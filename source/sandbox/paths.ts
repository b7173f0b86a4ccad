import path from 'node:path';
import envPaths from 'env-paths';

/** Where the sandbox keeps its data unless told otherwise: `CLEVER_NOTIFY_SANDBOX_DATA`, else the user's data folder. */
export function defaultSandboxDataDir(): string {
  const fromEnv = process.env.CLEVER_NOTIFY_SANDBOX_DATA;
  if (fromEnv) return path.resolve(fromEnv);
  return path.join(envPaths('clever-notify', { suffix: '' }).data, 'sandbox');
}

/** The files of a data folder, named in one place so that messages and tests agree. */
export function sandboxFiles(dataDir: string) {
  return {
    lock: path.join(dataDir, 'sandbox.lock'),
    env: path.join(dataDir, 'env'),
    credentials: path.join(dataDir, 'credentials.json'),
    /** Optional: OAuth consumers accepted besides clever-tools' default (see ../auth.ts). */
    consumers: path.join(dataDir, 'consumers.json'),
    world: 'world',
  };
}

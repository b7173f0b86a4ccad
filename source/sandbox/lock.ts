// One sandbox per data folder. `DATA/sandbox.lock` names the process that holds the folder; it is
// created in one step (a full temporary file hard-linked into place) so that no reader ever sees it
// half-written, and a lock whose process is gone, or no longer listens where it said, is stale and
// taken over (a pid can be reused by another program after a reboot).
//
// A lock is also released when the process ends without closing its sandbox: on `exit`, and, for an
// embedded sandbox (the one `tui` and the commands start in-process), as soon as SIGTERM, SIGHUP or
// SIGINT arrives, whatever else handles the signal (the TUI's screen re-raises it; Ink's signal-exit
// then ends the process). The sandbox command closes its own sandbox on those signals instead.
import { readFileSync, rmSync } from 'node:fs';
import { link, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import * as z from 'zod/mini';
import { UserError } from '../domain/errors.js';
import { sandboxFiles } from './paths.js';
import { writeFileAtomic, writeTempFile } from './storage/atomic-file.js';

const LockContent = z.object({
  pid: z.number(),
  port: z.nullable(z.number()),
  host: z.string(),
  url: z.nullable(z.string()),
  startedAt: z.string(),
});
type LockContent = z.infer<typeof LockContent>;

export interface RunningSandboxInfo {
  pid: number;
  url: string;
  port: number;
  host: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether something accepts connections at the URL's host and port. */
function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname.replace(/^\[|\]$/g, ''), port: Number(port) });
    socket.setTimeout(1000);
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
    socket.once('timeout', () => done(false));
  });
}

/** The holder still runs: its process lives and, once it has said where it listens, it listens there. */
async function holds(lock: LockContent): Promise<boolean> {
  if (!isAlive(lock.pid)) return false;
  return lock.url === null || answers(lock.url);
}

async function readLock(file: string): Promise<LockContent | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    const parsed = LockContent.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The sandbox that holds `dataDir` and listens, or undefined when none does. */
export async function readRunningSandbox(dataDir: string): Promise<RunningSandboxInfo | undefined> {
  const lock = await readLock(sandboxFiles(dataDir).lock);
  if (!lock || lock.port === null || lock.url === null || !(await holds(lock))) return undefined;
  return { pid: lock.pid, url: lock.url, port: lock.port, host: lock.host };
}

export interface SandboxLock {
  /** Records where the sandbox listens, once it does. */
  update(info: { port: number; url: string }): Promise<void>;
  release(): Promise<void>;
}

export async function acquireLock(
  dataDir: string,
  host: string,
  options: { releaseOnSignals?: boolean } = {},
): Promise<SandboxLock> {
  const file = sandboxFiles(dataDir).lock;
  const content: LockContent = {
    pid: process.pid,
    port: null,
    host,
    url: null,
    startedAt: new Date().toISOString(),
  };
  const { temp } = await writeTempFile(file, JSON.stringify(content), 0o600);
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        await link(temp, file);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 3) throw error;
      }
      const holder = await readLock(file);
      if (holder && (await holds(holder))) {
        const where = holder.url ? `listening on ${holder.url} (port ${holder.port})` : 'starting';
        throw new UserError(
          `the sandbox data folder ${dataDir} is in use by process ${holder.pid}, ${where}; ` +
            `stop it or choose another folder with --data (if no sandbox runs there, remove ${file})`,
        );
      }
      // The holder is gone (or the file is not a lock we wrote): a stale lock.
      await rm(file, { force: true });
    }
  } finally {
    await rm(temp, { force: true });
  }

  let released = false;
  heldLocks.set(file, options.releaseOnSignals ?? false);
  watchProcessEnd();
  return {
    async update({ port, url }) {
      await writeFileAtomic(file, JSON.stringify({ ...content, port, url }), 0o600);
    },
    async release() {
      if (released) return;
      released = true;
      heldLocks.delete(file);
      if (heldLocks.size === 0) unwatchProcessEnd();
      const holder = await readLock(file);
      if (holder?.pid === process.pid) await rm(file, { force: true });
    },
  };
}

/** Every lock this process holds, and whether an ending signal releases it at once. */
const heldLocks = new Map<string, boolean>();
const ENDING_SIGNALS = ['SIGTERM', 'SIGHUP', 'SIGINT'] as const;

/** Synchronous: it runs while the process ends. Removes only locks that still name this process. */
function releaseNow(files: string[]): void {
  for (const file of files) {
    heldLocks.delete(file);
    try {
      if (JSON.parse(readFileSync(file, 'utf8')).pid === process.pid) rmSync(file, { force: true });
    } catch {
      // Gone already, or not ours any more.
    }
  }
}

function releaseAllNow(): void {
  releaseNow([...heldLocks.keys()]);
}

function onEndingSignal(signal: NodeJS.Signals): void {
  releaseNow([...heldLocks].filter(([, onSignal]) => onSignal).map(([file]) => file));
  // Once: a handler that re-raises the signal must find only the handlers it expects.
  for (const s of ENDING_SIGNALS) process.off(s, onEndingSignal);
  signalsWatched = false;
  // Alone, this handler would have cancelled the default behaviour: end the process as it would have.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

let exitWatched = false;
let signalsWatched = false;

function watchProcessEnd(): void {
  if (!exitWatched) {
    exitWatched = true;
    process.on('exit', releaseAllNow);
  }
  if (!signalsWatched && [...heldLocks.values()].some(Boolean)) {
    signalsWatched = true;
    // First in line, so that the lock is gone before any other handler ends the process.
    for (const signal of ENDING_SIGNALS) process.prependListener(signal, onEndingSignal);
  }
}

function unwatchProcessEnd(): void {
  if (exitWatched) process.off('exit', releaseAllNow);
  if (signalsWatched) for (const signal of ENDING_SIGNALS) process.off(signal, onEndingSignal);
  exitWatched = false;
  signalsWatched = false;
}

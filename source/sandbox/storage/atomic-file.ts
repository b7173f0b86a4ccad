// Files replaced whole: written beside the target, flushed, renamed over it, and the folder flushed,
// so that a crash leaves either the old content or the new one, never a mix.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** Flushes a folder's entries (renames, creations) to disk. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file in full at a temporary name next to `target` and flushes it; returns that name and
 * the bytes written. `data` may come in pieces (a large snapshot), written one after the other.
 */
export async function writeTempFile(
  target: string,
  data: string | Iterable<string>,
  mode: number,
): Promise<{ temp: string; bytes: number }> {
  const temp = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx', mode);
  let bytes = 0;
  try {
    for (const piece of typeof data === 'string' ? [data] : data) {
      const buffer = Buffer.from(piece);
      await handle.writeFile(buffer);
      bytes += buffer.length;
    }
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  return { temp, bytes };
}

/** Replaces `target` with `data` (see writeTempFile); resolves with the bytes written. */
export async function writeFileAtomic(
  target: string,
  data: string | Iterable<string>,
  mode = 0o600,
): Promise<number> {
  const { temp, bytes } = await writeTempFile(target, data, mode);
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(path.dirname(target));
  return bytes;
}

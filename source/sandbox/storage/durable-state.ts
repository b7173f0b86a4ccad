// An in-memory state whose every change is durable before it is acknowledged. Changes ("operations")
// are appended to a journal and flushed with fdatasync; concurrent commits share one flush (group
// commit). At open, the last snapshot is loaded, the journal replayed on it, and the result written
// as the new snapshot (atomically) before the journal is emptied. Each journal line carries a sequence
// number and the snapshot records the last one it holds, so a crash between those two steps replays
// nothing twice. A torn last line (a write that never finished, so was never acknowledged) is dropped;
// anything else unreadable stops the open with the file's name: the data is never silently replaced.
import { type FileHandle, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../../domain/errors.js';
import { fsyncDir, writeFileAtomic } from './atomic-file.js';

export interface DurableStateOptions<S, Op> {
  dir: string;
  /** Files are NAME.snapshot.json and NAME.journal in `dir`. */
  name: string;
  /** The state of a folder that holds neither file (e.g. a seeded world). */
  initial: () => S;
  /** Applies one operation to the state, in place. Must be deterministic: it runs again at replay. */
  apply: (state: S, op: Op) => void;
  toJson: (state: S) => unknown;
  /** Rebuilds the state from a snapshot's JSON; throws with a reason when the shape is wrong. */
  fromJson: (json: unknown) => S;
  /** File mode of both files (default 0600). */
  mode?: number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

export class DurableState<S, Op> {
  private pending: string[] = [];
  private waiters: Waiter[] = [];
  private flushing: Promise<void> | undefined;
  private broken: unknown;
  private closed = false;

  private constructor(
    readonly state: S,
    /** True when this open created the files (the folder held no state yet). */
    readonly created: boolean,
    private seq: number,
    private readonly journal: FileHandle,
    private readonly apply: (state: S, op: Op) => void,
  ) {}

  static async open<S, Op>(options: DurableStateOptions<S, Op>): Promise<DurableState<S, Op>> {
    const mode = options.mode ?? 0o600;
    const snapshotPath = path.join(options.dir, `${options.name}.snapshot.json`);
    const journalPath = path.join(options.dir, `${options.name}.journal`);

    const snapshotText = await readIfExists(snapshotPath);
    const journalText = await readIfExists(journalPath);
    let state: S;
    let seq = 0;
    if (snapshotText === undefined) {
      if (journalText?.trim()) {
        throw new UserError(
          `cannot read the sandbox data: ${journalPath} has changes but ${snapshotPath} is missing; ` +
            'restore it or move the folder away to start afresh',
        );
      }
      state = options.initial();
    } else {
      const parsed = parseSnapshot(snapshotText, snapshotPath);
      try {
        state = options.fromJson(parsed.state);
      } catch (error) {
        throw unreadable(snapshotPath, error);
      }
      seq = parsed.seq;
    }

    for (const { seq: lineSeq, op } of parseJournal(journalText ?? '', journalPath)) {
      if (lineSeq <= seq) continue;
      try {
        options.apply(state, op as Op);
      } catch (error) {
        throw unreadable(journalPath, error);
      }
      seq = lineSeq;
    }

    await writeFileAtomic(
      snapshotPath,
      JSON.stringify({ format: 1, seq, state: options.toJson(state) }),
      mode,
    );
    const journal = await open(journalPath, 'w', mode);
    await journal.sync();
    await fsyncDir(options.dir);
    return new DurableState(state, snapshotText === undefined, seq, journal, options.apply);
  }

  /** Applies `op` at once (reads see it) and resolves when it is on disk; only then acknowledge it. */
  commit(op: Op): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the sandbox data is closed'));
    if (this.broken) return Promise.reject(this.broken);
    this.apply(this.state, op);
    this.seq += 1;
    this.pending.push(`${JSON.stringify({ seq: this.seq, op })}\n`);
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    this.flushing ??= this.flushAll();
    return done;
  }

  /** Waits for every pending commit, then closes the journal. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.flushing;
    await this.journal.close();
  }

  private async flushAll(): Promise<void> {
    while (this.pending.length > 0) {
      const lines = this.pending.join('');
      const waiters = this.waiters;
      this.pending = [];
      this.waiters = [];
      try {
        await this.journal.appendFile(lines);
        await this.journal.datasync();
        for (const w of waiters) w.resolve();
      } catch (error) {
        // Memory now holds changes the disk may not: refuse every later write rather than drift.
        this.broken = error;
        for (const w of [...waiters, ...this.waiters]) w.reject(error);
        this.pending = [];
        this.waiters = [];
      }
    }
    this.flushing = undefined;
  }
}

async function readIfExists(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unreadable(file, error);
  }
}

function unreadable(file: string, error: unknown): UserError {
  const reason = error instanceof Error ? error.message : String(error);
  return new UserError(
    `cannot read the sandbox data file ${file}: ${reason}. ` +
      'The sandbox will not start over it; repair it or move it away to start afresh.',
  );
}

function parseSnapshot(text: string, file: string): { seq: number; state: unknown } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw unreadable(file, error);
  }
  const snapshot = json as { format?: unknown; seq?: unknown; state?: unknown } | null;
  if (snapshot?.format !== 1 || typeof snapshot.seq !== 'number' || !('state' in snapshot)) {
    throw unreadable(file, new Error('not a snapshot of format 1'));
  }
  return { seq: snapshot.seq, state: snapshot.state };
}

function* parseJournal(text: string, file: string): Generator<{ seq: number; op: unknown }> {
  const lines = text.split('\n');
  // The part after the last newline is a write that never completed: never acknowledged, dropped.
  lines.pop();
  for (const [index, line] of lines.entries()) {
    let entry: { seq?: unknown; op?: unknown } | null;
    try {
      entry = JSON.parse(line);
    } catch (error) {
      throw unreadable(file, new Error(`line ${index + 1}: ${(error as Error).message}`));
    }
    if (!entry || typeof entry.seq !== 'number' || entry.op === undefined) {
      throw unreadable(file, new Error(`line ${index + 1}: not a journal entry`));
    }
    yield { seq: entry.seq, op: entry.op };
  }
}

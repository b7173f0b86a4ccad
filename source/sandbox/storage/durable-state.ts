// An in-memory state whose every change is durable before it is acknowledged (docs/sandbox.md,
// "Durability"). Changes ("operations") are appended to a journal and flushed with fdatasync;
// concurrent commits share one flush (group commit). At open, the last snapshot is loaded, the journal
// replayed on it, and the result written as the new snapshot (atomically) before the journal is
// emptied. Each journal line carries a sequence number and the snapshot records the last one it holds,
// so a crash between those two steps replays nothing twice. A torn last line (a write that never
// finished, so was never acknowledged) is dropped; anything else unreadable stops the open with the
// file's name: the data is never silently replaced.
//
// The journal is compacted into the snapshot once it outgrows the snapshot (or COMPACT_MIN_BYTES),
// so its size is bounded by the data, not by the traffic. A write that fails (a full disk) is cut
// off the journal again, so the file stays readable, and the state goes on: the next write tries again.
import { type FileHandle, open, readFile } from 'node:fs/promises';
import path from 'node:path';
import * as z from 'zod/mini';
import { UserError } from '../../domain/errors.js';
import { fsyncDir, writeFileAtomic } from './atomic-file.js';
import { jsonChunks } from './json-chunks.js';

/** The journal may grow to the snapshot's size, and to at least this, before it is compacted. */
export const COMPACT_MIN_BYTES = 1024 * 1024;
/** How soon an "at once" state that could not be saved tries again, without a new change. */
export const SAVE_RETRY_MS = 1000;

export interface DurableStateOptions<S, Op> {
  dir: string;
  /** Files are NAME.snapshot.json and NAME.journal in `dir`. */
  name: string;
  /** The state of a folder that holds neither file (e.g. a seeded world). */
  initial: () => S;
  /** Applies one operation to the state, in place. Must be deterministic: it runs again at replay. */
  apply: (state: S, op: Op) => void;
  toJson: (state: S) => unknown;
  /** Rebuilds the state from a snapshot's JSON; throws with a reason (a ZodError is fine) when the shape is wrong. */
  fromJson: (json: unknown) => S;
  /** Checks an operation read back from the journal; throws with a reason when its shape is wrong. */
  parseOp?: (json: unknown) => Op;
  /**
   * When a change becomes visible in `state`:
   * - `after-write` (default): once the journal has it; a write that fails changes nothing, so what
   *   a refused request asked for is never seen.
   * - `at-once`: at `commit`, before the disk has it (the delivery log, whose cursors and pending
   *   deliveries are read in the same tick). A failed write leaves memory ahead of the disk; the state
   *   is then saved whole (a snapshot) every SAVE_RETRY_MS until that succeeds.
   */
  visibility?: 'after-write' | 'at-once';
  /** Default COMPACT_MIN_BYTES. */
  compactMinBytes?: number;
  /** File mode of both files (default 0600). */
  mode?: number;
}

interface Waiter {
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** A change that could not be written: says which file, and whether the disk is full. */
export class StorageWriteError extends Error {
  readonly code: string | undefined;
  constructor(
    readonly file: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException | undefined)?.code;
    super(
      isDiskFullCode(code)
        ? `the disk is full: the sandbox could not write ${file}`
        : `the sandbox could not write ${file}: ${cause instanceof Error ? cause.message : String(cause)}`,
      { cause },
    );
    this.code = code;
  }

  get diskFull(): boolean {
    return isDiskFullCode(this.code);
  }
}

function isDiskFullCode(code: string | undefined): boolean {
  return code === 'ENOSPC' || code === 'EDQUOT';
}

export class DurableState<S, Op> {
  private queue: { op: Op; waiter: Waiter }[] = [];
  private flushing: Promise<void> | undefined;
  /** The journal failed and cannot be trusted (its failed write could not be cut off): refuse writes. */
  private broken: unknown;
  /** `at-once` only: memory holds changes that the disk does not. */
  private unsaved = false;
  private retryTimer: NodeJS.Timeout | undefined;
  private closed = false;
  private readonly visibility: 'after-write' | 'at-once';
  private readonly compactMinBytes: number;
  private journalBytes = 0;
  /** A compaction that failed is tried again only once the journal has grown this far. */
  private compactAt = 0;

  private constructor(
    readonly state: S,
    /** True when this open created the files (the folder held no state yet). */
    readonly created: boolean,
    private seq: number,
    private snapshotBytes: number,
    private readonly journal: FileHandle,
    private readonly paths: { snapshot: string; journal: string; dir: string },
    private readonly options: DurableStateOptions<S, Op>,
  ) {
    this.visibility = options.visibility ?? 'after-write';
    this.compactMinBytes = options.compactMinBytes ?? COMPACT_MIN_BYTES;
  }

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
        throw unreadable(snapshotPath, error, { path: ['state'] });
      }
      seq = parsed.seq;
    }

    for (const { seq: lineSeq, op, line } of parseJournal(journalText ?? '', journalPath)) {
      if (lineSeq <= seq) continue;
      try {
        options.apply(state, (options.parseOp ? options.parseOp(op) : op) as Op);
      } catch (error) {
        throw unreadable(journalPath, error, { line, path: ['op'] });
      }
      seq = lineSeq;
    }

    // Nothing else runs on the state before `open` returns: its pieces are made as they are written.
    const snapshotBytes = await writeFileAtomic(
      snapshotPath,
      jsonChunks({ format: 1, seq, state: options.toJson(state) }),
      mode,
    );
    const journal = await open(journalPath, 'w', mode);
    await journal.sync();
    await fsyncDir(options.dir);
    return new DurableState(
      state,
      snapshotText === undefined,
      seq,
      snapshotBytes,
      journal,
      { snapshot: snapshotPath, journal: journalPath, dir: options.dir },
      options,
    );
  }

  /**
   * Resolves when `op` is on disk; only then acknowledge it. With `after-write` the state shows it from
   * then on; a failed write rejects with a StorageWriteError and leaves the state as it was.
   */
  commit(op: Op): Promise<void> {
    if (this.closed) return Promise.reject(new Error('the sandbox data is closed'));
    if (this.broken) return Promise.reject(this.broken);
    if (this.visibility === 'at-once') this.options.apply(this.state, op);
    const done = new Promise<void>((resolve, reject) => this.queue.push({ op, waiter: { resolve, reject } }));
    if (this.unsaved) this.armRetry();
    else this.flushing ??= this.flushAll();
    return done;
  }

  /** Bytes in the journal now (for tests and benches). */
  get journalSize(): number {
    return this.journalBytes;
  }

  /** Waits for every pending commit, then closes the journal. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.flushing;
    if (this.unsaved) {
      // A last chance for what memory holds and the disk does not (space may have been freed).
      const included = this.queue.splice(0);
      await this.saveWhole().then(
        () => {
          for (const { waiter } of included) waiter.resolve();
        },
        (error) => {
          for (const { waiter } of included) waiter.reject(new StorageWriteError(this.paths.snapshot, error));
        },
      );
    }
    for (const { waiter } of this.queue.splice(0)) waiter.reject(new Error('the sandbox data is closed'));
    await this.journal.close();
  }

  private async flushAll(): Promise<void> {
    try {
      while (this.queue.length > 0 && !this.unsaved && !this.broken) {
        const batch = this.queue.splice(0);
        let seq = this.seq;
        const data = Buffer.from(batch.map(({ op }) => `${JSON.stringify({ seq: ++seq, op })}\n`).join(''));
        try {
          await this.journal.write(data, 0, data.length, this.journalBytes);
          await this.journal.datasync();
        } catch (error) {
          await this.failed(batch, error);
          continue;
        }
        this.seq = seq;
        this.journalBytes += data.length;
        if (this.visibility === 'after-write') {
          for (const { op } of batch) this.options.apply(this.state, op);
        }
        for (const { waiter } of batch) waiter.resolve();
        if (this.journalBytes > Math.max(this.compactMinBytes, this.snapshotBytes, this.compactAt)) {
          await this.compact();
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }

  /** A write that failed: cut it off the journal, refuse it, and keep going. */
  private async failed(batch: { waiter: Waiter }[], error: unknown): Promise<void> {
    const failure = new StorageWriteError(this.paths.journal, error);
    try {
      await this.journal.truncate(this.journalBytes);
    } catch {
      // A torn write that stays would make the journal unreadable at the next start: stop writing.
      this.broken = failure;
    }
    for (const { waiter } of batch) waiter.reject(failure);
    if (this.broken) {
      for (const { waiter } of this.queue.splice(0)) waiter.reject(failure);
    } else if (this.visibility === 'at-once') {
      // Memory already holds the refused changes (and those queued behind them): save it whole.
      this.unsaved = true;
      this.armRetry();
    }
  }

  /** Folds the journal into the snapshot. With `at-once`, the queued changes (already in memory) go too. */
  private async compact(): Promise<void> {
    const included = this.visibility === 'at-once' ? this.queue.splice(0) : [];
    try {
      await this.saveWhole();
      for (const { waiter } of included) waiter.resolve();
    } catch {
      // The journal is still whole and valid: nothing is lost. Try again once it has grown as much again.
      this.compactAt = this.journalBytes + Math.max(this.compactMinBytes, this.snapshotBytes);
      this.queue.unshift(...included);
    }
  }

  /** Writes the whole state as the snapshot, then empties the journal. */
  private async saveWhole(): Promise<void> {
    this.snapshotBytes = await writeFileAtomic(
      this.paths.snapshot,
      this.snapshotPieces(),
      this.options.mode ?? 0o600,
    );
    await this.journal.truncate(0);
    await this.journal.datasync();
    this.journalBytes = 0;
    this.compactAt = 0;
  }

  /**
   * The snapshot file's text in pieces, so that a world of many hooks is never one string nor one
   * Buffer (docs/performance.md). An `after-write` state changes only in `flushAll`, which waits for
   * the snapshot: its pieces are made as they are written, so that the whole text is never in memory
   * at once. An `at-once` state may change while the file is written: its pieces are all made now,
   * so that the file holds the state of this instant.
   */
  private snapshotPieces(): Iterable<string> {
    const pieces = jsonChunks({ format: 1, seq: this.seq, state: this.options.toJson(this.state) });
    return this.visibility === 'after-write' ? pieces : [...pieces];
  }

  private armRetry(): void {
    if (this.retryTimer || this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (this.flushing) this.armRetry();
      else this.flushing = this.retrySave();
    }, SAVE_RETRY_MS);
    this.retryTimer.unref();
  }

  private async retrySave(): Promise<void> {
    const included = this.queue.splice(0);
    try {
      await this.saveWhole();
      this.unsaved = false;
      for (const { waiter } of included) waiter.resolve();
    } catch (error) {
      const failure = new StorageWriteError(this.paths.snapshot, error);
      for (const { waiter } of included) waiter.reject(failure);
      this.armRetry();
    } finally {
      this.flushing = undefined;
    }
    if (!this.unsaved && this.queue.length > 0) this.flushing = this.flushAll();
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

/** One line: the file, and the first thing wrong in it (a zod error names its field, not its whole dump). */
function unreadable(file: string, error: unknown, where: { line?: number; path?: string[] } = {}): UserError {
  let reason = error instanceof Error ? error.message : String(error);
  if (error instanceof z.core.$ZodError) {
    const issue = error.issues[0]!;
    reason = `${[...(where.path ?? []), ...issue.path.map(String)].join('.')}: ${issue.message}`;
  }
  if (where.line !== undefined) reason = `line ${where.line}: ${reason}`;
  return new UserError(
    `cannot read the sandbox data file ${file}: ${reason.replace(/\s*\n\s*/g, ' ')}. ` +
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

function* parseJournal(text: string, file: string): Generator<{ seq: number; op: unknown; line: number }> {
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
    yield { seq: entry.seq, op: entry.op, line: index + 1 };
  }
}

// The latest hook changes of this run, numbered, for GET /sandbox/v1/hooks/stream (docs/live-model.md).
// Kept in memory only: a client that asks to resume from before this run, or from further back than
// what is kept, is told to list the hooks again (a `reset`), which is cheap and always right.
import { randomUUID } from 'node:crypto';
import type { HookChange } from '../../domain/hook-changes.js';
import type { HookChangeNotice, SandboxStore } from '../store/store.js';

const KEPT = 1000;

export class HookChangeLog {
  /** Cursors are `RUN.SEQ`: a cursor of another run is recognised as such. */
  private readonly run = randomUUID().slice(0, 8);
  private seq = 0;
  private readonly changes: HookChange[] = [];
  private readonly listeners = new Set<(change: HookChange) => void>();
  private readonly unsubscribe: () => void;

  constructor(
    store: Pick<SandboxStore, 'onHookChange'>,
    private readonly now: () => number = Date.now,
  ) {
    this.unsubscribe = store.onHookChange((notice) => this.record(notice));
  }

  /** Where the log is now: a stream from here shows only what comes next. */
  get head(): string {
    return `${this.run}.${this.seq}`;
  }

  /** The changes after `cursor`, or undefined when they cannot be told (a reset is due). */
  after(cursor: string): HookChange[] | undefined {
    const [run, seqText] = cursor.split('.');
    const seq = Number(seqText);
    if (run !== this.run || !Number.isInteger(seq) || seq > this.seq) return undefined;
    const oldest = this.seq - this.changes.length;
    if (seq < oldest) return undefined;
    return this.changes.slice(seq - oldest);
  }

  subscribe(listener: (change: HookChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.unsubscribe();
    this.listeners.clear();
  }

  private record(notice: HookChangeNotice): void {
    this.seq++;
    const base = { cursor: `${this.run}.${this.seq}`, at: this.now(), ownerId: notice.ownerId };
    let change: HookChange;
    if (notice.kind === 'webhook') {
      change = notice.hook
        ? { ...base, type: 'webhook.put', hook: notice.hook }
        : { ...base, type: 'webhook.removed', hookId: notice.id };
    } else {
      change = notice.hook
        ? { ...base, type: 'emailhook.put', hook: notice.hook }
        : { ...base, type: 'emailhook.removed', hookId: notice.id };
    }
    this.changes.push(change);
    if (this.changes.length > KEPT) this.changes.shift();
    for (const listener of this.listeners) listener(change);
  }
}

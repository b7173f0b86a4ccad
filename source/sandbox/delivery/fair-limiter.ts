// Runs tasks with at most `perKey` at once for one key (a receiver URL) and `total` at once overall,
// taking keys in turn, so that a slow or dead receiver holds at most `perKey` of the slots and never
// delays the others.

type Task = () => Promise<void>;

interface Lane {
  active: number;
  waiting: Task[];
}

export class FairLimiter {
  private readonly lanes = new Map<string, Lane>();
  /** Keys with a waiting task and a free slot, in the order they get their next turn. */
  private readonly turns = new Set<string>();
  private active = 0;

  constructor(
    private readonly perKey: number,
    private readonly total: number,
  ) {}

  run(key: string, task: Task): void {
    let lane = this.lanes.get(key);
    if (!lane) {
      lane = { active: 0, waiting: [] };
      this.lanes.set(key, lane);
    }
    lane.waiting.push(task);
    if (lane.active < this.perKey) this.turns.add(key);
    this.pump();
  }

  /** Tasks running now and waiting, for benches and tests. */
  get size(): { active: number; waiting: number } {
    let waiting = 0;
    for (const lane of this.lanes.values()) waiting += lane.waiting.length;
    return { active: this.active, waiting };
  }

  private pump(): void {
    while (this.active < this.total && this.turns.size > 0) {
      const key = this.turns.values().next().value as string;
      this.turns.delete(key);
      const lane = this.lanes.get(key)!;
      const task = lane.waiting.shift()!;
      lane.active += 1;
      this.active += 1;
      // Back of the queue: the other keys go first.
      if (lane.waiting.length > 0 && lane.active < this.perKey) this.turns.add(key);
      void task()
        .catch(() => undefined)
        .finally(() => this.done(key, lane));
    }
  }

  private done(key: string, lane: Lane): void {
    lane.active -= 1;
    this.active -= 1;
    if (lane.waiting.length > 0) this.turns.add(key);
    else if (lane.active === 0) this.lanes.delete(key);
    this.pump();
  }
}

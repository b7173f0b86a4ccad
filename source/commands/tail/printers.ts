// How `tail` writes what changed. json-stream: one object per change. Lines (not a terminal): one line
// per change, so that a WIP line is followed by its result. Terminal: the rows still moving (in
// progress, retrying, or changed in the last seconds) stay in a live region at the bottom that is
// redrawn in place; the rest scrolls away as plain lines.
import type { LiveActivityView as LiveSnapshot } from '../../api/live/live-model.js';
import type { Delivery } from '../../domain/deliveries.js';
import { type ActivityRow, isTerminalState, latestAttempt } from '../../domain/live-activity.js';
import {
  deliveryFields,
  deliveryRecord,
  deliveryText,
  eventFields,
  eventRecord,
  eventText,
} from '../../domain/live-format.js';
import type { Paint, Tone } from '../format/style.js';

export interface Printer {
  update(snapshot: LiveSnapshot, now: number): void;
  /** The connection line, on a terminal only. */
  status?(text: string, tone: Tone): void;
  finish(): void;
}

interface RowChange {
  row: ActivityRow;
  eventChanged: boolean;
  newAttempts: Delivery[];
}

/** What changed since the last update, oldest row first; rows are compared by identity first (cheap). */
class ChangeTracker {
  private readonly seenRows = new Map<string, ActivityRow>();
  private readonly eventSignatures = new Map<string, string>();
  private readonly seenAttempts = new Set<string>();

  constructor(private readonly visible: (row: ActivityRow) => boolean) {}

  changes(snapshot: LiveSnapshot): RowChange[] {
    const out: RowChange[] = [];
    const rows = snapshot.activity.rows;
    for (let i = rows.length - 1; i >= 0; i--) {
      const row = rows[i]!;
      if (this.seenRows.get(row.key) === row || !this.visible(row)) continue;
      this.seenRows.set(row.key, row);
      const signature = JSON.stringify(eventRecord(row, snapshot));
      const eventChanged = this.eventSignatures.get(row.key) !== signature;
      this.eventSignatures.set(row.key, signature);
      const newAttempts: Delivery[] = [];
      for (const line of row.deliveries) {
        for (const attempt of line.attempts) {
          if (this.seenAttempts.has(attempt.cursor)) continue;
          this.seenAttempts.add(attempt.cursor);
          newAttempts.push(attempt);
        }
      }
      if (eventChanged || newAttempts.length > 0) out.push({ row, eventChanged, newAttempts });
    }
    this.prune(snapshot);
    return out;
  }

  /** Forgets rows the buffer dropped, so that memory stays flat however long the tail runs. */
  private prune(snapshot: LiveSnapshot): void {
    const limit = snapshot.activity.capacity * 2;
    if (this.seenRows.size <= limit && this.seenAttempts.size <= limit * 20) return;
    const keys = new Set(snapshot.activity.rows.map((r) => r.key));
    for (const key of this.seenRows.keys()) {
      if (!keys.has(key)) {
        this.seenRows.delete(key);
        this.eventSignatures.delete(key);
      }
    }
    const cursors = new Set(
      snapshot.activity.rows.flatMap((r) => r.deliveries.flatMap((l) => l.attempts.map((a) => a.cursor))),
    );
    for (const cursor of this.seenAttempts) if (!cursors.has(cursor)) this.seenAttempts.delete(cursor);
  }
}

export function jsonStreamPrinter(
  write: (text: string) => void,
  visible: (row: ActivityRow) => boolean,
): Printer {
  const tracker = new ChangeTracker(visible);
  return {
    update(snapshot) {
      let text = '';
      for (const change of tracker.changes(snapshot)) {
        if (change.eventChanged) text += `${JSON.stringify(eventRecord(change.row, snapshot))}\n`;
        for (const attempt of change.newAttempts) {
          text += `${JSON.stringify(deliveryRecord(change.row, attempt, snapshot))}\n`;
        }
      }
      if (text) write(text);
    },
    finish() {},
  };
}

function stateTone(row: ActivityRow): Tone | undefined {
  const state = row.deployment?.state;
  if (!state) return undefined;
  if (state === 'OK') return 'good';
  if (state === 'FAIL') return 'bad';
  return isTerminalState(state) ? 'muted' : 'warn';
}

function attemptTone(attempt: Delivery): Tone {
  return attempt.ok ? 'good' : attempt.final ? 'bad' : 'warn';
}

export function linePrinter(
  write: (text: string) => void,
  visible: (row: ActivityRow) => boolean,
  paint: Paint,
): Printer {
  const tracker = new ChangeTracker(visible);
  let lastRow: string | undefined;
  return {
    update(snapshot, now) {
      let text = '';
      for (const { row, eventChanged, newAttempts } of tracker.changes(snapshot)) {
        if (eventChanged) {
          text += `${paint(stateTone(row), eventText(row, snapshot))}\n`;
          lastRow = row.key;
        }
        for (const attempt of newAttempts) {
          const line = row.deliveries.find((l) => l.eventId === attempt.eventId && l.url === attempt.url);
          if (!line) continue;
          const single = { ...line, attempts: [attempt] };
          const context = lastRow === row.key ? '' : `  (${row.event} ${eventFields(row, snapshot).app})`;
          text += `${paint(attemptTone(attempt), deliveryText(single, snapshot, now, row))}${context}\n`;
          lastRow = row.key;
        }
      }
      if (text) write(text);
    },
    finish() {},
  };
}

/** How long a settled row stays in the live region, for the deliveries that follow its event. */
const SETTLE_MS = 3000;

interface TerminalStream {
  write(text: string): unknown;
  columns?: number;
  rows?: number;
}

export function terminalPrinter(
  out: TerminalStream,
  err: TerminalStream | undefined,
  visible: (row: ActivityRow) => boolean,
  paint: Paint,
): Printer {
  const tracker = new ChangeTracker(visible);
  const region: string[] = [];
  const rows = new Map<string, ActivityRow>();
  const changedAt = new Map<string, number>();
  let drawnLines = 0;
  let statusDrawn = false;
  let statusText = '';
  let statusTone: Tone = 'muted';
  let last: LiveSnapshot | undefined;
  let lastNow = 0;

  const width = () => Math.max(20, (out.columns ?? 80) - 1);
  const clip = (text: string) => (text.length > width() ? `${text.slice(0, width() - 1)}…` : text);

  function blockLines(row: ActivityRow, snapshot: LiveSnapshot, now: number): string[] {
    const lines = [paint(stateTone(row), clip(eventText(row, snapshot)))];
    for (const line of row.deliveries) {
      const tone = deliveryFields(line, snapshot, now, row).tone;
      lines.push(
        paint(
          tone === 'good' ? 'good' : tone === 'bad' ? 'bad' : 'warn',
          clip(deliveryText(line, snapshot, now, row)),
        ),
      );
    }
    return lines;
  }

  function settled(row: ActivityRow, now: number): boolean {
    if (row.deployment && !isTerminalState(row.deployment.state)) return false;
    if (row.deliveries.some((l) => !latestAttempt(l).ok && !latestAttempt(l).final)) return false;
    return now - (changedAt.get(row.key) ?? 0) >= SETTLE_MS;
  }

  function draw(snapshot: LiveSnapshot, now: number): void {
    const budget = Math.max(3, (out.rows ?? 24) - 2);
    const blocks = region.map((key) => blockLines(rows.get(key)!, snapshot, now));
    let total = blocks.reduce((n, b) => n + b.length, 0);
    let committed = '';
    while (region.length > 0 && (settled(rows.get(region[0]!)!, now) || total > budget)) {
      const key = region.shift()!;
      const lines = blocks.shift()!;
      total -= lines.length;
      committed += `${lines.join('\n')}\n`;
      rows.delete(key);
      changedAt.delete(key);
    }
    let text = '';
    if (statusDrawn && err) err.write('\r\u001b[2K');
    if (drawnLines > 0) text += `\u001b[${drawnLines}F`;
    text += '\u001b[0J';
    text += committed;
    const live = blocks.flat();
    if (live.length > 0) text += `${live.join('\n')}\n`;
    out.write(text);
    drawnLines = live.length;
    if (err && statusText) {
      err.write(paint(statusTone, clip(statusText)));
      statusDrawn = true;
    }
  }

  return {
    update(snapshot, now) {
      last = snapshot;
      lastNow = now;
      for (const { row } of tracker.changes(snapshot)) {
        if (!rows.has(row.key)) region.push(row.key);
        rows.set(row.key, row);
        changedAt.set(row.key, now);
      }
      // Rows still in view take their newest state even when the tracker saw it already.
      for (const key of region) {
        const current = snapshot.activity.rows.find((r) => r.key === key);
        if (current) rows.set(key, current);
      }
      draw(snapshot, now);
    },
    status(text, tone) {
      statusText = text;
      statusTone = tone;
      if (last) draw(last, lastNow);
    },
    finish() {
      if (statusDrawn && err) err.write('\r\u001b[2K');
      statusDrawn = false;
      statusText = '';
    },
  };
}

/** The connection line alone, on stderr, when stdout is not the terminal. */
export function statusLine(err: TerminalStream, paint: Paint): Pick<Printer, 'status' | 'finish'> {
  let drawn = false;
  return {
    status(text, tone) {
      err.write(`\r\u001b[2K${paint(tone, text.slice(0, Math.max(20, (err.columns ?? 80) - 1)))}`);
      drawn = true;
    },
    finish() {
      if (drawn) err.write('\r\u001b[2K');
    },
  };
}

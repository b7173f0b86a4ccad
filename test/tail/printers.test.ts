import { describe, expect, it } from 'vitest';
import type { LiveActivityView as LiveSnapshot } from '../../source/api/live/live-model.js';
import { plain } from '../../source/commands/format/style.js';
import { jsonStreamPrinter, linePrinter, terminalPrinter } from '../../source/commands/tail/printers.js';
import {
  type ActivityAction,
  type ActivityState,
  emptyActivity,
  reduceActivity,
} from '../../source/domain/live-activity.js';

const owner = 'orga_1c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';
const app = 'app_2c8d7a1f-9b5f-4d2e-8a7b-2d3e4f5a6b7c';
const t0 = 1_735_689_600_000;

function deployment(event: string, state: string, date = t0): ActivityAction {
  const data = { id: app, ownerId: owner, uuid: 'dep-1', state, commit: 'abcdef1234', cause: 'Git' };
  return { type: 'event', envelope: { event, date, data: JSON.stringify(data) } };
}

function snapshot(activity: ActivityState): LiveSnapshot {
  return {
    activity,
    connection: { socket: { state: 'connected', connections: 1 }, polling: false },
    appNames: new Map([[app, 'my-app']]),
    hookNames: new Map([['hook-1', 'ci hook']]),
  };
}

const delivery: ActivityAction = {
  type: 'delivery',
  delivery: {
    id: 'd1',
    cursor: '1',
    eventId: 'e1',
    eventType: 'DEPLOYMENT_SUCCESS',
    hookId: 'hook-1',
    ownerId: owner,
    url: 'https://ci.example.com/hook',
    format: 'raw',
    attempt: 1,
    requestBody: '{}',
    status: 503,
    durationMs: 42,
    nextAttemptAt: t0 + 10_000,
    final: false,
    ok: false,
    at: t0 + 1000,
  },
};

describe('the printers of tail', () => {
  const wip = reduceActivity(emptyActivity(), [deployment('DEPLOYMENT_ACTION_BEGIN', 'WIP')]);
  const ok = reduceActivity(wip, [deployment('DEPLOYMENT_SUCCESS', 'OK', t0 + 1000), delivery]);

  it('json-stream: one object per change, the event again with the same key, then its delivery', () => {
    let out = '';
    const printer = jsonStreamPrinter(
      (t) => {
        out += t;
      },
      () => true,
    );
    printer.update(snapshot(wip), t0);
    printer.update(snapshot(wip), t0);
    printer.update(snapshot(ok), t0 + 1000);
    const lines = out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.type)).toEqual(['event', 'event', 'delivery']);
    expect(lines[0]).toMatchObject({
      key: 'deployment:dep-1',
      appName: 'my-app',
      deployment: { state: 'WIP' },
    });
    expect(lines[1]).toMatchObject({
      key: 'deployment:dep-1',
      event: 'DEPLOYMENT_SUCCESS',
      deployment: { state: 'OK' },
    });
    expect(lines[2]).toMatchObject({
      eventKey: 'deployment:dep-1',
      hookName: 'ci hook',
      status: 503,
      attempt: 1,
      ok: false,
    });
  });

  it('lines: the result is a new line, the delivery follows it', () => {
    let out = '';
    const printer = linePrinter(
      (t) => {
        out += t;
      },
      () => true,
      plain,
    );
    printer.update(snapshot(wip), t0);
    printer.update(snapshot(ok), t0 + 1000);
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/DEPLOYMENT_ACTION_BEGIN +my-app {2}WIP {2}abcdef1 {2}Git/);
    expect(lines[1]).toMatch(/DEPLOYMENT_SUCCESS +my-app {2}OK/);
    expect(lines[2]).toMatch(/↳ {2}ci hook {2}ci\.example\.com {2}503 {2}42 ms {2}attempt 1 {2}retry in 9 s/);
  });

  it('terminal: the WIP line is redrawn in place as the result', () => {
    let out = '';
    const stream = { write: (t: string) => (out += t), columns: 100, rows: 20 };
    const printer = terminalPrinter(stream, undefined, () => true, plain);
    printer.update(snapshot(wip), t0);
    const first = out;
    printer.update(snapshot(ok), t0 + 1000);
    const second = out.slice(first.length);
    expect(first).toMatch(/WIP/);
    // Back up over the one drawn line, clear, and draw the row and its delivery.
    expect(second.startsWith('\u001b[1F\u001b[0J')).toBe(true);
    expect(second).toMatch(/DEPLOYMENT_SUCCESS +my-app {2}OK[^\n]*\n {2}↳ {2}ci hook/);
    expect(second).not.toMatch(/WIP/);
  });
});

// The sandbox's hook change log behind GET /sandbox/v1/hooks/stream: numbered changes, resumed after a
// cursor of this run, and a reset for a cursor it cannot follow.
import { describe, expect, it } from 'vitest';
import type { Webhook } from '../../source/domain/schemas.js';
import { HookChangeLog } from '../../source/sandbox/extensions/hook-change-log.js';
import type { HookChangeNotice } from '../../source/sandbox/store/store.js';

function fakeStore() {
  let listener: ((change: HookChangeNotice) => void) | undefined;
  return {
    onHookChange(l: (change: HookChangeNotice) => void) {
      listener = l;
      return () => {
        listener = undefined;
      };
    },
    emit: (change: HookChangeNotice) => listener?.(change),
  };
}

const hook: Webhook = {
  id: 'h1',
  ownerId: 'orga_x',
  urls: [{ format: 'raw', url: 'https://example.org' }],
  createdAt: 1,
  failures: [],
  state: 'ENABLED',
};

describe('the hook change log', () => {
  it('resumes after a cursor of this run, and says when it cannot', () => {
    const store = fakeStore();
    const log = new HookChangeLog(store, () => 42);
    const start = log.head;
    const heard: string[] = [];
    log.subscribe((c) => heard.push(c.type));
    store.emit({ kind: 'webhook', ownerId: 'orga_x', id: 'h1', hook });
    store.emit({ kind: 'webhook', ownerId: 'orga_x', id: 'h1' });
    store.emit({ kind: 'emailhook', ownerId: 'orga_x', id: 'e1' });
    expect(heard).toEqual(['webhook.put', 'webhook.removed', 'emailhook.removed']);
    const all = log.after(start)!;
    expect(all.map((c) => c.type)).toEqual(heard);
    expect(all[0]).toMatchObject({ at: 42, ownerId: 'orga_x', hook });
    expect(log.after(all[1]!.cursor)!.map((c) => c.type)).toEqual(['emailhook.removed']);
    expect(log.after(log.head)).toEqual([]);
    // Another run's cursor, or nonsense: the client must list again.
    expect(log.after('otherrun.1')).toBeUndefined();
    expect(log.after('garbage')).toBeUndefined();
    log.close();
    store.emit({ kind: 'webhook', ownerId: 'orga_x', id: 'h1', hook });
    expect(heard).toHaveLength(3);
  });

  it('keeps the latest 1,000 changes: an older cursor gets a reset', () => {
    const store = fakeStore();
    const log = new HookChangeLog(store);
    const start = log.head;
    for (let i = 0; i < 1001; i++) store.emit({ kind: 'webhook', ownerId: 'orga_x', id: 'h1', hook });
    expect(log.after(start)).toBeUndefined();
    expect(log.after(`${start.split('.')[0]}.1`)).toHaveLength(1000);
  });
});

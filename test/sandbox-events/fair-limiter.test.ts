import { describe, expect, it } from 'vitest';
import { FairLimiter } from '../../source/sandbox/delivery/fair-limiter.js';
import { waitFor } from './support.js';

function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('FairLimiter', () => {
  it('runs at most perKey at once for a key and total overall, and gives other keys their turn', async () => {
    const limiter = new FairLimiter(2, 3);
    const started: string[] = [];
    const slow = gate();
    for (let i = 0; i < 5; i++) {
      limiter.run('slow', async () => {
        started.push(`slow${i}`);
        await slow.opened;
      });
    }
    const fast: Promise<void>[] = [];
    for (let i = 0; i < 3; i++) {
      fast.push(
        new Promise<void>((resolve) =>
          limiter.run('fast', async () => {
            started.push(`fast${i}`);
            resolve();
          }),
        ),
      );
    }
    await Promise.all(fast);
    // The slow key never held more than its two slots; the fast key got through meanwhile.
    expect(started.filter((s) => s.startsWith('slow'))).toEqual(['slow0', 'slow1']);
    expect(started.filter((s) => s.startsWith('fast'))).toEqual(['fast0', 'fast1', 'fast2']);
    slow.open();
    await waitFor(() => limiter.size.active === 0 && limiter.size.waiting === 0);
    expect(started.filter((s) => s.startsWith('slow'))).toHaveLength(5);
  });
});

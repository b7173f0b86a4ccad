// The snapshot is written in pieces (source/sandbox/storage/json-chunks.ts): joined, they are
// JSON.stringify's text exactly, whatever the value holds, and no piece is a large string.
import { expect, test } from 'vitest';
import { jsonChunks } from '../../source/sandbox/storage/json-chunks.js';

test('the pieces join into JSON.stringify, byte for byte, on every kind of value', () => {
  const values: unknown[] = [
    null,
    42,
    'é "quoted" \n\u2028',
    [],
    {},
    [undefined, () => 1, Symbol('s'), null, 0],
    { a: undefined, b: () => 1, c: Symbol('s'), d: null, 'e "f"': 'g' },
    { when: new Date(0), map: new Map([[1, 2]]), set: new Set([1]), nested: { toJSON: () => 'mine' } },
    { state: { webhooks: [{ id: 'h', urls: [{ url: 'https://x', format: 'raw' }], events: [] }] } },
    [[[[[1, [2, { deep: [3] }]]]]]],
  ];
  for (const value of values) {
    for (const depth of [0, 1, 3, 10])
      expect([...jsonChunks(value, depth)].join('')).toBe(JSON.stringify(value));
  }
});

test('a world of many hooks comes in pieces of about 32 K characters', () => {
  const hooks = Array.from({ length: 10_000 }, (_, i) => ({
    id: `hook-${i}`,
    urls: [{ url: `https://bench.example/${i}`, format: 'raw' }],
    events: ['DEPLOYMENT_FAIL'],
  }));
  const value = { format: 1, seq: 7, state: { webhooks: hooks } };
  const pieces = [...jsonChunks(value)];
  expect(pieces.join('')).toBe(JSON.stringify(value));
  expect(pieces.length).toBeGreaterThan(10);
  // A piece stops growing at the first part past 32 K, and a part here is one hook.
  for (const piece of pieces) expect(piece.length).toBeLessThan(33 * 1024);
});

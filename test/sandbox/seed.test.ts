import { expect, it } from 'vitest';
import { seedWorld } from '../../source/sandbox/store/seed.js';

// RFC 2606 (and RFC 6761) names that never reach a real service.
const RESERVED = /(^|\.)(example|invalid|test|localhost)$|(^|\.)example\.(com|net|org)$/;

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value instanceof Map) return [...value.values()].flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

it('puts every seeded URL, host and e-mail address on a reserved domain', () => {
  const all = strings(seedWorld(new Date()));
  const urls = all.flatMap((s) => s.match(/[a-z+]+:\/\/[^\s"',]+/g) ?? []);
  const hosts = urls.map((u) => new URL(u).hostname);
  const fqdns = all.filter((s) => /^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/.test(s));
  const domains = all.flatMap((s) => [...s.matchAll(/@([a-z0-9.-]+)/g)].map((m) => m[1]!));
  expect(urls.some((u) => u.startsWith('https://hooks.slack.'))).toBe(true);
  expect(hosts.length).toBeGreaterThan(5);
  for (const host of [...hosts, ...fqdns, ...domains]) expect(host).toMatch(RESERVED);
});

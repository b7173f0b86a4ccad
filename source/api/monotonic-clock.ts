// Durations of requests, from a monotonic clock. `performance.now()` would do the same, but the first
// read of the global `performance` loads node:perf_hooks, which a command that makes one request pays
// at start (docs/performance.md, "Builtins a command does not need").

/** Milliseconds from an arbitrary origin, never going back. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

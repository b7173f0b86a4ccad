import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export default defineConfig({
  define: { __VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Most tests wait on child processes and sockets, not the CPU: two workers on a 2-core runner.
    maxWorkers: 2,
    // Inherited by every sandbox the tests start, in-process or as a child: no test reaches the network.
    // An embedded sandbox takes port 0, never the default one (a user's sandbox may be on it).
    env: { CLEVER_NOTIFY_SANDBOX_LOOPBACK_ONLY: '1', CLEVER_NOTIFY_EMBEDDED_SANDBOX_PORT: '0' },
  },
});

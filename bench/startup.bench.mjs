// Start-up of the built binary as a user runs it (a fresh process each time), as ratios against
// baselines measured in the same run, so that a busy machine slows both sides alike:
// - `--version` and `--help` against bare `node -e 0` (target: ≤ 1.3×, wall);
// - `webhooks --org ID -F json` against a local sandbox, against bare node (≤ 2× wall, ≤ 1.5× peak
//   memory) and against clever-tools 4.11 on the same question (≥ 8× faster, wall);
// - the TUI in a pseudo-terminal, from spawn to the account's name and the first hook row on screen,
//   against bare node printing the same text in the same terminal (≤ 3.5×), as a user starts it
//   again and again: with the code cache that its first run wrote (source/startup/code-cache.ts).
//   For information: the TUI with that cache turned off (what a first run costs), and a bare Ink app
//   drawing that text in one round box, bundled and minified as the binary is (without a code cache):
//   what Ink alone costs against that target.
// The runs of all cases are interleaved. Each line: min / median / max over BENCH_RUNS runs (at
// least 7), ratios of the medians. docs/performance.md explains the targets and the choices.

import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execPath } from 'node:process';
import { build } from 'esbuild';
import { stringWidthOnce } from '../scripts/string-width.mjs';
import { yogaAtLoad } from '../scripts/yoga-at-load.mjs';
import {
  benchUser,
  CLI,
  median,
  openPty,
  openTui,
  request,
  spread,
  startSandbox,
  stopSandbox,
  timed,
} from './support.mjs';

const CLEVER = new URL('../node_modules/clever-tools/bin/clever.js', import.meta.url).pathname;
const RUNS = Math.max(7, Number(process.env.BENCH_RUNS ?? 9));
const SIZE = { cols: 120, rows: 40 };

const dir = mkdtempSync(path.join(os.tmpdir(), 'clever-notify-startup-bench-'));
// The bare Ink app: one round box with the text, built with the options of scripts/build.mjs that
// change start-up (one ESM bundle, minified, production React, react-devtools-core stubbed).
const inkApp = path.join(dir, 'bare-ink.mjs');
await build({
  stdin: {
    contents: [
      "import { createElement as h } from 'react';",
      "import { Box, Text, render } from 'ink';",
      "const lines = process.env.TEXT.trim().split('\\n');",
      "render(h(Box, { borderStyle: 'round', flexDirection: 'column' }, ...lines.map((l) => h(Text, { key: l }, l)))).unmount();",
    ].join('\n'),
    resolveDir: new URL('..', import.meta.url).pathname,
    loader: 'js',
  },
  outfile: inkApp,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  alias: { 'react-devtools-core': new URL('../scripts/devtools-stub.mjs', import.meta.url).pathname },
  // Built as the TUI is: Yoga's WebAssembly instantiated at load, text widths by text-width.ts.
  plugins: [stringWidthOnce, yogaAtLoad],
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
const user = benchUser(dir);
const sandbox = await startSandbox(user.dataDir);
const opened = [];
try {
  const self = await request(sandbox, 'GET', '/v2/self');
  const orgId = (await request(sandbox, 'GET', '/v2/organisations')).find((o) => o.id.startsWith('orga_')).id;
  // The TUI opens on the personal space: give it a webhook whose name is easy to spot.
  const hookName = 'startup-bench-hook';
  await request(sandbox, 'POST', `/v2/notifications/webhooks/${self.id}`, {
    name: hookName,
    urls: [{ format: 'raw', url: 'https://hooks.example.com/startup' }],
  });
  const env = { ...user.env, ...sandbox.vars, NO_COLOR: '1' };
  const tmpFile = path.join(dir, 'time');

  const list = ['webhooks', '--org', orgId, '-F', 'json'];
  const cases = {
    node: [execPath, '-e', '0'],
    version: [execPath, CLI, '--version'],
    help: [execPath, CLI, '--help'],
    webhooks: [execPath, CLI, ...list],
    clever: [execPath, CLEVER, ...list],
  };
  const runs = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));

  // Both lists must be the same answer, or the comparison means nothing.
  const ids = (run) =>
    JSON.parse(run.stdout)
      .map((h) => h.id)
      .sort()
      .join(',');
  const ours = await timed(cases.webhooks, { env, tmpFile });
  const theirs = await timed(cases.clever, { env, tmpFile });
  if (ids(ours) !== ids(theirs))
    throw new Error('clever-notify and clever-tools did not list the same webhooks');
  for (const argv of Object.values(cases)) await timed(argv, { env, tmpFile });

  // The TUI shows the account in its header and the personal space's webhooks first.
  const onScreen = [self.name, hookName];
  const seen = (text) => onScreen.every((s) => text.includes(s));
  const tuiMs = [];
  const firstRunMs = [];
  const printMs = [];
  const inkMs = [];
  const ptyRun = async (tui, quit) => {
    opened.push(tui);
    const exited = new Promise((resolve) => tui.child.once('exit', resolve));
    const at = await tui.waitFor({ test: seen, toString: () => onScreen.join(' and ') });
    if (quit) tui.write('q');
    await exited;
    return at - tui.started;
  };
  const printEnv = { ...env, TEXT: `${onScreen.join('\n')}\n` };
  const printer = `${execPath} -e 'process.stdout.write(process.env.TEXT)'`;
  // The first run writes the code cache when it quits; the runs below use it, as a user's do.
  await ptyRun(openTui(env, SIZE), true);
  const firstRunEnv = { ...env, NODE_DISABLE_COMPILE_CACHE: '1' };

  for (let i = 0; i < RUNS; i++) {
    // Rotate the order so that no case always runs right after another.
    const names = Object.keys(cases);
    const order = [...names.slice(i % names.length), ...names.slice(0, i % names.length)];
    for (const name of order) runs[name].push(await timed(cases[name], { env, tmpFile }));
    printMs.push(await ptyRun(openPty(printEnv, SIZE, printer), false));
    inkMs.push(await ptyRun(openPty(printEnv, SIZE, `${execPath} ${inkApp}`), false));
    tuiMs.push(await ptyRun(openTui(env, SIZE), true));
    firstRunMs.push(await ptyRun(openTui(firstRunEnv, SIZE), true));
  }

  const wall = (name) => runs[name].map((r) => r.ms);
  const mb = (name) => runs[name].map((r) => r.rssKb / 1024);
  const cpu = (name) => runs[name].map((r) => r.cpuMs);
  const ratio = (a, b) => median(a) / median(b);
  const verdict = (ok) => (ok ? 'ok' : 'MISSED');
  const row = (label, ms, rss, cpuMs) =>
    `${label.padEnd(34)} ${spread(ms).padStart(17)} ms${rss ? `  ${spread(rss, 1).padStart(20)} MB  ${spread(cpuMs).padStart(17)} ms` : ''}`;

  console.log(
    `${RUNS} runs of each, interleaved; min / median / max; load average ${os.loadavg()[0].toFixed(1)} at the end`,
  );
  console.log(
    `${''.padEnd(34)} ${'wall'.padStart(20)}  ${'peak RSS'.padStart(23)}  ${'CPU (user+sys)'.padStart(20)}`,
  );
  for (const [label, name] of [
    ['node -e 0', 'node'],
    ['clever-notify --version', 'version'],
    ['clever-notify --help', 'help'],
    [`clever-notify ${list.join(' ')}`.slice(0, 34), 'webhooks'],
    ['clever (4.11) same command', 'clever'],
  ]) {
    console.log(row(label, wall(name), mb(name), cpu(name)));
  }
  console.log(row('pty: node printing the same text', printMs));
  console.log(row('pty: bare Ink app, one box', inkMs));
  console.log(row('pty: TUI, account and first hook', tuiMs));
  console.log(row('pty: same, no code cache (1st run)', firstRunMs));
  console.log('');
  const checks = [
    ['--version / node, wall', ratio(wall('version'), wall('node')), (r) => r <= 1.3, '≤ 1.3×'],
    ['--help / node, wall', ratio(wall('help'), wall('node')), (r) => r <= 1.3, '≤ 1.3×'],
    ['webhooks / node, wall', ratio(wall('webhooks'), wall('node')), (r) => r <= 2, '≤ 2×'],
    ['webhooks / node, peak RSS', ratio(mb('webhooks'), mb('node')), (r) => r <= 1.5, '≤ 1.5×'],
    ['clever-tools / webhooks, wall', ratio(wall('clever'), wall('webhooks')), (r) => r >= 8, '≥ 8× faster'],
    ['TUI first rows / node printing', ratio(tuiMs, printMs), (r) => r <= 3.5, '≤ 3.5×'],
  ];
  for (const [label, value, ok, target] of checks) {
    console.log(
      `${label.padEnd(34)} ${value.toFixed(2).padStart(6)}×   target ${target.padEnd(12)} ${verdict(ok(value))}`,
    );
  }
  // Not a target: what Ink alone costs, to read the TUI's ratio against.
  console.log(
    `${'bare Ink one box / node printing'.padEnd(34)} ${ratio(inkMs, printMs).toFixed(2).padStart(6)}×   (information: Ink's own start; TUI / bare Ink ${ratio(tuiMs, inkMs).toFixed(2)}×)`,
  );
  console.log(
    `${'TUI first run / node printing'.padEnd(34)} ${ratio(firstRunMs, printMs).toFixed(2).padStart(6)}×   (information: no code cache yet, or NODE_DISABLE_COMPILE_CACHE=1)`,
  );
  // CPU time is what a loaded machine distorts least: shown beside the wall-time targets, not instead.
  const cpuRatio = (a, b) => `${ratio(cpu(a), cpu(b)).toFixed(2)}×`;
  console.log(
    `CPU-time ratios: --version ${cpuRatio('version', 'node')}, --help ${cpuRatio('help', 'node')}, webhooks ${cpuRatio('webhooks', 'node')} bare node; clever-tools ${cpuRatio('clever', 'webhooks')} webhooks`,
  );
} finally {
  for (const tui of opened) if (tui.child.exitCode === null) tui.child.kill('SIGTERM');
  await stopSandbox(sandbox);
  rmSync(dir, { recursive: true, force: true });
}

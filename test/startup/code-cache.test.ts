// The loader of the TUI's bundle (source/startup/code-cache.ts), on real files: the first load writes
// V8's code cache, the next takes it, and a cache that is not this bundle's is refused and replaced.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundleFunction } from '../../scripts/bundle-function.mjs';
import { defaultCacheDir } from '../../source/startup/code-cache.js';

// V8 keeps what a process compiled in memory too, and a second load in the same process would use
// that whatever the file holds: each load runs in a process of its own, as each start of the binary
// does, with the loader built as the binary's entry bundles it.
let root: string;
let loader: string;
let dir: string;
let cacheDir: string;

beforeAll(async () => {
  root = mkdtempSync(path.join(os.tmpdir(), 'clever-notify-code-cache-'));
  loader = path.join(root, 'load.cjs');
  await build({
    stdin: {
      contents: [
        "import { requireBundle } from './source/startup/code-cache.ts';",
        'const [bundle, cacheDir, when] = process.argv.slice(2);',
        "const loaded = requireBundle(bundle, { cacheDir: cacheDir || undefined, writeNow: when === 'now' });",
        'Promise.resolve(loaded.exports.result?.()).then((result) =>',
        '  process.stdout.write(JSON.stringify({ cache: loaded.cache, result })),',
        ');',
      ].join('\n'),
      resolveDir: path.resolve('.'),
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outfile: loader,
    logLevel: 'warning',
  });
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

beforeEach(() => {
  dir = mkdtempSync(path.join(root, 'case-'));
  cacheDir = path.join(dir, 'cache');
});

/** A bundle as the build writes it (scripts/bundle-function.mjs), around `body`. */
function writeBundle(name: string, body: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${bundleFunction.banner}\n"use strict";\n${body}\n${bundleFunction.footer}\n`);
  return file;
}

/** Loads `bundle` in a new process; the cache is written when it exits, or at once with `now`. */
function load(
  bundle: string,
  options: { cacheDir?: string; now?: boolean; nodeOptions?: string[] } = { cacheDir },
) {
  const output = execFileSync(
    process.execPath,
    [...(options.nodeOptions ?? []), loader, bundle, options.cacheDir ?? '', options.now ? 'now' : 'exit'],
    { encoding: 'utf8', env: { PATH: process.env.PATH } },
  );
  return JSON.parse(output) as { cache: string; result?: unknown };
}

const cacheFiles = () => (existsSync(cacheDir) ? readdirSync(cacheDir).sort() : []);
const cacheName = (bundle: string) => `${bundle}.node-${process.version}-${process.arch}.cache`;

describe('requireBundle', () => {
  it('writes the code cache when the first run exits, and the next run uses it', () => {
    const bundle = writeBundle(
      'tui-AAAA1111.js',
      'function twice(n) { return 2 * n; }\nmodule.exports = { result: () => [twice(21), __filename] };',
    );
    expect(load(bundle)).toEqual({ cache: 'made', result: [42, bundle] });
    expect(cacheFiles()).toEqual([cacheName('tui-AAAA1111')]);
    expect(load(bundle)).toEqual({ cache: 'used', result: [42, bundle] });
    expect(load(bundle)).toEqual({ cache: 'used', result: [42, bundle] });
  });

  it('refuses a damaged cache, runs from the source, and writes a good one in its place', () => {
    const bundle = writeBundle('tui-BBBB2222.js', 'module.exports = { result: () => "ok" };');
    load(bundle);
    const file = path.join(cacheDir, cacheName('tui-BBBB2222'));
    // Its header (the bundle's size and time) kept: V8 is what refuses the rest.
    const damaged = readFileSync(file).fill(7, 16);
    writeFileSync(file, damaged);
    expect(load(bundle)).toEqual({ cache: 'made', result: 'ok' });
    expect(readFileSync(file).equals(damaged)).toBe(false);
    expect(load(bundle)).toEqual({ cache: 'used', result: 'ok' });
  });

  it('refuses the cache of a bundle changed in place, even to a source of the same length', () => {
    const bundle = writeBundle('tui-CCCC3333.js', 'module.exports = { result: () => "one" };');
    load(bundle);
    // V8 would run the cached code of "one": it checks a cache against the source's length only.
    writeBundle('tui-CCCC3333.js', 'module.exports = { result: () => "two" };');
    // An edit changes the file's modification time; set it apart for file systems of coarse times.
    utimesSync(bundle, new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(load(bundle)).toEqual({ cache: 'made', result: 'two' });
    expect(load(bundle)).toEqual({ cache: 'used', result: 'two' });
  });

  it("removes the caches of the bundle's other builds when it writes its own, and only those", () => {
    load(writeBundle('tui-OLD00000.js', 'module.exports = {};'));
    writeFileSync(path.join(cacheDir, 'other-DDDD4444.node-v1-x64.cache'), 'another bundle');
    load(writeBundle('tui-DDDD4444.js', 'module.exports = {};'));
    expect(cacheFiles()).toEqual(['other-DDDD4444.node-v1-x64.cache', cacheName('tui-DDDD4444')]);
  });

  it('imports ES modules for the bundle through loadES, relative to the bundle, from the cache too', () => {
    writeFileSync(path.join(dir, 'apart.mjs'), 'export const where = "apart";\n');
    const bundle = writeBundle(
      'tui-EEEE5555.js',
      'module.exports = { result: () => loadES("./apart.mjs").then((m) => m.where) };',
    );
    expect(load(bundle, { cacheDir, now: true })).toEqual({ cache: 'made', result: 'apart' });
    expect(load(bundle)).toEqual({ cache: 'used', result: 'apart' });
  });

  it('requires the bundle with --enable-source-maps, so that stack traces name its sources', async () => {
    const bundle = path.join(dir, 'tui-GGGG7777.js');
    writeFileSync(
      path.join(dir, 'failing.ts'),
      'export function result(): string {\n  return new Error("here").stack ?? "";\n}\n',
    );
    await build({
      entryPoints: [path.join(dir, 'failing.ts')],
      outfile: bundle,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      minify: true,
      sourcemap: 'linked',
      banner: { js: bundleFunction.banner },
      footer: { js: bundleFunction.footer },
      logLevel: 'warning',
    });
    const mapped = load(bundle, { cacheDir, nodeOptions: ['--enable-source-maps'] });
    expect(mapped.cache).toBe('off');
    expect(mapped.result).toContain(`${path.join(dir, 'failing.ts')}:2:`);
    expect(cacheFiles()).toEqual([]);
    // Without the option, the cache serves, and the trace names the bundle.
    expect(load(bundle).result).toContain(`${bundle}:`);
  });

  it('writes nothing when the cache is turned off', () => {
    const bundle = writeBundle('tui-FFFF6666.js', 'module.exports = { result: () => "ok" };');
    expect(load(bundle, {})).toEqual({ cache: 'off', result: 'ok' });
    expect(cacheFiles()).toEqual([]);
  });
});

describe('defaultCacheDir', () => {
  it("is the user's cache folder, unless NODE_DISABLE_COMPILE_CACHE is set, as for Node's own cache", () => {
    if (process.platform === 'linux')
      expect(defaultCacheDir({})).toBe(
        path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'clever-notify'),
      );
    expect(defaultCacheDir({ NODE_DISABLE_COMPILE_CACHE: '1' })).toBeUndefined();
  });
});

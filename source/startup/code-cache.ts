// Loads one of the build's bundles (the TUI's: scripts/build.mjs) with V8's code cache: the first run
// keeps the code V8 compiled for the bundle in the user's cache folder, and the next runs take it
// from there rather than parsing and compiling the bundle again. This is what Node's own module
// compile cache does from Node 22 on (`module.enableCompileCache`); Node 20 has none, so it is done
// here through the public `vm` API (a `cachedData` given to a `vm.Script`), for every Node this runs
// on. No V8 flag is set. docs/performance.md, "The TUI's bundle and its code cache", has the
// measurement and the rules; `NODE_DISABLE_COMPILE_CACHE=1` turns it off, as it does Node's.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import envPaths from 'env-paths';

/**
 * A bundle is a CommonJS module written as one function, which the build writes around esbuild's
 * output: given the usual module scope, and `loadES`, which does `import()` for it. A script compiled
 * through `vm` has no `import()` of its own on Node 20 (and none at all once it comes from a code
 * cache), so the build makes the bundle's `import()`s of the subsystems built apart (ES modules, such
 * as the sandbox) calls of `loadES`. Run as a script, the bundle's value is that function; required
 * as a module, its `module.exports` is.
 */
type BundleFunction = (
  exports: object,
  require: NodeJS.Require,
  module: { exports: object },
  filename: string,
  dirname: string,
  loadES: (specifier: string) => Promise<unknown>,
) => void;

/** How the code cache served a load. */
export type CodeCacheUse =
  /** V8 took the cached code. */
  | 'used'
  /** There was none, or V8 refused it (another build or V8): it is written when the process exits. */
  | 'made'
  /** Turned off, or no cache folder. */
  | 'off';

export interface LoadedBundle {
  exports: object;
  cache: CodeCacheUse;
}

export interface CodeCacheOptions {
  /** Where the cached code is kept; `undefined` turns the cache off. Default: the user's cache folder. */
  cacheDir?: string | undefined;
  /** Writes the cache now rather than when the process exits (for tests). */
  writeNow?: boolean;
}

/** The user's cache folder for clever-notify (`~/.cache/clever-notify` on Linux), unless turned off. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  try {
    return envPaths('clever-notify', { suffix: '' }).cache;
  } catch {
    // No home folder to find it in: the TUI starts without a cache.
    return undefined;
  }
}

/**
 * The cache file of a bundle. V8 checks a cache against the length of the source only, and runs the
 * cached code of another source of the same length: the bundle's file name carries a hash of its
 * content, and the cache starts with the bundle's size and modification time (a bundle changed in
 * place gets a new one). Node's version is in the cache's name, so that two Node versions used in
 * turn do not replace each other's cache.
 */
function cacheFileOf(bundle: string, cacheDir: string): string {
  return path.join(cacheDir, `${path.basename(bundle, '.js')}.node-${process.version}-${process.arch}.cache`);
}

/** The cache's first bytes: the bundle's size and modification time (ms), as two float64. */
const HEADER_BYTES = 16;

function headerOf(bundle: string): Buffer {
  const { size, mtimeMs } = statSync(bundle);
  const header = Buffer.alloc(HEADER_BYTES);
  header.writeDoubleLE(size, 0);
  header.writeDoubleLE(mtimeMs, 8);
  return header;
}

export function requireBundle(bundle: string, options: CodeCacheOptions = {}): LoadedBundle {
  const cacheDir = 'cacheDir' in options ? options.cacheDir : defaultCacheDir();
  const require = createRequire(bundle);
  const dirname = path.dirname(bundle);
  const loadES = (specifier: string) => import(pathToFileURL(path.resolve(dirname, specifier)).href);
  const module = { exports: {} };
  if (process.sourceMapsEnabled) {
    // Node maps the stack traces of the modules that it loads itself only (not of a `vm` script, on
    // Node 20): with `--enable-source-maps`, the bundle is required, and has no code cache.
    (require(bundle) as BundleFunction)(module.exports, require, module, bundle, dirname, loadES);
    return { exports: module.exports, cache: 'off' };
  }
  const source = readFileSync(bundle, 'utf8');
  const cacheFile = cacheDir === undefined ? undefined : cacheFileOf(bundle, cacheDir);
  let cachedData: Buffer | undefined;
  if (cacheFile) {
    try {
      const cache = readFileSync(cacheFile);
      if (cache.subarray(0, HEADER_BYTES).equals(headerOf(bundle))) cachedData = cache.subarray(HEADER_BYTES);
    } catch {
      // None yet (or unreadable): compiled from the source, and written for the next run.
    }
  }
  const script = new Script(source, { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  (script.runInThisContext() as BundleFunction)(module.exports, require, module, bundle, dirname, loadES);
  if (!cacheFile || !cacheDir) return { exports: module.exports, cache: 'off' };
  if (cachedData && script.cachedDataRejected === false) return { exports: module.exports, cache: 'used' };
  // Written once the run has compiled what it uses (V8 compiles a function when it is first called),
  // so that the cache holds the code of a whole session, not only of the bundle's first statements.
  const write = () => writeCache(script, cacheFile, cacheDir, bundle);
  if (options.writeNow) write();
  else process.once('exit', write);
  return { exports: module.exports, cache: 'made' };
}

/**
 * Writes the cache beside a temporary name and renames it, so that a concurrent run reads either no
 * cache or a whole one, and removes the caches of the bundle's other builds. A cache that cannot be
 * written costs only the next start's time: nothing is reported.
 */
function writeCache(script: Script, cacheFile: string, cacheDir: string, bundle: string): void {
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    mkdirSync(cacheDir, { recursive: true });
    writeFileSync(temporary, Buffer.concat([headerOf(bundle), script.createCachedData()]));
    renameSync(temporary, cacheFile);
    // `tui-HASH.js` → the caches of `tui-*.js` whose hash is another.
    const name = path.basename(bundle, '.js');
    const prefix = name.slice(0, name.lastIndexOf('-') + 1);
    for (const entry of readdirSync(cacheDir)) {
      if (prefix && entry.startsWith(prefix) && entry.endsWith('.cache') && !entry.startsWith(`${name}.`))
        rmSync(path.join(cacheDir, entry), { force: true });
    }
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // A temporary file left behind is never read.
    }
  }
}

// How the build writes a bundle that source/startup/code-cache.ts loads (the TUI's): one function
// around esbuild's CommonJS output, given the module scope and `loadES`, which does `import()` for a
// script compiled through `vm` (scripts/build.mjs makes the bundle's `import()`s of the subsystems
// apart calls of it). Run as a script, the file's value is that function; required as a module
// (which the loader does for Node to map stack traces with `--enable-source-maps`), it is its
// `module.exports`.

/** Its name has the length of `import`: replacing one with the other keeps the source map exact. */
export const LOAD_ES = 'loadES';

export const bundleFunction = {
  banner: `(typeof module == "object" ? (f) => (module.exports = f) : (f) => f)(function (exports, require, module, __filename, __dirname, ${LOAD_ES}) {`,
  footer: '})',
};

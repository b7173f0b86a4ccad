// What the bundle gets for `import process from 'node:process'` (env-paths, Ink and its helpers): the
// global `process`, which is the object node:process exports. Imported as an ES module, node:process
// makes Node build a namespace of every property of `process`, which runs its lazy getters (the
// diagnostic report's module among them): about 8 ms at every start (docs/performance.md).
// Only the names the bundled packages import by name are exported here; the build fails on any other.
export default process;
export const { cwd, env } = process;

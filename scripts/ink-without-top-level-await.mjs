import { readFile } from 'node:fs/promises';

// Ink's reconciler has two top-level `await`s, both only when the DEV environment variable is set: it
// then connects React's devtools and reads Ink's package.json for them. A CommonJS bundle (the TUI's,
// see scripts/build.mjs) cannot hold a top-level `await`, and the bundle has no devtools to connect
// (react-devtools-core is stubbed). The build starts the devtools' module without waiting for it and
// names no package for them. Each replacement is exact and checked on every build: an Ink that reads
// otherwise fails the build.
const replacements = [
  ["await import('./devtools.js');", "void import('./devtools.js');"],
  ['? await loadPackageJson()', '? { name: undefined, version: undefined }'],
];

export const inkWithoutTopLevelAwait = {
  name: 'ink-without-top-level-await',
  setup(build) {
    build.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, async (args) => {
      let source = await readFile(args.path, 'utf8');
      for (const [from, to] of replacements) {
        if (source.split(from).length !== 2)
          throw new Error(
            `${args.path} no longer reads "${from}" once; see scripts/ink-without-top-level-await.mjs`,
          );
        source = source.replace(from, to);
      }
      return { contents: source, loader: 'js' };
    });
  },
};

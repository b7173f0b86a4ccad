import { readFile } from 'node:fs/promises';
import path from 'node:path';

// Yoga (Ink's layout engine) is an Emscripten build of C++ to WebAssembly. Its entry module
// (`yoga-layout`) waits for the WebAssembly with a top-level `await`, which a CommonJS bundle cannot
// hold, and its loader reads the WebAssembly from a base64 `data:` URL with `fetch` whenever a global
// `fetch` exists (on Node, the first `fetch` loads Node's own copy of undici to read a string already
// in memory). The build gives Yoga its WebAssembly the way Emscripten documents for embedders, a
// `Module.instantiateWasm` that instantiates it synchronously, so that Yoga is ready when its module
// has run, as it was after the `await`:
// - the entry module is replaced by one that does so and exports what `yoga-layout` exports;
// - the loader's base64 moves into that module (the loader keeps an empty `data:` URL that it never
//   reads), so that the bundle holds the bytes once.
// Each replacement is exact and checked on every build: a Yoga whose files read otherwise fails the
// build (docs/performance.md, "The TUI's bundle and its code cache").
const DATA_URL = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/g;
const ENTRY = [
  "import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
  'import wrapAssembly from "./wrapAssembly.js";',
  'const Yoga = wrapAssembly(await loadYoga());',
  'export default Yoga;',
  'export * from "./generated/YGEnums.js";',
];

export const yogaAtLoad = {
  name: 'yoga-at-load',
  setup(build) {
    const base64 = new Map();
    const loaderOf = (dir) => path.join(dir, '../binaries/yoga-wasm-base64-esm.js');
    const readBase64 = async (loader) => {
      const source = await readFile(loader, 'utf8');
      const found = [...source.matchAll(DATA_URL)];
      if (found.length !== 1)
        throw new Error(
          `${loader}: the WebAssembly is no longer one base64 data: URL; see scripts/yoga-at-load.mjs`,
        );
      return { source, base64: found[0][1] };
    };
    build.onLoad({ filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const missing = ENTRY.filter((line) => !source.includes(line));
      if (missing.length > 0)
        throw new Error(`${args.path} no longer reads "${missing[0]}"; see scripts/yoga-at-load.mjs`);
      const loader = loaderOf(path.dirname(args.path));
      if (!base64.has(loader)) base64.set(loader, (await readBase64(loader)).base64);
      return {
        contents: [
          "import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
          "import wrapAssembly from './wrapAssembly.js';",
          `const wasm = ${JSON.stringify(base64.get(loader))};`,
          'const yoga = {',
          '  instantiateWasm(imports, receiveInstance) {',
          "    const module = new WebAssembly.Module(Buffer.from(wasm, 'base64'));",
          '    receiveInstance(new WebAssembly.Instance(module, imports));',
          '    return {};',
          '  },',
          '};',
          // With the instance given synchronously, Emscripten runs Yoga's start before it returns:
          // its classes are on `yoga` from here on.
          'loadYoga(yoga);',
          'const Yoga = wrapAssembly(yoga);',
          'export default Yoga;',
          "export * from './generated/YGEnums.js';",
        ].join('\n'),
        loader: 'js',
        resolveDir: path.dirname(args.path),
      };
    });
    build.onLoad(
      { filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ },
      async (args) => {
        const { source } = await readBase64(args.path);
        return {
          contents: source.replace(DATA_URL, '"data:application/octet-stream;base64,"'),
          loader: 'js',
        };
      },
    );
  },
};

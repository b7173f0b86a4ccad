import { readFile } from 'node:fs/promises';

// Yoga (Ink's layout engine) carries its WebAssembly as a base64 data: URL. Its Emscripten loader
// reads it with `fetch` whenever a global `fetch` exists, and on Node the first call of `fetch` loads
// Node's own HTTP client, undici, for one data: URL; the loader's other way, decoding the base64
// itself, gives the same bytes. The build keeps that way only (docs/performance.md has the
// measurement). Checked on every build: a Yoga whose loader reads otherwise fails the build.
export const yogaWithoutFetch = {
  name: 'yoga-without-fetch',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        const choice = 'w||"function"!=typeof fetch?';
        if (source.split(choice).length !== 2)
          throw new Error(`${args.path}: the wasm loader no longer reads "${choice}"; see yogaWithoutFetch`);
        return { contents: source.replace(choice, '!0?'), loader: 'js' };
      },
    );
  },
};

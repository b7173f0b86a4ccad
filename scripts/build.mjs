// Bundles cli.tsx into one ESM file so that the binary starts fast (see ../shared/style.md:
// a bundle reaches Ink's first frame in about half the time of plain tsc output).
import { chmod, readFile } from 'node:fs/promises';
import { build } from 'esbuild';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

await build({
  entryPoints: ['cli.tsx'],
  outfile: 'dist/cli.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: false,
  sourcemap: 'linked',
  legalComments: 'none',
  define: {
    'process.env.NODE_ENV': '"production"',
    __VERSION__: JSON.stringify(pkg.version),
  },
  // Ink imports react-devtools-core only when DEV is set; stub it so the bundle needs no such package.
  alias: { 'react-devtools-core': './scripts/devtools-stub.mjs' },
  banner: {
    js: [
      '#!/usr/bin/env node',
      "import { createRequire as __cnCreateRequire } from 'node:module';",
      'const require = __cnCreateRequire(import.meta.url);',
    ].join('\n'),
  },
  logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);

// Bundles cli.tsx into one self-contained ESM package (no runtime dependencies) that starts fast:
// a bundle reaches Ink's first frame in about half the time of plain tsc output, and a minified one
// parses less (docs/performance.md has the figures, `npm run bench startup` measures them).
import { spawnSync } from 'node:child_process';
import { chmod, readFile, rm } from 'node:fs/promises';
import { build } from 'esbuild';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

// Chunk names carry a content hash: without a clean folder, old chunks would pile up and be packed.
await rm('dist', { recursive: true, force: true });

// zod's classic API exposes `z.locales`: the error messages of some forty languages, 258 KB of the
// 443 KB that zod adds to the bundle, read and compiled at every start of every command that parses
// an answer. clever-notify speaks English, which zod sets as its default by itself, and never reads
// `z.locales`: the namespace keeps English only (docs/performance.md has the measurement).
const englishOnlyZod = {
  name: 'english-only-zod',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic|core|mini)[\\/]/.test(args.importer)
        ? { path: new URL('./zod-locales-en.mjs', import.meta.url).pathname }
        : undefined,
    );
  },
};

const define = {
  'process.env.NODE_ENV': '"production"',
  __VERSION__: JSON.stringify(pkg.version),
};
// The bundle's code reads CommonJS packages (commander) through this `require`.
const requireBanner = [
  "import { createRequire as __cnCreateRequire } from 'node:module';",
  'const require = __cnCreateRequire(import.meta.url);',
].join('\n');

// What the root --help says, read from the program's one definition (source/commands/program.ts) by
// running it once here: cli.tsx lays it out for the terminal without loading commander.
const helpReader = await build({
  stdin: {
    contents:
      "import { createProgram, rootHelpOf } from './source/commands/program.js';\n" +
      'process.stdout.write(JSON.stringify(rootHelpOf(createProgram())));',
    resolveDir: '.',
    loader: 'ts',
  },
  bundle: true,
  // Run here, where node_modules is: the packages need not be bundled.
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  define,
  write: false,
  logLevel: 'warning',
});
const helpRun = spawnSync(process.execPath, ['--input-type=module'], {
  input: helpReader.outputFiles[0].text,
  encoding: 'utf8',
});
if (helpRun.status !== 0) throw new Error(`reading the root help failed:\n${helpRun.stderr}`);
const rootHelp = helpRun.stdout;

await build({
  entryPoints: ['cli.tsx'],
  outdir: 'dist',
  entryNames: '[name]',
  // Each command's implementation is its own chunk, loaded by the command's dynamic import: a short
  // command parses less code and holds less memory (measured: --version 0.20 → 0.08 s, 68 → 46 MB;
  // a sandbox with 10,000 hooks 99.5 → 87 MB RSS).
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Less to read and parse at every start. The maps (not packed) turn a stack trace back into
  // source lines: `node --enable-source-maps dist/cli.js …`.
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  // A string, inlined where it is used (an object would become a module of its own).
  define: { ...define, __ROOT_HELP__: JSON.stringify(rootHelp) },
  // Ink imports react-devtools-core only when DEV is set; stub it so the bundle needs no such package.
  alias: { 'react-devtools-core': './scripts/devtools-stub.mjs' },
  banner: { js: `#!/usr/bin/env node\n${requireBanner}` },
  plugins: [englishOnlyZod],
  logLevel: 'warning',
});
await chmod('dist/cli.js', 0o755);

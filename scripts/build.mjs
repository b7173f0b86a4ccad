// Bundles cli.tsx into one self-contained package (no runtime dependencies) that starts fast: a
// bundle reaches Ink's first frame in about half the time of plain tsc output, and a minified one
// parses less (docs/performance.md has the figures, `npm run bench startup` measures them). Four
// parts: `dist/cli.js` (--version, --help), `dist/commands.js` (every command line), the TUI
// (`dist/tui-HASH.js`, below) and the subsystems that some commands load (`dist/apart/`, below). The
// first three are CommonJS, the subsystems ES modules: an ES module entry makes Node load its ES
// module loader at every start, which the commands that answer and exit do not need
// (docs/performance.md); `import()` from CommonJS loads it when a subsystem is first imported.
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';
import { bundleFunction, LOAD_ES } from './bundle-function.mjs';
import { inkOutputReused } from './ink-output-reused.mjs';
import { inkWithoutTopLevelAwait } from './ink-without-top-level-await.mjs';
import { stringWidthOnce } from './string-width.mjs';
import { styledCharsOneShape } from './styled-chars-one-shape.mjs';
import { yogaAtLoad } from './yoga-at-load.mjs';

const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8'));

// Chunk names carry a content hash: without a clean folder, old chunks would pile up and be packed.
await rm('dist', { recursive: true, force: true });
await mkdir('dist', { recursive: true });

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

// `node:process` is the global `process`; the bundle reads it as such (scripts/process-global.mjs
// says why).
const processIsGlobal = {
  name: 'process-is-global',
  setup(build) {
    // ES module imports only: a CommonJS `require('node:process')` (commander) gets the object itself.
    build.onResolve({ filter: /^(node:)?process$/ }, (args) =>
      args.kind === 'import-statement'
        ? { path: new URL('./process-global.mjs', import.meta.url).pathname }
        : undefined,
    );
  },
};

// In the CommonJS bundles, `import('node:…')` stays an `import()`, which would load Node's ES module
// loader at that moment: a builtin imported where it is used (`node:https` at the first https
// request) is `require`d there instead.
const builtinsRequiredWhereUsed = {
  name: 'builtins-required-where-used',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: args.path, namespace: 'builtin-required' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'builtin-required' }, (args) => ({
      contents: `module.exports = require(${JSON.stringify(args.path)});`,
      loader: 'js',
    }));
  },
};

// commander requires `node:child_process` when it loads (with `dgram` and more under it), to spawn the
// executable subcommands that clever-notify never declares: it gets that module at its first spawn.
const commanderSpawnsLazily = {
  name: 'commander-spawns-lazily',
  setup(build) {
    build.onResolve({ filter: /^node:child_process$/ }, (args) =>
      args.kind === 'require-call' && /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer)
        ? { path: 'commander-child-process', namespace: 'commander-spawns-lazily' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'commander-spawns-lazily' }, () => ({
      contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);",
      loader: 'js',
    }));
  },
};

const define = {
  'process.env.NODE_ENV': '"production"',
  __VERSION__: JSON.stringify(pkg.version),
};
// The subsystems' code reads CommonJS packages through this `require`.
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

// The subsystems that a command loads only when it runs them: the sandbox (the `sandbox` command, the
// embedded one when there are no credentials, its files for `sandbox trigger`), the live feed
// (`tail`, `listen`) and the notifications file (YAML, for `export`, `plan`, `apply`). They are built
// apart, with code splitting, as `dist/apart/NAME.js`, which the commands' bundle and the TUI's import
// when they run. Each bundle has its own copy of the modules both use (a UserError is
// recognised across them: source/domain/errors.ts).
const apart = {
  'sandbox-run': 'source/sandbox/run.ts',
  'sandbox-events': 'source/sandbox/extensions/events-plugin.ts',
  'sandbox-start': 'source/sandbox/start.ts',
  'sandbox-lock': 'source/sandbox/lock.ts',
  'sandbox-trigger': 'source/commands/sandbox-trigger-actions.ts',
  'tail-run': 'source/commands/tail/run.ts',
  'tail-wait': 'source/commands/tail/wait.ts',
  'listen-run': 'source/commands/listen/run.ts',
  'as-code': 'source/commands/as-code-actions.ts',
};
const apartByPath = new Map(Object.entries(apart).map(([name, file]) => [path.resolve(file), name]));
// What the commands' bundle must not hold, since every command reads and parses all of it at start.
const notWithTheCommands =
  /^(source\/(ui|api\/live)\/|source\/sandbox\/(?!paths\.ts$)|node_modules\/(ink|react|undici|yaml|zod\/v4\/classic)\/)/;

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Less to read and parse at every start. The maps (not packed) turn a stack trace back into
  // source lines: `node --enable-source-maps dist/cli.js …`.
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  logLevel: 'warning',
};

// A dynamic import of a subsystem of `apart` stays an import of its own bundle, from the entry and
// from the commands alike.
const subsystemsApart = {
  name: 'subsystems-apart',
  setup(build) {
    build.onResolve({ filter: /^\./ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData === 'apart') return undefined;
      const { path: file } = await build.resolve(args.path, {
        kind: args.kind,
        importer: args.importer,
        resolveDir: args.resolveDir,
        pluginData: 'apart',
      });
      const name = apartByPath.get(file);
      return name ? { path: `./apart/${name}.js`, external: true } : undefined;
    });
  },
};

// The TUI: one CommonJS file, `dist/tui-HASH.js` (a hash of its content), that the entry and the
// commands load through V8's code cache (source/startup/code-cache.ts): after the first run, V8 takes
// the code it compiled then rather than parsing and compiling the TUI's modules again at every start
// (docs/performance.md, "The TUI's bundle and its code cache"), written as scripts/bundle-function.mjs
// says.
const tui = await build({
  ...common,
  entryPoints: { tui: 'source/ui/run-tui.tsx' },
  entryNames: '[name]-[hash]',
  outdir: 'dist',
  format: 'cjs',
  metafile: true,
  write: false,
  define,
  // Ink imports react-devtools-core only when DEV is set; stub it so the bundle needs no such package.
  alias: { 'react-devtools-core': './scripts/devtools-stub.mjs' },
  banner: { js: bundleFunction.banner },
  footer: { js: bundleFunction.footer },
  plugins: [
    englishOnlyZod,
    processIsGlobal,
    builtinsRequiredWhereUsed,
    stringWidthOnce,
    yogaAtLoad,
    inkWithoutTopLevelAwait,
    styledCharsOneShape,
    inkOutputReused,
    subsystemsApart,
  ],
});
const tuiFile = tui.outputFiles.find((file) => file.path.endsWith('.js'));
const apartImports = tui.metafile.outputs[path.relative('.', tuiFile.path)].imports.filter(
  (i) => i.kind === 'dynamic-import' && i.external,
);
const apartImport = /\bimport\("(\.\/apart\/[\w-]+\.js)"\)/g;
const tuiCode = tuiFile.text.replace(apartImport, `${LOAD_ES}("$1")`);
const replaced = tuiFile.text.match(apartImport)?.length ?? 0;
if (LOAD_ES.length !== 'import'.length || replaced !== apartImports.length)
  throw new Error(
    `the TUI's bundle imports ${apartImports.length} subsystems apart, and ${replaced} such imports were made calls of ${LOAD_ES}: see scripts/build.mjs`,
  );
for (const file of tui.outputFiles) await writeFile(file.path, file === tuiFile ? tuiCode : file.contents);
// The entry and the commands load the TUI's bundle for `import('…/ui/run-tui.js')`.
const tuiBundle = {
  name: 'tui-bundle',
  setup(build) {
    build.onResolve({ filter: /(^|\/)ui\/run-tui\.js$/ }, (args) =>
      args.kind === 'dynamic-import' ? { path: 'tui', namespace: 'tui-bundle' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'tui-bundle' }, () => ({
      contents: [
        `const { requireBundle } = require(${JSON.stringify(path.resolve('source/startup/code-cache.ts'))});`,
        `module.exports = requireBundle(require('node:path').join(__dirname, ${JSON.stringify(path.basename(tuiFile.path))})).exports;`,
      ].join('\n'),
      loader: 'js',
      resolveDir: '.',
    }));
  },
};

// The entry: `--version` and `--help` answered alone, the TUI opened, anything else loads the
// commands' bundle (`require`d: an `import()` would load the ES module loader).
await build({
  ...common,
  entryPoints: ['cli.tsx'],
  outfile: 'dist/cli.js',
  format: 'cjs',
  // A string, inlined where it is used (an object would become a module of its own).
  define: { ...define, __ROOT_HELP__: JSON.stringify(rootHelp) },
  banner: { js: '#!/usr/bin/env node' },
  plugins: [
    {
      name: 'commands-bundle',
      setup(build) {
        build.onResolve({ filter: /\/commands\/program\.js$/ }, (args) =>
          args.kind === 'dynamic-import' ? { path: 'commands', namespace: 'commands-bundle' } : undefined,
        );
        build.onResolve({ filter: /^\.\/commands\.js$/ }, () => ({ path: './commands.js', external: true }));
        build.onLoad({ filter: /.*/, namespace: 'commands-bundle' }, () => ({
          contents: "module.exports = require('./commands.js');",
          loader: 'js',
        }));
      },
    },
    tuiBundle,
    subsystemsApart,
  ],
});

// The commands: the parser, every command's declaration, the implementations of those that answer and
// exit, and the API client, in one file. Each module of an ES module graph costs the loader a
// resolution, a read and a compilation; with code splitting, esbuild made every set of modules
// shared by a different set of dynamic imports into a chunk of its own, and \`webhooks -F json\` read
// 32 files (docs/performance.md has the measurement).
const commands = await build({
  ...common,
  entryPoints: { commands: 'source/commands/program.ts' },
  outdir: 'dist',
  metafile: true,
  format: 'cjs',
  define,
  plugins: [
    englishOnlyZod,
    processIsGlobal,
    builtinsRequiredWhereUsed,
    commanderSpawnsLazily,
    stringWidthOnce,
    tuiBundle,
    subsystemsApart,
  ],
});
// A static import of a builtin is loaded when its module is, which for most modules is when any
// command runs: these load crypto, so they are imported where they are used
// (source/api/http-request.ts).
const atStart = Object.values(commands.metafile.inputs)
  .flatMap((input) => input.imports)
  .filter((i) => i.kind === 'import-statement' && /^node:(crypto|tls|https)$/.test(i.path))
  .map((i) => i.path);
const misplaced = [
  ...Object.keys(commands.metafile.inputs).filter((file) => notWithTheCommands.test(file)),
  ...atStart,
];
if (misplaced.length > 0)
  throw new Error(
    `the commands' bundle holds ${misplaced.slice(0, 5).join(', ')}, which every command would load at start: see \`apart\` and \`atStart\` in scripts/build.mjs`,
  );

await build({
  ...common,
  entryPoints: Object.fromEntries(Object.entries(apart).map(([name, file]) => [`apart/${name}`, file])),
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  define,
  banner: { js: requireBanner },
  plugins: [englishOnlyZod, processIsGlobal, stringWidthOnce],
});
// The package is `"type": "module"`: these say which files of dist/ are CommonJS (cli.js, commands.js).
await writeFile('dist/package.json', `${JSON.stringify({ type: 'commonjs' })}\n`);
for (const dir of ['dist/apart', 'dist/chunks'])
  await writeFile(`${dir}/package.json`, `${JSON.stringify({ type: 'module' })}\n`);
await chmod('dist/cli.js', 0o755);

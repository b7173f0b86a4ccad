// Writes schema/notifications.schema.json, the JSON Schema of the notifications file, from its zod
// schema (source/as-code/file-schema.ts); test/as-code/schema.test.ts checks that the two agree.
// `npm run schema` after a change of the file's shape.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const dir = await mkdtemp(path.join(os.tmpdir(), 'clever-notify-schema-'));
try {
  const bundle = path.join(dir, 'file-schema.mjs');
  await build({
    entryPoints: ['source/as-code/file-schema.ts'],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    define: { __VERSION__: '"0.0.0"' },
    logLevel: 'warning',
  });
  const { notificationsJsonSchema } = await import(pathToFileURL(bundle).href);
  await writeFile(
    'schema/notifications.schema.json',
    `${JSON.stringify(notificationsJsonSchema(), null, 2)}\n`,
  );
  // In the repository's JSON style, so that `biome check` passes on the file as written.
  execFileSync('node_modules/.bin/biome', ['format', '--write', 'schema/notifications.schema.json'], {
    stdio: 'ignore',
  });
} finally {
  await rm(dir, { recursive: true, force: true });
}

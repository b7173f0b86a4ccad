// `npm run bench [NAME…]`: runs every bench/*.bench.mjs (or those whose name contains NAME), one after
// the other so that they do not disturb each other's figures, and prints what each measures.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';

const filters = process.argv.slice(2);
const dir = new URL('.', import.meta.url);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => filters.length === 0 || filters.some((n) => f.includes(n)))
  .sort();

let failed = 0;
for (const file of files) {
  process.stdout.write(`\n== ${file}\n`);
  const run = spawnSync(process.execPath, [new URL(file, dir).pathname], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
if (files.length === 0) process.stdout.write('no benchmark matched\n');
process.exitCode = failed ? 1 : 0;

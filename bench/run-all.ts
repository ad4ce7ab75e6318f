/** `npm run bench`: every benchmark in turn, each in its own process so none inherits another's warm caches. */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const benchmarks = readdirSync(__dirname)
  .filter((file) => file.endsWith('.bench.ts'))
  .sort();
let failed = 0;
for (const file of benchmarks) {
  console.log(`\n== ${file}`);
  const result = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, file)], {
    stdio: 'inherit',
    cwd: join(__dirname, '..'),
  });
  if (result.status !== 0) failed++;
}
process.exit(failed === 0 ? 0 : 1);

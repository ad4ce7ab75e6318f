/**
 * `npm run bench`: every part in turn; `npm run bench -- <part> [<part>…]`: those parts only. Each part runs in its
 * own process (none inherits another's warm caches) within its time limit, prints its figures with their ratio to a
 * baseline measured in the same run, and its result replaces that part's in bench/results/latest.json and latest.md.
 */
import { fork } from 'node:child_process';
import { join } from 'node:path';
import type { PartMessage, PartResult } from './harness/figures';
import { partNamed, PARTS, type PartEntry } from './harness/parts';
import { readResults, writeResults } from './harness/results';

/** After its own limit a part has this long to clean up before it is killed. */
const KILL_GRACE_MS = 45_000;

function runPart(entry: PartEntry, env: Record<string, string>): Promise<PartResult | undefined> {
  return new Promise((resolve) => {
    const child = fork(join(__dirname, 'parts', entry.file), [], {
      execArgv: ['-r', '@swc-node/register'],
      cwd: join(__dirname, '..'),
      env: { ...process.env, ...env },
    });
    let result: PartResult | undefined;
    child.on('message', (message: PartMessage) => {
      if (message.kind === 'part-result') result = message.result;
    });
    const stop = setTimeout(() => child.kill('SIGTERM'), entry.timeLimitMs + 5_000);
    const kill = setTimeout(() => child.kill('SIGKILL'), entry.timeLimitMs + KILL_GRACE_MS);
    child.on('exit', (code) => {
      clearTimeout(stop);
      clearTimeout(kill);
      if (code !== 0) console.error(`${entry.name} failed (exit ${code})`);
      resolve(result);
    });
  });
}

async function main(): Promise<void> {
  const names = process.argv.slice(2);
  const unknown = names.filter((name) => !partNamed(name));
  if (unknown.length > 0) {
    console.error(`unknown part(s): ${unknown.join(', ')}; the parts are ${PARTS.map((part) => part.name).join(', ')}`);
    process.exit(2);
  }
  const selected = names.length === 0 ? PARTS : PARTS.filter((part) => names.includes(part.name));
  const env: Record<string, string> = {};
  let failed = 0;
  for (const entry of selected) {
    const result = await runPart(entry, env);
    if (!result) {
      failed++;
      continue;
    }
    const results = readResults();
    results.parts[entry.name] = result;
    await writeResults(results);
    // A later part of the same run loads the platform relative to what this one measured.
    const sustained = result.figures.find((figure) => figure.name === 'ingest_msgs_per_s');
    if (sustained) env.BENCH_INGEST_MSGS_PER_S = String(sustained.value);
  }
  console.log(
    `\nresults: bench/results/latest.json and bench/results/latest.md${failed ? `; ${failed} part(s) failed` : ''}`,
  );
  process.exit(failed === 0 ? 0 : 1);
}

void main();

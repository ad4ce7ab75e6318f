/**
 * `node -r @swc-node/register bench/cpu-profile-summary.ts <file.cpuprofile> [rows]`: where a process spent its time,
 * by self time, in per cent of the samples: by package or source folder, then by function. For the profiles a bench
 * writes with `BENCH_CPU_PROFILE=<folder>` (see bench/harness/cpu-profile.preload.ts).
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  startTime: number;
  endTime: number;
}

const [file, rows = '25'] = process.argv.slice(2);
if (!file) throw new Error('usage: cpu-profile-summary.ts <file.cpuprofile> [rows]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const byFunction = new Map<string, number>();
const byPlace = new Map<string, number>();
const add = (totals: Map<string, number>, key: string) => totals.set(key, (totals.get(key) ?? 0) + 1);

for (const id of profile.samples) {
  const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
  const source = url.replace(/^.*node_modules\//, '').replace(/^file:\/\/|^.*?\/(?=(apps|libs|bench)\/)/, '');
  add(byFunction, `${functionName || '(anonymous)'} ${source ? `${source}:${lineNumber + 1}` : ''}`);
  add(byPlace, url ? placeOf(url) : functionName);
}

/** The package, node's own module, or the project's app or library a script belongs to. */
function placeOf(url: string): string {
  const dependency = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (dependency) return dependency[1];
  if (url.startsWith('node:')) return url.split('/')[0];
  return /(apps|libs|bench)\/[^/]+/.exec(url)?.[0] ?? url;
}

const total = profile.samples.length;
const idle = byPlace.get('(idle)') ?? 0;
const show = (title: string, totals: Map<string, number>) => {
  console.log(`-- ${title}`);
  for (const [key, count] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(rows)))
    console.log(`${((100 * count) / total).toFixed(1).padStart(5)} %  ${key}`);
};
const seconds = (profile.endTime - profile.startTime) / 1e6;
console.log(
  `${file}: ${total} samples in ${seconds.toFixed(1)} s, busy ${((100 * (total - idle)) / total).toFixed(1)} %`,
);
show('by package or folder (self time)', byPlace);
show('by function (self time)', byFunction);

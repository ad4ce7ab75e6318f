import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { formatRatio, formatValue, type PartResult } from './figures';
import { PARTS } from './parts';

export const RESULTS_DIR = join(__dirname, '../results');
const JSON_FILE = join(RESULTS_DIR, 'latest.json');
const MARKDOWN_FILE = join(RESULTS_DIR, 'latest.md');
const README = join(__dirname, '../../README.md');
const README_START = '<!-- bench-table:start -->';
const README_END = '<!-- bench-table:end -->';

/** The last measured figures of every part: a run of some parts replaces those parts only. */
export interface Results {
  parts: Record<string, PartResult>;
}

export function readResults(): Results {
  try {
    return JSON.parse(readFileSync(JSON_FILE, 'utf8')) as Results;
  } catch {
    return { parts: {} };
  }
}

export async function writeResults(results: Results): Promise<void> {
  const ordered: Results = { parts: {} };
  for (const { name } of PARTS) if (results.parts[name]) ordered.parts[name] = results.parts[name];
  writeFileSync(JSON_FILE, await formatted(JSON.stringify(ordered, null, 2), JSON_FILE));
  const table = await formatted(markdownTable(ordered), MARKDOWN_FILE);
  writeFileSync(MARKDOWN_FILE, table);
  await showInReadme(table);
}

/** As the project's Prettier settings would write it, so that the files pass `npm run lint`. */
async function formatted(text: string, file: string): Promise<string> {
  return format(text, { ...(await resolveConfig(file)), filepath: file });
}

/** The README's Benchmarks section shows the same table, between its two markers. */
async function showInReadme(table: string): Promise<void> {
  const readme = readFileSync(README, 'utf8');
  const [start, end] = [readme.indexOf(README_START), readme.indexOf(README_END)];
  if (start < 0 || end < start) throw new Error(`README.md has no ${README_START} … ${README_END} section`);
  const updated = `${readme.slice(0, start + README_START.length)}\n\n${table}\n${readme.slice(end)}`;
  writeFileSync(README, await formatted(updated, README));
}

/** The figure of a part in the last results, if it was measured. */
export function lastFigure(part: string, figure: string): number | undefined {
  return readResults().parts[part]?.figures.find((candidate) => candidate.name === figure)?.value;
}

function markdownTable(results: Results): string {
  const lines = [
    '| part | figure | value | unit | ratio to its baseline | measured (load average before → after, cores) |',
    '|---|---|---:|---|---|---|',
  ];
  const notes: string[] = [];
  for (const result of Object.values(results.parts)) {
    const when = `${result.measuredAt.slice(0, 16).replace('T', ' ')} UTC (${result.machine.loadBefore} → ${result.machine.loadAfter}, ${result.machine.cores})`;
    result.figures.forEach((figure, index) => {
      lines.push(
        `| ${index === 0 ? result.part : ''} | \`${figure.name}\` | ${formatValue(figure.value)} | ${figure.unit} | ${formatRatio(figure)} | ${index === 0 ? when : ''} |`,
      );
    });
    notes.push(...result.notes.map((note) => `- ${result.part}: ${note}`));
  }
  if (notes.length > 0) lines.push('', 'Notes:', '', ...notes);
  return `${lines.join('\n')}\n`;
}

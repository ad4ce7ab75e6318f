import { cpus, loadavg } from 'node:os';

/** One measured number; a figure with a `baseline` names another figure of the same part, measured in the same run. */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The name of the figure this one is compared with; the ratio is value / baseline. */
  baseline?: string;
  ratio?: number;
}

/** What one part measured, and under which conditions. */
export interface PartResult {
  part: string;
  measuredAt: string;
  seconds: number;
  /** The machine's 1-minute load average at the start and at the end of the part, and its cores. */
  machine: { cores: number; loadBefore: number; loadAfter: number };
  figures: Figure[];
  /** What was scaled down or could not be measured, and why. */
  notes: string[];
}

/** The message a part sends to `npm run bench` when it is done. */
export interface PartMessage {
  kind: 'part-result';
  result: PartResult;
}

/** Collects a part's figures, sets each ratio from its baseline, and prints them as they come. */
export class FigureSheet {
  readonly figures: Figure[] = [];
  readonly notes: string[] = [];

  add(name: string, value: number, unit: string, baseline?: string): Figure {
    const figure: Figure = { name, value, unit };
    if (baseline !== undefined) {
      const base = this.figures.find((candidate) => candidate.name === baseline);
      if (!base) throw new Error(`${name}: baseline ${baseline} has not been measured yet`);
      figure.baseline = baseline;
      figure.ratio = base.value === 0 ? Number.NaN : value / base.value;
    }
    this.figures.push(figure);
    console.log(`  ${formatFigure(figure)}`);
    return figure;
  }

  note(text: string): void {
    this.notes.push(text);
    console.log(`  note: ${text}`);
  }
}

export function formatValue(value: number): string {
  if (value === null || !Number.isFinite(value)) return String(value);
  const digits = Math.abs(value) >= 100 || Number.isInteger(value) ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function formatRatio(figure: Figure): string {
  if (figure.ratio === undefined) return '';
  // A ratio to a zero baseline is NaN, which JSON keeps as null.
  if (figure.ratio === null || !Number.isFinite(figure.ratio)) return `n/a (${figure.baseline})`;
  return `${figure.ratio.toFixed(2)}x ${figure.baseline}`;
}

export function formatFigure(figure: Figure): string {
  return `${figure.name.padEnd(40)} ${formatValue(figure.value).padStart(12)} ${figure.unit.padEnd(8)} ${formatRatio(figure)}`;
}

export function machineLoad(): number {
  return Number(loadavg()[0].toFixed(2));
}

export function coreCount(): number {
  return cpus().length;
}

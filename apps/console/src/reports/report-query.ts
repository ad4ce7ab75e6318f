import type { ReportTable } from '@eldercare/contracts';
import { centreDateOf } from '../shared/work-orders';

/** The centre's month at `now`, `YYYY-MM`. */
export function centreMonth(now: number): string {
  return centreDateOf(now).slice(0, 7);
}

/** The report's query string; the whole scope when no region is chosen. */
export function reportQuery(month: string, regionId: string, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams({ month });
  if (regionId) query.set('regionId', regionId);
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query.toString();
}

/** A plain link that downloads one table as CSV. */
export function csvLink(month: string, regionId: string, table: string): string {
  return `/api/reports/monthly?${reportQuery(month, regionId, { format: 'csv', table })}`;
}

/** A plain link that downloads every table of the month as an Excel workbook. */
export function workbookLink(month: string, regionId: string): string {
  return `/api/reports/monthly?${reportQuery(month, regionId, { format: 'xlsx' })}`;
}

export interface Bar {
  label: string;
  values: number[];
}

const asNumber = (cell: string | number | null | undefined): number =>
  typeof cell === 'number' ? cell : Number(cell) || 0;

/** The `alerts` table (rule, severity, count) as one bar per rule, the severities added up, largest first. */
export function alertBars(table: ReportTable): Bar[] {
  const totals = new Map<string, number>();
  for (const row of table.rows) {
    const rule = String(row[0] ?? '');
    totals.set(rule, (totals.get(rule) ?? 0) + asNumber(row[row.length - 1]));
  }
  return [...totals].map(([label, total]) => ({ label, values: [total] })).sort((a, b) => b.values[0] - a.values[0]);
}

/**
 * The `response` table as a pair of bars per severity: the share answered within the target and within the worst
 * time (its 4th and 5th columns, percentages). A severity without alerts has no shares and no bars.
 */
export function responseBars(table: ReportTable): { series: string[]; bars: Bar[] } {
  return {
    series: [table.columns[3] ?? '', table.columns[4] ?? ''],
    bars: table.rows
      .filter((row) => row[3] !== null && row[4] !== null)
      .map((row) => ({ label: String(row[0] ?? ''), values: [asNumber(row[3]), asNumber(row[4])] })),
  };
}

import type { ReportTable } from '@eldercare/contracts';

/** Excel reads a CSV file as the local code page (GBK in China) unless it starts with this mark. */
const UTF8_BOM = '\uFEFF';

/**
 * What a spreadsheet takes for the start of a formula (tab and carriage return too, as OWASP advises): a cell that
 * begins with one is written with a leading `'`, so that a name such as `=HYPERLINK(…)` stays text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Only text is defused: a number cell is written as the number, so `-3` stays a number. */
function cellOf(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A report table as a CSV file that Excel opens correctly: a UTF-8 byte-order mark, the column headers, then one
 * record per row, fields quoted as RFC 4180 says (only where a comma, quote or line break needs it, quotes doubled),
 * records ended by CRLF.
 */
export function reportCsv(table: Pick<ReportTable, 'columns' | 'rows'>): string {
  const records = [table.columns, ...table.rows].map((cells) => `${cells.map(cellOf).join(',')}\r\n`);
  return UTF8_BOM + records.join('');
}

import type { ImportProblem, ImportReport } from '@eldercare/contracts';

function isProblem(value: unknown): value is ImportProblem {
  if (typeof value !== 'object' || value === null) return false;
  const { line, column, message } = value as Record<string, unknown>;
  return typeof line === 'number' && typeof column === 'string' && typeof message === 'string';
}

function reportIn(value: unknown): ImportReport | null {
  if (typeof value !== 'object' || value === null) return null;
  const { imported, problems } = value as Record<string, unknown>;
  if (!Array.isArray(problems) || !problems.every(isProblem)) return null;
  return { imported: typeof imported === 'number' ? imported : 0, problems };
}

const field = (value: unknown, name: string): unknown =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[name] : undefined;

/**
 * The report in an import's answer. The contract says only "422 with the errors": the api sends the report as the
 * `details` of its usual `{ error }` body; the report as the body itself (the 200) and the problems right inside
 * `error` are read too. Null for a body that is none of these.
 */
export function importReportOf(body: unknown): ImportReport | null {
  const error = field(body, 'error');
  return reportIn(body) ?? reportIn(field(error, 'details')) ?? reportIn(error);
}

/** Problems in file order: by line, then in the order the columns come. */
export function problemsInOrder(problems: readonly ImportProblem[], columns: readonly string[]): ImportProblem[] {
  const place = (column: string) => {
    const at = columns.indexOf(column);
    return at === -1 ? columns.length : at;
  };
  return [...problems].sort((a, b) => a.line - b.line || place(a.column) - place(b.column));
}

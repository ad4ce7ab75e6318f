/** What an entry's subject points at, when the console has a page for it. */
export type SubjectTarget = { kind: 'alert' | 'elder'; id: string } | null;

/** `alert:<id>` and `elder:<id>` open the case and the elder; other subjects are shown as text. */
export function subjectTarget(subject: string): SubjectTarget {
  const match = /^(alert|elder):(.+)$/.exec(subject);
  return match ? { kind: match[1] as 'alert' | 'elder', id: match[2] } : null;
}

const isPlain = (value: unknown) =>
  typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || value === undefined) return '—';
  // A list of names or codes reads better as a list than as JSON.
  if (Array.isArray(value) && value.every(isPlain)) return value.join(', ');
  return JSON.stringify(value);
}

/** The entry's detail as `key: value` lines, in the order the api wrote them; nested values as JSON. */
export function detailLines(detail: Record<string, unknown> | null | undefined): string[] {
  return Object.entries(detail ?? {}).map(([key, value]) => `${key}: ${valueText(value)}`);
}

/**
 * How urgently an alert needs a person, most urgent first.
 * STORED OUTSIDE THE CODE: alerts rows keep these strings. Never rename one without a migration.
 */
export const SEVERITIES = ['critical', 'urgent', 'check-on', 'notice', 'maintenance'] as const;

/** One of `SEVERITIES`. */
export type Severity = (typeof SEVERITIES)[number];

/** True when `value` is a severity (stored rows are text, so they are checked before use). */
export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

/** Labels for the console, zh-CN first. */
export const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = {
  critical: { zh: '危急', en: 'critical' },
  urgent: { zh: '紧急', en: 'urgent' },
  'check-on': { zh: '需探视', en: 'check on the elder' },
  notice: { zh: '提示', en: 'notice' },
  maintenance: { zh: '设备维护', en: 'device maintenance' },
};

/** Comparator that sorts the most severe first: negative when `a` is more severe than `b`, 0 when equal. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

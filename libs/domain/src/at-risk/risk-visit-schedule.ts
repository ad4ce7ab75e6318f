import type { Severity } from '../alerts/severity';
import { DAY_MS } from '../time/durations';

/**
 * How closely an elder at risk is watched (高风险 / 重点 / 一般).
 * STORED OUTSIDE THE CODE: elder_pairs and visit_frequencies rows keep these codes.
 */
export const RISK_LEVELS = ['high', 'key', 'general'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** The national aim: high-risk elders weekly, key elders monthly, the others quarterly. The bureau may change it. */
export const DEFAULT_VISIT_EVERY_DAYS: Record<RiskLevel, number> = { high: 7, key: 30, general: 90 };

/** The days between visits the bureau may set for a level: at least daily, at most yearly. */
export const VISIT_EVERY_DAYS_BOUNDS = { min: 1, max: 366 } as const;

/**
 * Who an elder's named pair is (结对帮扶).
 * STORED OUTSIDE THE CODE: elder_pairs rows keep these codes.
 */
export const PAIR_KINDS = ['caregiver', 'community-worker', 'volunteer', 'party-member', 'neighbour'] as const;
export type PairKind = (typeof PAIR_KINDS)[number];

/** How a visit was made. STORED OUTSIDE THE CODE. */
export const RISK_VISIT_MODES = ['home', 'phone'] as const;
export type RiskVisitMode = (typeof RISK_VISIT_MODES)[number];

/**
 * What a visitor may find, each with the alert it opens for the dispatch centre (none for a finding that is only
 * recorded). STORED OUTSIDE THE CODE: risk_visits rows keep these codes.
 */
export const VISIT_CONCERNS = {
  unwell: { severity: 'urgent', zh: '身体不适', en: 'unwell' },
  unreachable: { severity: 'urgent', zh: '联系不上', en: 'could not be reached' },
  'no-food': { severity: 'urgent', zh: '缺少食物', en: 'no food at home' },
  'unsafe-home': { severity: 'check-on', zh: '居住环境不安全', en: 'home unsafe' },
  'needs-services': { severity: 'check-on', zh: '需要服务', en: 'needs services' },
  lonely: { severity: null, zh: '情绪低落', en: 'low spirits' },
} as const satisfies Record<string, { severity: Severity | null; zh: string; en: string }>;
export type VisitConcern = keyof typeof VISIT_CONCERNS;
export const VISIT_CONCERN_CODES = Object.keys(VISIT_CONCERNS) as VisitConcern[];

const SEVERITY_RANK: readonly Severity[] = ['critical', 'urgent', 'check-on', 'notice', 'maintenance'];

/** The alert a visit's findings open: the gravest of their concerns' severities; none when nothing needs one. */
export function findingAlertSeverity(concerns: readonly VisitConcern[]): Severity | null {
  const severities = concerns
    .map((concern) => VISIT_CONCERNS[concern].severity)
    .filter((severity): severity is Exclude<typeof severity, null> => severity !== null);
  if (severities.length === 0) return null;
  return [...severities].sort((a, b) => SEVERITY_RANK.indexOf(a) - SEVERITY_RANK.indexOf(b))[0];
}

/** When the next visit is due: the last visit (or the pairing, before any) plus the level's interval. */
export function visitDueAt(pair: { pairedAt: number; lastVisitAt: number | null }, everyDays: number): number {
  return (pair.lastVisitAt ?? pair.pairedAt) + everyDays * DAY_MS;
}

/** Overdue: the due time has passed with no visit since. */
export function isVisitOverdue(
  pair: { pairedAt: number; lastVisitAt: number | null },
  everyDays: number,
  now: number,
): boolean {
  return now >= visitDueAt(pair, everyDays);
}

/** Whole days a visit is overdue by (0 when it is not). */
export function daysOverdue(
  pair: { pairedAt: number; lastVisitAt: number | null },
  everyDays: number,
  now: number,
): number {
  return Math.max(0, Math.floor((now - visitDueAt(pair, everyDays)) / DAY_MS));
}

/** The share of elders visited in the month, in per cent with one decimal; none of nobody. */
export function monthlyVisitRate(visited: number, elders: number): number | null {
  return elders === 0 ? null : Math.round((visited / elders) * 1000) / 10;
}

import type { ElderCategory } from '../elders/elder-category';
import { DAY_MS } from '../time/durations';
import { localDayStart } from '../time/local-time';

/**
 * How often the dispatch centre calls an elder of each category unprompted (主动呼出关怀电话), in days. An elder
 * in several categories is called as often as the most frequent asks; categories not listed are not called.
 */
export const CARE_CALL_EVERY_DAYS: Partial<Record<ElderCategory, number>> = {
  dementia: 2,
  living_alone: 3,
  disabled: 3,
  severe_disability: 3,
  left_behind: 7,
  semi_disabled: 7,
  extreme_poverty: 7,
  empty_nest: 14,
  advanced_age: 14,
};

/**
 * What a care call found.
 * STORED OUTSIDE THE CODE: care_calls rows keep these codes. Never rename one.
 */
export const CARE_CALL_OUTCOMES = ['answered-well', 'answered-needs-help', 'no-answer', 'wrong-number'] as const;
export type CareCallOutcome = (typeof CARE_CALL_OUTCOMES)[number];

export function reachedElder(outcome: CareCallOutcome): boolean {
  return outcome === 'answered-well' || outcome === 'answered-needs-help';
}

export interface CareCallHistory {
  categories: readonly string[];
  /** The last call that reached the elder, epoch ms. */
  lastReachedAt: number | null;
  /** The last call made at all, reached or not. */
  lastCall: { at: number; outcome: CareCallOutcome } | null;
}

export interface CareCallDueReason {
  because: ElderCategory;
  everyDays: number;
  /** The last call did not reach the elder: try again, whatever the schedule says. */
  retry: boolean;
}

/** The category that sets the elder's schedule: the one asking for the most frequent calls. */
export function careCallSchedule(
  categories: readonly string[],
): { because: ElderCategory; everyDays: number } | undefined {
  let best: { because: ElderCategory; everyDays: number } | undefined;
  for (const category of categories) {
    const everyDays = CARE_CALL_EVERY_DAYS[category as ElderCategory];
    if (everyDays !== undefined && (!best || everyDays < best.everyDays))
      best = { because: category as ElderCategory, everyDays };
  }
  return best;
}

/**
 * Whether the elder is due a care call on the local day of `day`: never reached, reached `everyDays` or more local
 * days ago, or last called without reaching them on an earlier day. Anyone already called that day is not due
 * again until the next.
 */
export function careCallDue(history: CareCallHistory, day: number): CareCallDueReason | undefined {
  const schedule = careCallSchedule(history.categories);
  if (!schedule) return undefined;
  const today = localDayStart(day);
  if (history.lastCall && localDayStart(history.lastCall.at) >= today) return undefined;
  const retry = history.lastCall !== null && !reachedElder(history.lastCall.outcome);
  if (retry) return { ...schedule, retry };
  if (history.lastReachedAt === null) return { ...schedule, retry: false };
  const daysSince = Math.round((today - localDayStart(history.lastReachedAt)) / DAY_MS);
  return daysSince >= schedule.everyDays ? { ...schedule, retry: false } : undefined;
}

/** An unanswered call to an elder who lives alone is a reason to send someone: it raises a check-on alert. */
export function careCallRaisesCheckOn(outcome: CareCallOutcome, categories: readonly string[]): boolean {
  return outcome === 'no-answer' && categories.includes('living_alone');
}

import { HOUR_MS, WEEK_MS } from '../time/durations';
import { localHourOfWeek } from '../time/local-time';
import { overlapsAbsence, type Absence } from './absence';
import { severityOf } from './rule-code';
import type { RaiseDecision } from './rule-decision';
import type { RuleSettings } from './rule-settings';

/** Whether the elder used any water in one local hour; `hourStart` is on the hour. */
export interface HourOfWaterUse {
  hourStart: number;
  used: boolean;
}

/** What was seen in one hour of the week across the weeks of history. */
export interface WaterBaselineSlot {
  /** Weeks in which this hour was known (the meter reported, the elder was at home). */
  observed: number;
  /** Of those, weeks with water used in the hour. */
  used: number;
}

/** An elder's learned water habit: one slot per local hour of the week (0 = Monday 00:00), as plain JSON. */
export interface WaterBaseline {
  slots: WaterBaselineSlot[];
  /** Whole weeks of known hours behind the slots. */
  weeks: number;
}

const HOURS_PER_WEEK = WEEK_MS / HOUR_MS;

// Additive smoothing with a quarter of a use and a quarter of no use: a slot is never certain, one week can only
// reach 0.83, and three perfectly regular weeks reach 0.93, so the 0.9 bar is met just when the history is long
// enough. Classic add-one would need eight perfect weeks and keep the baseline silent for two months.
const PRIOR_USES = 0.25;
const PRIOR_NON_USES = 0.25;

/**
 * Learns the habit from past hours. Give each known hour once; leave out hours the meter did not report, rather
 * than sending them as unused. Hours during an absence are left out too: an empty flat teaches nothing about the
 * elder.
 */
export function learnWaterBaseline(history: readonly HourOfWaterUse[], absences: readonly Absence[]): WaterBaseline {
  const slots = Array.from({ length: HOURS_PER_WEEK }, () => ({ observed: 0, used: 0 }));
  let known = 0;
  for (const hour of history) {
    if (overlapsAbsence(absences, hour.hourStart, hour.hourStart + HOUR_MS)) continue;
    const slot = slots[localHourOfWeek(hour.hourStart)];
    slot.observed += 1;
    if (hour.used) slot.used += 1;
    known += 1;
  }
  return { slots, weeks: Math.floor(known / HOURS_PER_WEEK) };
}

/** How likely the elder uses water in the local hour of the week that contains `at`, smoothed. */
export function waterUseProbability(baseline: WaterBaseline, at: number): number {
  const slot = baseline.slots[localHourOfWeek(at)];
  return (slot.used + PRIOR_USES) / (slot.observed + PRIOR_USES + PRIOR_NON_USES);
}

/** True once the baseline has the elder's minimum weeks of history; before that only the fixed no-water rule speaks. */
export function enoughHistory(baseline: WaterBaseline, settings: RuleSettings): boolean {
  return baseline.weeks >= settings.waterBaseline.minWeeks;
}

/**
 * Raises `water-baseline` (check-on) when the elder has used no water through at least `minQuietHours` hours in a
 * row that are each at least `minProbability` likely to see use. Only the quiet stretch up to now counts: complete
 * hours back from the one just ended, stopping at the last use, at an hour missing from `recentHours`, or at an
 * absence. The latest such window is reported, with its hours and their probabilities; its trigger id is its first
 * hour, so checking again while the same window lasts gives the same trigger. Null when there is nothing to raise.
 */
export function checkWaterBaseline(
  baseline: WaterBaseline,
  recentHours: readonly HourOfWaterUse[],
  now: number,
  settings: RuleSettings,
  absences: readonly Absence[],
): RaiseDecision | null {
  if (!enoughHistory(baseline, settings)) return null;
  const { minProbability, minQuietHours } = settings.waterBaseline;
  const usedByHour = new Map(recentHours.map((hour) => [hour.hourStart, hour.used]));
  const window: number[] = [];
  // Asia/Shanghai is a whole number of hours from UTC, so local hours start on UTC hours.
  for (let hour = Math.floor(now / HOUR_MS) * HOUR_MS - HOUR_MS; usedByHour.get(hour) === false; hour -= HOUR_MS) {
    if (overlapsAbsence(absences, hour, hour + HOUR_MS)) break;
    if (waterUseProbability(baseline, hour) >= minProbability) {
      window.unshift(hour);
    } else if (window.length >= minQuietHours) {
      break;
    } else {
      window.length = 0;
    }
  }
  if (window.length < minQuietHours) return null;
  const hours = window.map((hourStart) => ({
    hourStart,
    probability: Math.round(waterUseProbability(baseline, hourStart) * 1000) / 1000,
  }));
  return {
    type: 'raise',
    rule: 'water-baseline',
    severity: severityOf('water-baseline'),
    occurredAt: window[window.length - 1] + HOUR_MS,
    evidence: { hours, weeksOfHistory: baseline.weeks },
    triggerId: `water-baseline:${window[0]}`,
  };
}

import type { Severity } from '../alerts/severity';
import { HOUR_MS, SECOND_MS } from '../time/durations';
import { localDayStart } from '../time/local-time';

/** The severities whose answer times the dispatch centre is held to. */
export const ANSWERED_SEVERITIES: readonly Severity[] = ['critical', 'urgent'];

/**
 * The shares the centre is held to, as TSA-style service levels: at least 97.5 % answered within the target time and
 * 99 % within the worst acceptable time.
 */
export const ANSWER_SHARE_GOALS = { withinTarget: 97.5, withinWorst: 99 } as const;

/** An alert as its answer time sees it: raised, and acknowledged (claimed) or not yet. Epoch ms. */
export interface TimedAlert {
  severity: Severity;
  raisedAt: number;
  acknowledgedAt: number | null;
}

/** Answer times in seconds: the target and the worst acceptable. */
export interface AnswerLimits {
  targetSec: number;
  worstSec: number;
}

/** How many alerts were answered within a limit among those already decided for it. */
export interface AnswerShare {
  /** Acknowledged within the limit. */
  within: number;
  /**
   * Decided for this limit: acknowledged, or waiting past it. An alert still waiting inside the limit may yet make
   * it, so it counts for neither side until it is answered or its time is up.
   */
  decided: number;
  /** `within / decided` in per cent with one decimal; none when nothing is decided. */
  percent: number | null;
}

export interface AnswerShares {
  withinTarget: AnswerShare;
  withinWorst: AnswerShare;
}

/** One hour of the chart: alerts raised in it, and of the timed ones how many were answered within the target. */
export interface AnswerHour {
  /** The hour's first instant, epoch ms. */
  start: number;
  raised: number;
  timed: number;
  answeredWithinTarget: number;
}

const waitOf = (alert: TimedAlert, now: number): number => ((alert.acknowledgedAt ?? now) - alert.raisedAt) / SECOND_MS;

function shareWithin(alerts: readonly TimedAlert[], limitSec: number, now: number): AnswerShare {
  let within = 0;
  let decided = 0;
  for (const alert of alerts) {
    const waited = waitOf(alert, now);
    if (alert.acknowledgedAt !== null || waited > limitSec) decided += 1;
    if (alert.acknowledgedAt !== null && waited <= limitSec) within += 1;
  }
  return { within, decided, percent: decided === 0 ? null : Math.round((within / decided) * 1000) / 10 };
}

const isTimed = (alert: TimedAlert) => ANSWERED_SEVERITIES.includes(alert.severity);

/** Today's (the local day of `now`) shares of critical and urgent alerts answered within the target and worst times. */
export function answerSharesToday(alerts: readonly TimedAlert[], now: number, limits: AnswerLimits): AnswerShares {
  const today = alerts.filter(
    (alert) => isTimed(alert) && alert.raisedAt >= localDayStart(now) && alert.raisedAt <= now,
  );
  return {
    withinTarget: shareWithin(today, limits.targetSec, now),
    withinWorst: shareWithin(today, limits.worstSec, now),
  };
}

/** The 24 whole hours up to and including the one `now` is in, oldest first, each with its alerts. */
export function answerHours(alerts: readonly TimedAlert[], now: number, limits: AnswerLimits): AnswerHour[] {
  const lastStart = Math.floor(now / HOUR_MS) * HOUR_MS;
  const hours: AnswerHour[] = Array.from({ length: 24 }, (_, index) => ({
    start: lastStart - (23 - index) * HOUR_MS,
    raised: 0,
    timed: 0,
    answeredWithinTarget: 0,
  }));
  for (const alert of alerts) {
    const index = 23 - Math.floor((lastStart - Math.floor(alert.raisedAt / HOUR_MS) * HOUR_MS) / HOUR_MS);
    if (index < 0 || index > 23) continue;
    const hour = hours[index];
    hour.raised += 1;
    if (!isTimed(alert)) continue;
    hour.timed += 1;
    if (alert.acknowledgedAt !== null && waitOf(alert, now) <= limits.targetSec) hour.answeredWithinTarget += 1;
  }
  return hours;
}

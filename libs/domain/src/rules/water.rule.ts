import type { WaterUplink } from '@eldercare/protocol';
import { HOUR_MS, MINUTE_MS } from '../time/durations';
import { isWithinLocalHours, nextLocalHoursStart } from '../time/local-time';
import type { DeviceRuleState, WaterRuleState } from './device-rule-state';
import { checkInactivity } from './inactivity';
import type { RaiseDecision } from './rule-decision';
import {
  andThen,
  raiseFromEvent,
  raiseFromTimer,
  scheduleTimer,
  scheduleTimerBy,
  unchanged,
  unscheduleTimer,
} from './rule-outcome';
import type { DeviceEvent, DueTimer, RuleContext, RuleOutcome } from './rule-input';
import type { RuleSettings } from './rule-settings';

/**
 * A water meter's reading, for three rules. The register going backwards is a meter fault or a new meter, never
 * negative use: it raises water-register-backwards and becomes the reference. Use is a rise of the register or
 * any flow now (flow shows use before the register moves); each use makes the no-water timer due by use + N hours
 * (one due earlier stays, and when it fires looks again from the last use).
 * Flow above zero starts a running spell and its timer; flow zero ends both; a reading without flow changes neither.
 */
export function evaluateWater(
  event: DeviceEvent,
  uplink: WaterUplink,
  state: DeviceRuleState,
  settings: RuleSettings,
): RuleOutcome {
  const previous = state.water;
  const decisions: RaiseDecision[] = [];
  if (previous !== null && uplink.totalLiters < previous.totalLiters) {
    decisions.push(
      raiseFromEvent('water-register-backwards', event, {
        previousLiters: previous.totalLiters,
        totalLiters: uplink.totalLiters,
      }),
    );
  }
  const flowing = uplink.flowLpm !== undefined && uplink.flowLpm > 0;
  const used = flowing || (previous !== null && uplink.totalLiters > previous.totalLiters);
  let water: WaterRuleState = {
    totalLiters: uplink.totalLiters,
    watchingSince: previous?.watchingSince ?? event.occurredAt,
    lastUseAt: used ? event.occurredAt : (previous?.lastUseAt ?? null),
    runningSince: previous?.runningSince ?? null,
    flowLpm: uplink.flowLpm ?? previous?.flowLpm ?? null,
  };
  if (uplink.flowLpm !== undefined)
    water = { ...water, runningSince: flowing ? (water.runningSince ?? event.occurredAt) : null };

  let outcome: RuleOutcome = { state: { ...state, water }, decisions };
  // Only a use (or the first reading) moves the timer: a quiet reading must not re-arm a timer that already fired.
  if (used || previous === null) {
    const quietFrom = water.lastUseAt ?? water.watchingSince;
    outcome = andThen(outcome, (next) =>
      scheduleTimerBy(next, 'no-water', quietFrom + settings.noWater.afterHours * HOUR_MS),
    );
  }
  const runningSince = water.runningSince;
  if (runningSince !== null && (previous?.runningSince ?? null) === null) {
    outcome = andThen(outcome, (next) =>
      scheduleTimer(next, 'water-running', runningSince + settings.waterRunning.afterMinutes * MINUTE_MS),
    );
  }
  if (runningSince === null) outcome = andThen(outcome, (next) => unscheduleTimer(next, 'water-running'));
  return outcome;
}

/**
 * The no-water timer: quiet for N hours (absences muted and restarting the count) raises a check-on, but only in
 * waking hours; a due time at night waits for the morning rather than waking an elder who is asleep.
 */
export function fireNoWater(timer: DueTimer, state: DeviceRuleState, context: RuleContext): RuleOutcome {
  const water = state.water;
  if (water === null) return unchanged(state);
  const { afterHours, wakingHours } = context.settings.noWater;
  const check = checkInactivity(
    water.lastUseAt ?? water.watchingSince,
    context.absences,
    context.now,
    (start) => start + afterHours * HOUR_MS,
  );
  if (check.status !== 'due') return scheduleTimer(state, 'no-water', check.at);
  if (!isWithinLocalHours(context.now, wakingHours))
    return scheduleTimer(state, 'no-water', nextLocalHoursStart(context.now, wakingHours));
  const evidence = {
    lastUseAt: water.lastUseAt,
    quietSince: check.since,
    hoursWithoutWater: roundTo((timer.dueAt - check.since) / HOUR_MS, 1),
  };
  return { state, decisions: [raiseFromTimer('no-water', state, timer, evidence)] };
}

/** The water-running timer: still flowing N minutes after the spell began raises urgent (tap left running, fall in the shower, leak). */
export function fireWaterRunning(timer: DueTimer, state: DeviceRuleState, context: RuleContext): RuleOutcome {
  const runningSince = state.water?.runningSince ?? null;
  if (runningSince === null) return unchanged(state);
  const dueAt = runningSince + context.settings.waterRunning.afterMinutes * MINUTE_MS;
  if (dueAt > context.now) return scheduleTimer(state, 'water-running', dueAt);
  const evidence = {
    runningSince,
    minutesRunning: roundTo((timer.dueAt - runningSince) / MINUTE_MS, 1),
    flowLpm: state.water?.flowLpm ?? null,
  };
  return { state, decisions: [raiseFromTimer('water-running', state, timer, evidence)] };
}

function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

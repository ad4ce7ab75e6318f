import { fireBedNoReturn, fireOutOfBedAtNight } from './bed.rule';
import { fireDeviceSilent } from './device-silent.rule';
import type { DeviceRuleState } from './device-rule-state';
import { fireNotWorn } from './not-worn.rule';
import type { TimerKind } from './rule-decision';
import { unchanged, withoutTimer } from './rule-outcome';
import type { DueTimer, RuleContext, RuleOutcome } from './rule-input';
import { fireOutsideZone } from './safe-zone.rule';
import { fireNoWater, fireWaterRunning } from './water.rule';

const FIRE: Record<TimerKind, (timer: DueTimer, state: DeviceRuleState, context: RuleContext) => RuleOutcome> = {
  'no-water': fireNoWater,
  'device-silent': fireDeviceSilent,
  'not-worn': fireNotWorn,
  'outside-zone': fireOutsideZone,
  'water-running': fireWaterRunning,
  'bed-no-return': fireBedNoReturn,
  'out-of-bed-at-night': fireOutOfBedAtNight,
};

/**
 * A due timer of a time-based rule. A timer the state no longer expects (rescheduled or removed meanwhile, or
 * already handled: a redelivered job) changes nothing. Otherwise the rule looks again with the elder's settings and
 * absences as they are now: it raises, reschedules (night, absence, thresholds changed), or finds the condition gone.
 */
export function evaluateTimer(timer: DueTimer, state: DeviceRuleState, context: RuleContext): RuleOutcome {
  if (state.timers[timer.kind] !== timer.dueAt) return unchanged(state);
  return FIRE[timer.kind](timer, { ...state, timers: withoutTimer(state.timers, timer.kind) }, context);
}

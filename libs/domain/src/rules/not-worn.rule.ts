import type { WornUplink } from '@eldercare/protocol';
import { HOUR_MS } from '../time/durations';
import { addLocalHoursTime } from '../time/local-time';
import type { DeviceRuleState } from './device-rule-state';
import { checkInactivity } from './inactivity';
import { raiseFromTimer, scheduleTimer, unchanged, unscheduleTimer } from './rule-outcome';
import type { DeviceEvent, DueTimer, RuleContext, RuleOutcome } from './rule-input';
import type { RuleSettings } from './rule-settings';

function notWornPeriodEnd(settings: RuleSettings): (start: number) => number {
  const { afterDaytimeHours, daytime } = settings.notWorn;
  return (start) => addLocalHoursTime(start, afterDaytimeHours * HOUR_MS, daytime);
}

/**
 * The watch taken off or put on. Off starts the count of daytime hours (a watch charged overnight is no
 * concern); on ends it. Repeated offs keep the first.
 */
export function evaluateWorn(
  event: DeviceEvent,
  uplink: WornUplink,
  state: DeviceRuleState,
  settings: RuleSettings,
): RuleOutcome {
  if (uplink.worn) return unscheduleTimer({ ...state, worn: { offSince: null } }, 'not-worn');
  if (state.worn.offSince !== null) return unchanged(state);
  return scheduleTimer(
    { ...state, worn: { offSince: event.occurredAt } },
    'not-worn',
    notWornPeriodEnd(settings)(event.occurredAt),
  );
}

/** The not-worn timer: off for N daytime hours, absences muted and restarting the count, raises a notice. */
export function fireNotWorn(timer: DueTimer, state: DeviceRuleState, context: RuleContext): RuleOutcome {
  const offSince = state.worn.offSince;
  if (offSince === null) return unchanged(state);
  const check = checkInactivity(offSince, context.absences, context.now, notWornPeriodEnd(context.settings));
  if (check.status !== 'due') return scheduleTimer(state, 'not-worn', check.at);
  const evidence = { offSince, countedSince: check.since, daytimeHours: context.settings.notWorn.afterDaytimeHours };
  return { state, decisions: [raiseFromTimer('not-worn', state, timer, evidence)] };
}

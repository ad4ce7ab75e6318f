import type { LocationUplink } from '@eldercare/protocol';
import { haversineDistanceM } from '../geo/haversine-distance';
import { MINUTE_MS } from '../time/durations';
import { mutedUntil } from './absence';
import type { DeviceRuleState, TimedPosition } from './device-rule-state';
import { raiseFromTimer, scheduleTimer, unchanged, unscheduleTimer } from './rule-outcome';
import type { DeviceEvent, DueTimer, RuleContext, RuleOutcome } from './rule-input';
import type { SafeZone } from './rule-settings';

function isOutside(position: TimedPosition, zone: SafeZone): boolean {
  return haversineDistanceM(position, zone) > zone.radiusM;
}

function leaveSpell(state: DeviceRuleState): RuleOutcome {
  return unscheduleTimer({ ...state, zone: { ...state.zone, outsideSince: null } }, 'outside-zone');
}

/**
 * A watch's position. The first position outside the elder's zone starts a spell and its timer; a position back
 * inside ends both. No zone, or an absence (the zone is drawn around a home the elder is known to be away from),
 * means no spell.
 */
export function evaluateLocation(
  event: DeviceEvent,
  uplink: LocationUplink,
  state: DeviceRuleState,
  context: RuleContext,
): RuleOutcome {
  const lastPosition: TimedPosition = {
    lat: uplink.lat,
    lon: uplink.lon,
    accuracyM: uplink.accuracyM ?? null,
    at: event.occurredAt,
  };
  const next = { ...state, zone: { ...state.zone, lastPosition } };
  const { zone, afterMinutes } = context.settings.safeZone;
  if (zone === null || !isOutside(lastPosition, zone) || mutedUntil(context.absences, event.occurredAt) !== null)
    return leaveSpell(next);
  if (next.zone.outsideSince !== null) return unchanged(next);
  return scheduleTimer(
    { ...next, zone: { ...next.zone, outsideSince: event.occurredAt } },
    'outside-zone',
    event.occurredAt + afterMinutes * MINUTE_MS,
  );
}

/**
 * The outside-zone timer: still outside N minutes after the first position outside raises urgent with the last
 * position. Judged again against the zone as it is now, in case it was moved, widened or removed meanwhile.
 */
export function fireOutsideZone(timer: DueTimer, state: DeviceRuleState, context: RuleContext): RuleOutcome {
  const { outsideSince, lastPosition } = state.zone;
  const { zone, afterMinutes } = context.settings.safeZone;
  if (outsideSince === null || lastPosition === null) return unchanged(state);
  if (zone === null || !isOutside(lastPosition, zone) || mutedUntil(context.absences, context.now) !== null)
    return leaveSpell(state);
  const dueAt = outsideSince + afterMinutes * MINUTE_MS;
  if (dueAt > context.now) return scheduleTimer(state, 'outside-zone', dueAt);
  const evidence = { outsideSince, lastPosition, distanceM: Math.round(haversineDistanceM(lastPosition, zone)), zone };
  return { state, decisions: [raiseFromTimer('left-safe-zone', state, timer, evidence)] };
}

import type { BedUplink } from '@eldercare/protocol';
import { DAY_MS, HOUR_MS, MINUTE_MS } from '../time/durations';
import { isWithinLocalHours, localDayStart, nextLocalHoursStart, type LocalHours } from '../time/local-time';
import { mutedUntil } from './absence';
import { NO_BED, type BedRuleState, type DeviceRuleState } from './device-rule-state';
import { andThen, raiseFromTimer, scheduleTimer, unchanged, unscheduleTimer } from './rule-outcome';
import type { DeviceEvent, DueTimer, RuleContext, RuleOutcome } from './rule-input';
import type { RuleSettings } from './rule-settings';
import { evaluateVitals } from './vitals.rule';

/** A night: from the close of one day's waking hours to the opening of the next day's. */
interface Night {
  start: number;
  end: number;
}

/** The night that contains `at`, or the next one when `at` falls in the waking hours. */
export function nightOf(at: number, dayHours: LocalHours): Night {
  const close = localDayStart(at) + dayHours.toHour * HOUR_MS;
  const start = isWithinLocalHours(at, dayHours) || close <= at ? close : close - DAY_MS;
  return { start, end: nextLocalHoursStart(start, dayHours) };
}

function bedOf(state: DeviceRuleState): BedRuleState {
  return state.bed ?? NO_BED;
}

/** Time out of bed already counted in `night`, and whether the night has raised. */
function countedIn(bed: BedRuleState, night: Night): { outMs: number; raised: boolean } {
  return bed.night?.start === night.start ? bed.night : { outMs: 0, raised: false };
}

/** When the spell out of bed since `outSince` brings the night's total to the limit, or null if not this night. */
function nightLimitReachedAt(bed: BedRuleState, outSince: number, settings: RuleSettings): number | null {
  const night = nightOf(outSince, settings.bed.dayHours);
  const counted = countedIn(bed, night);
  if (counted.raised) return null;
  const dueAt = Math.max(outSince, night.start) + settings.bed.nightOutOfBedMinutes * MINUTE_MS - counted.outMs;
  return dueAt < night.end ? dueAt : null;
}

function getUp(event: DeviceEvent, state: DeviceRuleState, settings: RuleSettings): RuleOutcome {
  const outSince = event.occurredAt;
  const bed: BedRuleState = { ...bedOf(state), inBed: false, outSince };
  let outcome = unchanged({ ...state, bed });
  if (!isWithinLocalHours(outSince, settings.bed.dayHours)) {
    const dueAt = outSince + settings.bed.returnWithinMinutes * MINUTE_MS;
    outcome = andThen(outcome, (next) => scheduleTimer(next, 'bed-no-return', dueAt));
  }
  const limitAt = nightLimitReachedAt(bed, outSince, settings);
  if (limitAt !== null) outcome = andThen(outcome, (next) => scheduleTimer(next, 'out-of-bed-at-night', limitAt));
  return outcome;
}

/** Back in bed: the spell's night time joins its night's total, and both timers stop. */
function lieDown(event: DeviceEvent, state: DeviceRuleState, settings: RuleSettings): RuleOutcome {
  const bed = bedOf(state);
  let night = bed.night;
  if (bed.outSince !== null) {
    const spellNight = nightOf(bed.outSince, settings.bed.dayHours);
    const counted = countedIn(bed, spellNight);
    const outMs = Math.max(0, Math.min(event.occurredAt, spellNight.end) - Math.max(bed.outSince, spellNight.start));
    night = { start: spellNight.start, outMs: counted.outMs + outMs, raised: counted.raised };
  }
  const next = { ...state, bed: { inBed: true, outSince: null, night } };
  return andThen(unscheduleTimer(next, 'bed-no-return'), (after) => unscheduleTimer(after, 'out-of-bed-at-night'));
}

/**
 * A bed mat's report. Its heart and breathing rates go to the vitals rule (runs of out-of-range readings, with the
 * elder's limits). Getting up at night starts the no-return timer; any getting up starts the count of the night's
 * time out of bed (time in the waking hours does not count). Lying down again stops both. A report that says what
 * the mat said before changes nothing; a first report of an empty bed counts as getting up then.
 */
export function evaluateBed(
  event: DeviceEvent,
  uplink: BedUplink,
  state: DeviceRuleState,
  settings: RuleSettings,
): RuleOutcome {
  const vitals = evaluateVitals(event, uplink, state, settings);
  const wasInBed = bedOf(state).inBed;
  if (uplink.inBed === wasInBed) return vitals;
  return andThen(vitals, (next) => (uplink.inBed ? lieDown(event, next, settings) : getUp(event, next, settings)));
}

/**
 * The no-return timer: up at night and still not back after the elder's minutes raises urgent. Nothing while the
 * elder is known to be away; looked at again with the settings as they are now.
 */
export function fireBedNoReturn(timer: DueTimer, state: DeviceRuleState, context: RuleContext): RuleOutcome {
  const { outSince } = bedOf(state);
  const { dayHours, returnWithinMinutes } = context.settings.bed;
  if (outSince === null || isWithinLocalHours(outSince, dayHours)) return unchanged(state);
  if (mutedUntil(context.absences, context.now) !== null) return unchanged(state);
  const dueAt = outSince + returnWithinMinutes * MINUTE_MS;
  if (dueAt > context.now) return scheduleTimer(state, 'bed-no-return', dueAt);
  const evidence = { outSince, minutesOut: Math.floor((context.now - outSince) / MINUTE_MS), returnWithinMinutes };
  return { state, decisions: [raiseFromTimer('bed-no-return', state, timer, evidence)] };
}

/**
 * The night-total timer: out of bed for the elder's minutes in all during one night raises a check-on, once a
 * night. Nothing while the elder is known to be away.
 */
export function fireOutOfBedAtNight(timer: DueTimer, state: DeviceRuleState, context: RuleContext): RuleOutcome {
  const bed = bedOf(state);
  if (bed.outSince === null || mutedUntil(context.absences, context.now) !== null) return unchanged(state);
  const dueAt = nightLimitReachedAt(bed, bed.outSince, context.settings);
  if (dueAt === null) return unchanged(state);
  if (dueAt > context.now) return scheduleTimer(state, 'out-of-bed-at-night', dueAt);
  const night = nightOf(bed.outSince, context.settings.bed.dayHours);
  const outMs = countedIn(bed, night).outMs;
  const evidence = {
    nightStart: night.start,
    outSince: bed.outSince,
    minutesOutTonight: Math.floor((context.now - Math.max(bed.outSince, night.start) + outMs) / MINUTE_MS),
    nightOutOfBedMinutes: context.settings.bed.nightOutOfBedMinutes,
  };
  const next = { ...state, bed: { ...bed, night: { start: night.start, outMs, raised: true } } };
  return { state: next, decisions: [raiseFromTimer('out-of-bed-at-night', next, timer, evidence)] };
}

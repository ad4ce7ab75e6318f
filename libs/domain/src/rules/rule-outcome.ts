import { severityOf, type RuleCode } from './rule-code';
import type { DeviceRuleState } from './device-rule-state';
import type { RaiseDecision, TimerKind } from './rule-decision';
import type { DeviceEvent, DueTimer, RuleOutcome } from './rule-input';

/** No change and nothing to do. */
export function unchanged(state: DeviceRuleState): RuleOutcome {
  return { state, decisions: [] };
}

/** Runs `step` on the state `outcome` left, keeping the decisions of both in order. */
export function andThen(outcome: RuleOutcome, step: (state: DeviceRuleState) => RuleOutcome): RuleOutcome {
  const next = step(outcome.state);
  return { state: next.state, decisions: [...outcome.decisions, ...next.decisions] };
}

/** Asks for the timer at `dueAt`, unless that is already what the worker keeps. */
export function scheduleTimer(state: DeviceRuleState, timer: TimerKind, dueAt: number): RuleOutcome {
  if (state.timers[timer] === dueAt) return unchanged(state);
  return {
    state: { ...state, timers: { ...state.timers, [timer]: dueAt } },
    decisions: [{ type: 'schedule', timer, dueAt }],
  };
}

/**
 * Asks for the timer of an inactivity rule to fire by `dueAt`: one kept at an earlier time stays, and its rule, when
 * it fires, finds the activity since and sets it again from the latest. A stream of activity then moves the timer
 * once per quiet period instead of once per message.
 */
export function scheduleTimerBy(state: DeviceRuleState, timer: TimerKind, dueAt: number): RuleOutcome {
  const kept = state.timers[timer];
  if (kept !== undefined && kept <= dueAt) return unchanged(state);
  return scheduleTimer(state, timer, dueAt);
}

/** Asks for the timer to be removed, if one is kept. */
export function unscheduleTimer(state: DeviceRuleState, timer: TimerKind): RuleOutcome {
  if (state.timers[timer] === undefined) return unchanged(state);
  return { state: { ...state, timers: withoutTimer(state.timers, timer) }, decisions: [{ type: 'unschedule', timer }] };
}

/** The timers without `timer`: for a timer that has fired or been removed. */
export function withoutTimer(timers: DeviceRuleState['timers'], timer: TimerKind): DeviceRuleState['timers'] {
  const rest = { ...timers };
  delete rest[timer];
  return rest;
}

/** A raise triggered by a device event. */
export function raiseFromEvent(rule: RuleCode, event: DeviceEvent, evidence: Record<string, unknown>): RaiseDecision {
  return {
    type: 'raise',
    rule,
    severity: severityOf(rule),
    occurredAt: event.occurredAt,
    evidence,
    triggerId: `event:${event.eventId}:${rule}`,
    sourceEventId: event.eventId,
    sourceMsgId: event.uplink.msgId,
  };
}

/** A raise triggered by a due timer of the device. */
export function raiseFromTimer(
  rule: RuleCode,
  state: DeviceRuleState,
  timer: DueTimer,
  evidence: Record<string, unknown>,
): RaiseDecision {
  return {
    type: 'raise',
    rule,
    severity: severityOf(rule),
    occurredAt: timer.dueAt,
    evidence,
    triggerId: `timer:${state.deviceId}:${timer.kind}:${timer.dueAt}`,
  };
}

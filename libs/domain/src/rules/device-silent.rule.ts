import { SECOND_MS } from '../time/durations';
import { mutedUntil } from './absence';
import type { DeviceRuleState } from './device-rule-state';
import { severityOf } from './rule-code';
import type { ClearDecision, RaiseDecision } from './rule-decision';
import { checkInactivity } from './inactivity';
import { raiseFromTimer, scheduleTimer, scheduleTimerBy, unchanged, unscheduleTimer } from './rule-outcome';
import type { DeviceStatusChange, DueTimer, RuleContext, RuleOutcome } from './rule-input';
import type { RuleSettings } from './rule-settings';

function silentAfterMs(state: DeviceRuleState, settings: RuleSettings): number {
  const { heartbeatFactor, heartbeatSec } = settings.deviceSilent;
  return heartbeatFactor * heartbeatSec[state.deviceType] * SECOND_MS;
}

/**
 * Anything heard from the device makes it silent at (latest receive time) + factor × heartbeat. Receive time, not
 * device time: a device that sends readings it buffered while offline is talking now. Only a later receive time
 * counts, so a redelivered message changes nothing. The timer is set only when there is none due by then: one due
 * earlier fires, finds the device heard since, and sets itself again (see `fireDeviceSilent`). Heard after
 * device-silent was raised, the device is back: the silence is cleared.
 */
export function hearFromDevice(state: DeviceRuleState, receivedAt: number, settings: RuleSettings): RuleOutcome {
  if (state.lastHeardAt !== null && receivedAt <= state.lastHeardAt) return unchanged(state);
  const silentSince = state.silentSince ?? null;
  const back = silentSince !== null && receivedAt > silentSince;
  const scheduled = scheduleTimerBy(
    { ...state, lastHeardAt: receivedAt, ...(back ? { silentSince: null } : {}) },
    'device-silent',
    receivedAt + silentAfterMs(state, settings),
  );
  if (!back) return scheduled;
  const clear: ClearDecision = { type: 'clear', rule: 'device-silent', occurredAt: receivedAt };
  return { state: scheduled.state, decisions: [clear, ...scheduled.decisions] };
}

/** The device-silent timer: nothing heard for factor × heartbeat, absences muted and restarting the count, raises maintenance. */
export function fireDeviceSilent(timer: DueTimer, state: DeviceRuleState, context: RuleContext): RuleOutcome {
  const lastHeardAt = state.lastHeardAt;
  if (lastHeardAt === null) return unchanged(state);
  const silentAfter = silentAfterMs(state, context.settings);
  const check = checkInactivity(lastHeardAt, context.absences, context.now, (start) => start + silentAfter);
  if (check.status !== 'due') return scheduleTimer(state, 'device-silent', check.at);
  const evidence = {
    reason: 'no-message',
    lastHeardAt,
    heartbeatSec: context.settings.deviceSilent.heartbeatSec[state.deviceType],
  };
  return {
    state: { ...state, silentSince: timer.dueAt },
    decisions: [raiseFromTimer('device-silent', state, timer, evidence)],
  };
}

/**
 * The broker's last will for the device: it dropped off without saying goodbye. Raised at once as device-silent
 * (its timer is removed, the silence is reported), unless the device has spoken since or the elder is away; the
 * timer then stays to judge the silence after the absence.
 */
export function evaluateLastWill(
  status: DeviceStatusChange,
  state: DeviceRuleState,
  context: RuleContext,
): RuleOutcome {
  if (state.lastHeardAt !== null && state.lastHeardAt > status.receivedAt) return unchanged(state);
  if (mutedUntil(context.absences, status.receivedAt) !== null) return unchanged(state);
  const removed = unscheduleTimer(state, 'device-silent');
  const raise: RaiseDecision = {
    type: 'raise',
    rule: 'device-silent',
    severity: severityOf('device-silent'),
    occurredAt: status.receivedAt,
    evidence: { reason: 'last-will', lastHeardAt: state.lastHeardAt },
    triggerId: `status:${state.deviceId}:offline:${status.receivedAt}`,
  };
  return { state: { ...removed.state, silentSince: status.receivedAt }, decisions: [raise, ...removed.decisions] };
}

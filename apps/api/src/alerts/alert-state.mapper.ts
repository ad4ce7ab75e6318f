import type { AlertOutcome, AlertState, AlertStatus, RuleCode, Severity } from '@eldercare/domain';
import type { AlertEntity } from '@eldercare/persistence';

const time = (date: Date | null) => (date ? date.getTime() : null);
const date = (time: number | null) => (time === null ? null : new Date(time));

/** The stored alert as the domain's life cycle sees it. */
export function toAlertState(alert: AlertEntity): AlertState {
  return {
    rule: alert.rule as RuleCode,
    severity: alert.severity as Severity,
    status: alert.status as AlertStatus,
    triggerCount: alert.triggerCount,
    evidence: alert.evidence,
    deviceTime: alert.deviceTime.getTime(),
    receivedAt: alert.receivedAt.getTime(),
    storedAt: alert.storedAt.getTime(),
    raisedAt: alert.raisedAt.getTime(),
    lastTriggeredAt: alert.updatedAt.getTime(),
    firstShownAt: time(alert.firstShownAt),
    acknowledgedAt: time(alert.acknowledgedAt),
    acknowledgedBy: alert.acknowledgedBy,
    cancelledAt: time(alert.cancelledAt),
    resolvedAt: time(alert.resolvedAt),
    outcome: alert.outcome as AlertOutcome | null,
    reason: alert.reason,
  };
}

/** The fields an operator's action changes, back in stored form. */
export function lifeCycleOf(state: AlertState) {
  return {
    status: state.status,
    acknowledgedAt: date(state.acknowledgedAt),
    acknowledgedBy: state.acknowledgedBy,
    resolvedAt: date(state.resolvedAt),
    outcome: state.outcome,
    reason: state.reason,
  };
}

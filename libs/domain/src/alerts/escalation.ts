import type { RuleSettings } from '../rules/rule-settings';
import { SECOND_MS } from '../time/durations';
import type { AlertState } from './alert-state';
import type { Severity } from './severity';

/**
 * Escalation steps of an unacknowledged alert.
 * STORED OUTSIDE THE CODE: the steps are part of delayed jobs' fixed ids in Redis. Never rename one.
 */
export const ESCALATION_STEPS = ['re-notify', 'supervisors'] as const;

/** One of `ESCALATION_STEPS`. */
export type EscalationStepName = (typeof ESCALATION_STEPS)[number];

/** A step and when it is due, epoch milliseconds. */
export interface EscalationStep {
  step: EscalationStepName;
  at: number;
}

/**
 * The steps to schedule when an alert is raised, in time order: critical re-notifies the operators, then goes to
 * the supervisors (both counted from the raise); urgent goes to the supervisors; the other severities do not
 * escalate, they wait in the queue by severity.
 */
export function escalationSteps(severity: Severity, raisedAt: number, settings: RuleSettings): EscalationStep[] {
  const { critical, urgent } = settings.escalation;
  switch (severity) {
    case 'critical':
      return [
        { step: 're-notify', at: raisedAt + critical.reNotifyAfterSec * SECOND_MS },
        { step: 'supervisors', at: raisedAt + critical.supervisorsAfterSec * SECOND_MS },
      ];
    case 'urgent':
      return [{ step: 'supervisors', at: raisedAt + urgent.supervisorsAfterSec * SECOND_MS }];
    default:
      return [];
  }
}

/**
 * True when the step should fire now: its time has come and the alert is still raised, unclaimed. Nothing
 * escalates once an operator acknowledged it, the elder cancelled it (an operator calls back without a
 * supervisor) or it was resolved.
 */
export function isEscalationDue(alert: Pick<AlertState, 'status'>, step: EscalationStep, now: number): boolean {
  return alert.status === 'raised' && now >= step.at;
}

import type { RaiseDecision } from '../rules/rule-decision';
import type { RuleCode } from '../rules/rule-code';
import type { AlertOutcome } from './alert-outcome';
import type { Severity } from './severity';

/**
 * Where an alert is in its life cycle.
 * STORED OUTSIDE THE CODE: alerts rows keep these strings. Never rename one without a migration.
 */
export const ALERT_STATUSES = ['raised', 'acknowledged', 'resolved', 'cancelled-by-elder'] as const;

/** One of `ALERT_STATUSES`. */
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** True when `value` is an alert status (stored rows are text, so they are checked before use). */
export function isAlertStatus(value: string): value is AlertStatus {
  return (ALERT_STATUSES as readonly string[]).includes(value);
}

/**
 * An alert as the life-cycle functions see it: plain data, times in epoch milliseconds, null until they happen.
 * The timestamps are the timeline that response-time reports are made of.
 */
export interface AlertState {
  rule: RuleCode;
  severity: Severity;
  status: AlertStatus;
  /** Triggers merged into this alert, the first one included. */
  triggerCount: number;
  /** The latest trigger's evidence. */
  evidence: Record<string, unknown>;
  /** When the condition happened by the device (or when the timer found it). */
  deviceTime: number;
  receivedAt: number;
  storedAt: number;
  raisedAt: number;
  /** When the latest trigger was merged; the raise time until then. */
  lastTriggeredAt: number;
  /** When a console first showed it to an operator. */
  firstShownAt: number | null;
  acknowledgedAt: number | null;
  /** The operator who claimed it. */
  acknowledgedBy: string | null;
  /** When the elder cancelled it from the button. */
  cancelledAt: number | null;
  resolvedAt: number | null;
  outcome: AlertOutcome | null;
  /** The operator's words; required with outcome `other`. */
  reason: string | null;
}

/** The times of the trigger that opens an alert, besides the device time the decision carries. */
export interface AlertOpening {
  receivedAt: number;
  storedAt: number;
  raisedAt: number;
}

/** A new alert from a raise decision no open alert of the elder and rule could take. */
export function openAlert(decision: RaiseDecision, times: AlertOpening): AlertState {
  return {
    rule: decision.rule,
    severity: decision.severity,
    status: 'raised',
    triggerCount: 1,
    evidence: decision.evidence,
    deviceTime: decision.occurredAt,
    receivedAt: times.receivedAt,
    storedAt: times.storedAt,
    raisedAt: times.raisedAt,
    lastTriggeredAt: times.raisedAt,
    firstShownAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    cancelledAt: null,
    resolvedAt: null,
    outcome: null,
    reason: null,
  };
}

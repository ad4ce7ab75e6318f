import { DomainError } from '../errors/domain-error';
import type { RuleCode } from '../rules/rule-code';
import { isOperatorOutcome, type AlertOutcome } from './alert-outcome';
import type { AlertState } from './alert-state';

/*
 * raised ──acknowledge──▶ acknowledged ──resolve──▶ resolved
 *   │                          │
 *   └──────cancel by elder─────┴──▶ cancelled-by-elder ──acknowledge (status stays)──▶ resolve ──▶ resolved
 *
 * A cancelled press stays visible until an operator has called back and closed it: it is never deleted, and it
 * is resolved like any other alert, with an outcome. It takes no new triggers: a new press after a cancel is a new
 * alert with its own escalation. Resolving needs an acknowledgement first, so every closed alert names the
 * operator who handled it.
 */

/** The rules whose alert answers the elder's own call for help from a device: a press, a detected fall. */
const ANSWERED_ON_DEVICE: readonly RuleCode[] = ['sos', 'fall'];

/**
 * True when the device that raised an alert of `rule` shows the elder how it is being answered: it is told when an
 * operator claims the alert (`help-coming`) and when it is closed (`resolved`). Other alerts are the platform's own
 * reading of what devices report; nothing on the device waits for them.
 */
export function isAnsweredOnDevice(rule: RuleCode): boolean {
  return ANSWERED_ON_DEVICE.includes(rule);
}

/** True when new triggers of the same elder and rule merge into this alert (raised or acknowledged). */
export function acceptsTriggers(alert: Pick<AlertState, 'status'>): boolean {
  return alert.status === 'raised' || alert.status === 'acknowledged';
}

function requireNotResolved(alert: AlertState): void {
  if (alert.status === 'resolved')
    throw new DomainError('alert-not-open', `the ${alert.rule} alert is already resolved`);
}

/**
 * An operator claims the alert. A raised alert becomes acknowledged; a cancelled-by-elder one keeps its status
 * (the elder's cancel is what the console must keep showing) and records who took the call-back.
 * Throws `alert-not-open` once resolved, `alert-already-acknowledged` when someone already has it,
 * `alert-operator-required` without an operator.
 */
export function acknowledgeAlert(alert: AlertState, operatorId: string, at: number): AlertState {
  requireNotResolved(alert);
  if (alert.acknowledgedAt !== null) {
    throw new DomainError(
      'alert-already-acknowledged',
      `the ${alert.rule} alert was acknowledged by ${alert.acknowledgedBy}`,
    );
  }
  if (operatorId.trim() === '')
    throw new DomainError('alert-operator-required', 'an acknowledgement names the operator');
  return {
    ...alert,
    status: alert.status === 'raised' ? 'acknowledged' : alert.status,
    acknowledgedAt: at,
    acknowledgedBy: operatorId,
  };
}

/**
 * Closes an acknowledged (or acknowledged cancelled-by-elder) alert with an outcome. The reason is optional
 * except for `other`, where it is the only record of what happened; it is kept trimmed.
 * Throws `alert-not-open`, `alert-not-acknowledged`, `alert-outcome-unknown`, `alert-outcome-requires-reason`.
 */
export function resolveAlert(
  alert: AlertState,
  outcome: AlertOutcome,
  reason: string | undefined,
  at: number,
): AlertState {
  requireNotResolved(alert);
  if (alert.acknowledgedAt === null)
    throw new DomainError(
      'alert-not-acknowledged',
      `the ${alert.rule} alert must be acknowledged before it is resolved`,
    );
  if (!isOperatorOutcome(outcome)) throw new DomainError('alert-outcome-unknown', `unknown outcome ${String(outcome)}`);
  const text = reason?.trim() ?? '';
  if (outcome === 'other' && text === '')
    throw new DomainError('alert-outcome-requires-reason', 'outcome other needs a reason');
  return { ...alert, status: 'resolved', resolvedAt: at, outcome, reason: text === '' ? null : text };
}

/**
 * The elder cancelled the button press behind this sos alert. Also after an acknowledgement: the operator sees that
 * the elder cancelled, and still calls back.
 * Throws `alert-not-cancellable` for any rule but sos, `alert-already-cancelled`, `alert-not-open` once resolved.
 */
export function cancelAlertByElder(alert: AlertState, at: number): AlertState {
  if (alert.rule !== 'sos')
    throw new DomainError('alert-not-cancellable', `a ${alert.rule} alert cannot be cancelled from the device`);
  if (alert.status === 'cancelled-by-elder')
    throw new DomainError('alert-already-cancelled', 'the elder already cancelled this alert');
  requireNotResolved(alert);
  return { ...alert, status: 'cancelled-by-elder', cancelledAt: at };
}

/**
 * Another trigger of the same elder and rule: counted, its evidence shown instead of the previous one, never a
 * second alert. Throws `alert-not-open` unless the alert accepts triggers (see `acceptsTriggers`).
 */
export function mergeTrigger(alert: AlertState, evidence: Record<string, unknown>, at: number): AlertState {
  if (!acceptsTriggers(alert))
    throw new DomainError('alert-not-open', `the ${alert.rule} alert is ${alert.status} and takes no new triggers`);
  return { ...alert, triggerCount: alert.triggerCount + 1, evidence, lastTriggeredAt: at };
}

/** Records when a console first showed the alert; later showings keep the first time. */
export function markFirstShown(alert: AlertState, at: number): AlertState {
  return alert.firstShownAt === null ? { ...alert, firstShownAt: at } : alert;
}

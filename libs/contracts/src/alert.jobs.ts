/** Announces that an alert was raised or changed; the api turns it into live console events. */
export interface AnnounceAlertJob {
  alertId: string;
  change: 'raised' | 'merged' | 'cancelled-by-elder' | 'escalated' | 'acknowledged' | 'resolved';
  /** For escalations: which step fired. */
  step?: 're-notify' | 'supervisors';
}

/** Escalates an alert if it is still unacknowledged when the job comes due. */
export interface EscalateAlertJob {
  alertId: string;
  step: 're-notify' | 'supervisors';
}

/** Announcements are idempotent per alert, change and revision, so a redelivered event announces nothing new. */
export function announceAlertJobId(
  alertId: string,
  change: AnnounceAlertJob['change'],
  revision: number | string,
): string {
  return `announce-${alertId}-${change}-${revision}`;
}

export function escalateAlertJobId(alertId: string, step: EscalateAlertJob['step']): string {
  return `escalate-${alertId}-${step}`;
}

/** Announces that a work order changed; the api turns it into `work-order.updated`. */
export interface AnnounceWorkOrderJob {
  workOrderId: string;
  /** The order's seq after the change: one announcement per change. */
  seq: string;
}

export function announceWorkOrderJobId(workOrderId: string, seq: string): string {
  return `work-order-${workOrderId}-${seq}`;
}

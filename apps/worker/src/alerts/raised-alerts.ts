import { platformMetrics } from '@eldercare/metrics';

/** The rule and severity of an alert just raised, as the platform's metrics count them. */
export interface RaisedAlert {
  rule: string;
  severity: string;
}

/** Counts an alert raised: in this process's metrics, or in those of the worker that started this thread. */
export type CountRaisedAlert = (alert: RaisedAlert) => void;

export const COUNT_RAISED_ALERT = Symbol('COUNT_RAISED_ALERT');

export const countRaisedAlertHere: CountRaisedAlert = (alert) => platformMetrics.alertsRaised.inc({ ...alert });

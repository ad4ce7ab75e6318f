import type { AlertView, Severity } from '@eldercare/contracts';
import { SEVERITIES } from '@eldercare/domain';

/** The open alerts of one severity: how many, and how long the oldest has been open (seconds). */
export interface SeverityFigure {
  severity: Severity;
  open: number;
  oldestSec: number | null;
}

export interface OpenAlertFigures {
  bySeverity: SeverityFigure[];
  unclaimed: number;
  /** Escalated while nobody claimed them (re-notified, or sent up to supervisors). */
  escalated: number;
}

/** What the wallboard shows of the live queue: open alerts by severity and age, unclaimed, escalated. */
export function openAlertFigures(alerts: readonly AlertView[], now: number): OpenAlertFigures {
  return {
    bySeverity: SEVERITIES.map((severity) => {
      const open = alerts.filter((alert) => alert.severity === severity);
      const oldest = Math.min(...open.map((alert) => Date.parse(alert.raisedAt)));
      return {
        severity,
        open: open.length,
        oldestSec: open.length === 0 ? null : Math.max(0, Math.floor((now - oldest) / 1000)),
      };
    }),
    unclaimed: alerts.filter((alert) => alert.claimedBy === null).length,
    escalated: alerts.filter((alert) => alert.claimedBy === null && alert.escalation !== null).length,
  };
}

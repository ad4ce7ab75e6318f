import type { PairKind, RiskLevel, RiskVisitMode, VisitConcern } from '@eldercare/domain';
import type { Timestamp } from './alert-view';

export type { PairKind, RiskLevel, RiskVisitMode, VisitConcern };

/**
 * Visits to elders at risk and their pairs (巡访、结对帮扶).
 *
 * GET  /api/visit-frequencies                      → Record<RiskLevel, number> (days between visits)
 * PUT  /api/visit-frequencies  { high, key, general } → the same (bureau, admin)
 * GET  /api/elders/:id/pair                        → ElderPairView | 404 `elder-pair-not-found` (audited)
 * PUT  /api/elders/:id/pair    ElderPairInput      → ElderPairView (supervisors, admins)
 * POST /api/elders/:id/risk-visits RiskVisitInput  → RiskVisitView (201); a grave finding opens an alert
 * GET  /api/risk-visits/overdue                    → OverdueVisitView[]: the supervisor's list, most overdue first
 * The worker raises a `risk-visit-overdue` check-on alert for each overdue elder, once per due date; the monthly
 * report's `risk-visits` table gives each community's visit rate against the aim of every 特困 elder every month.
 */
export interface ElderPairInput {
  riskLevel: RiskLevel;
  pairKind: PairKind;
  pairName: string;
  pairPhone: string;
}

export interface RiskVisitView {
  id: string;
  visitedAt: Timestamp;
  mode: RiskVisitMode;
  visitor: string;
  findings: string;
  concerns: VisitConcern[];
  alertId: string | null;
}

export interface ElderPairView extends ElderPairInput {
  elderId: string;
  pairedBy: string;
  pairedAt: Timestamp;
  everyDays: number;
  dueAt: Timestamp;
  overdue: boolean;
  visits: RiskVisitView[];
}

export interface RiskVisitInput {
  mode: RiskVisitMode;
  /** When the visit was made; now when left out. */
  visitedAt?: string;
  findings: string;
  concerns: VisitConcern[];
}

export interface OverdueVisitView {
  elder: { id: string; name: string; community: string };
  riskLevel: RiskLevel;
  pair: { kind: PairKind; name: string; phone: string };
  lastVisitAt: Timestamp | null;
  dueAt: Timestamp;
  daysOverdue: number;
}

import type { Actor, Timestamp } from './alert-view';
import type { Role } from './roles';

/**
 * The supervisor's wallboard: today's figures of the viewer's scope. The open alerts come over the live socket as
 * the queue's do; these figures are read again whenever an alert changes.
 *
 * GET /api/wallboard → WallboardView (supervisors, admins)
 */
export interface WallboardView {
  at: Timestamp;
  /** Answer times the centre is held to, seconds, and the shares it must reach, per cent. */
  limits: { targetSec: number; worstSec: number; targetGoal: number; worstGoal: number };
  /** Today's critical and urgent alerts answered within each limit, among those decided for it. */
  answered: { withinTarget: WallboardShare; withinWorst: WallboardShare };
  /** Operators and supervisors signed in, with the open cases in scope each holds. */
  onDuty: (Actor & { role: Extract<Role, 'operator' | 'supervisor'>; cases: number })[];
  devices: { offline: number; lowBattery: number; lowBelowPercent: number };
  /** Visits starting today that were missed, per provider. */
  missedVisits: { provider: { id: string; name: string }; missed: number }[];
  /** The last 24 hours, oldest first. */
  hours: { start: Timestamp; raised: number; timed: number; answeredWithinTarget: number }[];
}

export interface WallboardShare {
  within: number;
  decided: number;
  percent: number | null;
}

import type { AccessScope } from '@eldercare/domain';
import type { DataSource } from 'typeorm';
import { ELDER_PLACE_JOINS, scopeCondition } from './scope-condition';

/** An alert as the answer-time figures need it. */
export interface TimedAlertRow {
  severity: string;
  raisedAt: Date;
  acknowledgedAt: Date | null;
}

/** An operator or supervisor signed in now, with the open cases they hold in the asker's scope. */
export interface OnDutyRow {
  id: string;
  displayName: string;
  role: 'operator' | 'supervisor';
  cases: number;
}

export interface DeviceTroubleCounts {
  offline: number;
  lowBattery: number;
}

export interface MissedVisitsRow {
  provider: { id: string; name: string };
  missed: number;
}

/**
 * What the supervisor's wallboard reads, always within the asker's scope: alerts' answer times, who is on duty,
 * devices in trouble, visits missed.
 */
export class SupervisionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async alertsRaisedSince(scope: AccessScope, since: Date): Promise<TimedAlertRow[]> {
    const params: unknown[] = [since];
    const rows: { severity: string; raised_at: Date; acknowledged_at: Date | null }[] = await this.dataSource.query(
      `SELECT a.severity, a.raised_at, a.acknowledged_at
       FROM alerts a JOIN elders e ON e.id = a.elder_id ${ELDER_PLACE_JOINS}
       WHERE a.raised_at >= $1 AND ${scopeCondition(scope, params)}`,
      params,
    );
    return rows.map((row) => ({
      severity: row.severity,
      raisedAt: row.raised_at,
      acknowledgedAt: row.acknowledged_at,
    }));
  }

  /**
   * Operators and supervisors with a live session whose regions meet the scope's (the same region, one inside it, or
   * one containing it), each with the open alerts in scope they have claimed.
   */
  async onDuty(scope: AccessScope, now: Date): Promise<OnDutyRow[]> {
    if (scope.kind !== 'city' && scope.kind !== 'regions') return [];
    const params: unknown[] = [now, scope.kind === 'city' ? null : scope.regionIds];
    const rows: { id: string; display_name: string; role: 'operator' | 'supervisor'; cases: number }[] =
      await this.dataSource.query(
        `WITH RECURSIVE inside AS (
         SELECT r.id FROM regions r WHERE r.id = ANY($2::uuid[])
         UNION SELECT r.id FROM regions r JOIN inside i ON r.parent_id = i.id
       ), around AS (
         SELECT r.id, r.parent_id FROM regions r WHERE r.id = ANY($2::uuid[])
         UNION SELECT r.id, r.parent_id FROM regions r JOIN around a ON r.id = a.parent_id
       )
       SELECT u.id, u.display_name, u.role,
         (SELECT count(*)::int FROM alerts a JOIN elders e ON e.id = a.elder_id ${ELDER_PLACE_JOINS}
          WHERE a.status = 'acknowledged' AND a.acknowledged_by = u.id::text AND ${scopeCondition(scope, params)}) AS cases
       FROM users u
       WHERE u.role IN ('operator', 'supervisor') AND u.disabled_at IS NULL
         AND EXISTS (SELECT 1 FROM user_sessions us WHERE us.user_id = u.id AND us.expires_at > $1)
         AND ($2::uuid[] IS NULL OR EXISTS (
           SELECT 1 FROM user_regions ur
           WHERE ur.user_id = u.id AND ur.region_id IN (SELECT id FROM inside UNION SELECT id FROM around)))
       ORDER BY cases DESC, u.display_name`,
        params,
      );
    return rows.map((row) => ({ id: row.id, displayName: row.display_name, role: row.role, cases: row.cases }));
  }

  /** Active devices of elders in scope that are offline, and those reporting a battery below `lowBelowPercent`. */
  async deviceTroubles(scope: AccessScope, lowBelowPercent: number): Promise<DeviceTroubleCounts> {
    const params: unknown[] = [lowBelowPercent];
    const [row]: { offline: number; low_battery: number }[] = await this.dataSource.query(
      `SELECT count(*) FILTER (WHERE NOT dv.online)::int AS offline,
         count(*) FILTER (WHERE dv.battery < $1)::int AS low_battery
       FROM devices dv JOIN elders e ON e.id = dv.elder_id ${ELDER_PLACE_JOINS}
       WHERE dv.status = 'active' AND ${scopeCondition(scope, params)}`,
      params,
    );
    return { offline: row?.offline ?? 0, lowBattery: row?.low_battery ?? 0 };
  }

  /** Visits starting in `[from, to)` for elders in scope that were missed, per provider, most first. */
  async missedVisits(scope: AccessScope, from: Date, to: Date): Promise<MissedVisitsRow[]> {
    const params: unknown[] = [from, to];
    const rows: { id: string; name: string; missed: number }[] = await this.dataSource.query(
      `SELECT p.id, p.name, count(*)::int AS missed
       FROM work_orders w JOIN providers p ON p.id = w.provider_id JOIN elders e ON e.id = w.elder_id ${ELDER_PLACE_JOINS}
       WHERE w.status = 'missed' AND w.starts_at >= $1 AND w.starts_at < $2 AND ${scopeCondition(scope, params)}
       GROUP BY p.id, p.name
       ORDER BY missed DESC, p.name`,
      params,
    );
    return rows.map((row) => ({ provider: { id: row.id, name: row.name }, missed: row.missed }));
  }
}

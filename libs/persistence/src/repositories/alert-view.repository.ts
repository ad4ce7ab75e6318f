import type { AccessScope } from '@eldercare/domain';
import type { DataSource } from 'typeorm';
import { ELDER_PLACE_JOINS, scopeCondition } from './scope-condition';
import { containing, optionalFilters } from './sql-filters';

/** An alert with its elder, place, device and claimant, as the console lists it. */
export interface AlertRow {
  id: string;
  seq: string;
  rule: string;
  severity: string;
  status: string;
  triggerCount: number;
  evidence: Record<string, unknown>;
  device: { id: string; type: string } | null;
  deviceTime: Date;
  receivedAt: Date;
  raisedAt: Date;
  firstShownAt: Date | null;
  acknowledgedAt: Date | null;
  claimedBy: { id: string; displayName: string } | null;
  resolvedAt: Date | null;
  cancelledAt: Date | null;
  outcome: string | null;
  reason: string | null;
  escalation: string | null;
  elder: { id: string; name: string; gender: 'female' | 'male'; birthDate: string; categories: string[] };
  place: {
    communityId: string;
    community: string;
    streetId: string | null;
    street: string | null;
    districtId: string | null;
    district: string | null;
  };
}

export interface AlertSearch {
  rule?: string;
  status?: string;
  outcome?: string;
  regionId?: string;
  elderId?: string;
  /** Part of the elder's name. */
  elderName?: string;
  from?: Date;
  to?: Date;
  /** Raised before this alert (the previous page's last). */
  before?: { raisedAt: Date; id: string };
  limit: number;
}

const SELECT_ALERTS = `
  SELECT a.id, a.seq::text AS seq, a.rule, a.severity, a.status, a.trigger_count, a.evidence, a.device_id, dev.type AS device_type,
    a.device_time, a.received_at, a.raised_at, a.first_shown_at, a.acknowledged_at, a.acknowledged_by, u.display_name AS claimed_by_name,
    a.resolved_at, a.cancelled_at, a.outcome, a.reason,
    (SELECT x.step FROM alert_escalations x WHERE x.alert_id = a.id ORDER BY x.escalated_at DESC LIMIT 1) AS escalation,
    e.id AS elder_id, e.name AS elder_name, e.gender, to_char(e.birth_date, 'YYYY-MM-DD') AS birth_date, e.categories,
    c.id AS community_id, c.name AS community, s.id AS street_id, s.name AS street, d.id AS district_id, d.name AS district
  FROM alerts a
  JOIN elders e ON e.id = a.elder_id
  LEFT JOIN devices dev ON dev.id = a.device_id
  ${ELDER_PLACE_JOINS}
  LEFT JOIN users u ON u.id::text = a.acknowledged_by`;

interface Row {
  id: string;
  seq: string;
  rule: string;
  severity: string;
  status: string;
  trigger_count: number;
  evidence: Record<string, unknown>;
  device_id: string | null;
  device_type: string | null;
  device_time: Date;
  received_at: Date;
  raised_at: Date;
  first_shown_at: Date | null;
  acknowledged_at: Date | null;
  acknowledged_by: string | null;
  claimed_by_name: string | null;
  resolved_at: Date | null;
  cancelled_at: Date | null;
  outcome: string | null;
  reason: string | null;
  escalation: string | null;
  elder_id: string;
  elder_name: string;
  gender: 'female' | 'male';
  birth_date: string;
  categories: string[];
  community_id: string;
  community: string;
  street_id: string | null;
  street: string | null;
  district_id: string | null;
  district: string | null;
}

const toAlertRow = (row: Row): AlertRow => ({
  id: row.id,
  seq: row.seq,
  rule: row.rule,
  severity: row.severity,
  status: row.status,
  triggerCount: row.trigger_count,
  evidence: row.evidence,
  device: row.device_id && row.device_type ? { id: row.device_id, type: row.device_type } : null,
  deviceTime: row.device_time,
  receivedAt: row.received_at,
  raisedAt: row.raised_at,
  firstShownAt: row.first_shown_at,
  acknowledgedAt: row.acknowledged_at,
  claimedBy: row.acknowledged_by
    ? { id: row.acknowledged_by, displayName: row.claimed_by_name ?? row.acknowledged_by }
    : null,
  resolvedAt: row.resolved_at,
  cancelledAt: row.cancelled_at,
  outcome: row.outcome,
  reason: row.reason,
  escalation: row.escalation,
  elder: {
    id: row.elder_id,
    name: row.elder_name,
    gender: row.gender,
    birthDate: row.birth_date,
    categories: row.categories,
  },
  place: {
    communityId: row.community_id,
    community: row.community,
    streetId: row.street_id,
    street: row.street,
    districtId: row.district_id,
    district: row.district,
  },
});

/** Alerts as the console reads them, always within the reader's scope. */
export class AlertViewRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Everything not yet resolved: a press the elder cancelled stays until an operator has called back. */
  async findOpen(scope: AccessScope): Promise<AlertRow[]> {
    const params: unknown[] = [];
    const rows: Row[] = await this.dataSource.query(
      `${SELECT_ALERTS} WHERE a.status IN ('raised', 'acknowledged', 'cancelled-by-elder') AND ${scopeCondition(scope, params)} ORDER BY a.raised_at`,
      params,
    );
    return rows.map(toAlertRow);
  }

  /**
   * Every alert in scope changed after `seq` was seen, open or closed, in the order of change: those with a later
   * `seq`, and those whose change took a lower one but may have committed after (its transaction was no older than
   * the oldest one running when `seq` was taken: see the migration AddAlertReplayStamps). The second may repeat a
   * change the console has; it keeps an alert's highest `seq`.
   */
  async findChangedSince(scope: AccessScope, seq: string, limit: number): Promise<AlertRow[]> {
    const params: unknown[] = [seq, limit];
    const rows: Row[] = await this.dataSource.query(
      `WITH seen AS (
         SELECT COALESCE((SELECT seq_xmin FROM alerts WHERE seq <= $1::bigint ORDER BY seq DESC LIMIT 1), 0) AS xmin
       )
       ${SELECT_ALERTS}
       WHERE (a.seq > $1::bigint OR (a.seq <= $1::bigint AND a.changed_xid >= (SELECT xmin FROM seen)))
         AND ${scopeCondition(scope, params)}
       ORDER BY a.seq LIMIT $2`,
      params,
    );
    return rows.map(toAlertRow);
  }

  async latestSeq(): Promise<string> {
    const [{ seq }]: { seq: string }[] = await this.dataSource.query(
      `SELECT COALESCE(max(seq), 0)::text AS seq FROM alerts`,
    );
    return seq;
  }

  /** The alert, if the scope covers its elder; a scope that does not gets nothing, as if it did not exist. */
  async findInScope(scope: AccessScope, alertId: string): Promise<AlertRow | undefined> {
    const params: unknown[] = [alertId];
    const [row]: Row[] = await this.dataSource.query(
      `${SELECT_ALERTS} WHERE a.id = $1 AND ${scopeCondition(scope, params)}`,
      params,
    );
    return row && toAlertRow(row);
  }

  /** For announcements, which go to every room the alert's elder is in: no scope applies. */
  async findForAnnouncement(alertId: string): Promise<AlertRow | undefined> {
    return this.findInScope({ kind: 'city' }, alertId);
  }

  /** Past and present alerts, newest first, one page at a time. */
  async search(scope: AccessScope, search: AlertSearch): Promise<AlertRow[]> {
    const params: unknown[] = [];
    const where = [scopeCondition(scope, params)];
    const add = optionalFilters(params, where);
    add(search.rule, (p) => `a.rule = ${p}`);
    add(search.status, (p) => `a.status = ${p}`);
    add(search.outcome, (p) => `a.outcome = ${p}`);
    add(search.regionId, (p) => `${p}::uuid IN (c.id, s.id, d.id)`);
    add(search.elderId, (p) => `e.id = ${p}::uuid`);
    add(search.elderName === undefined ? undefined : containing(search.elderName), (p) => `e.name LIKE ${p}`);
    add(search.from, (p) => `a.raised_at >= ${p}`);
    add(search.to, (p) => `a.raised_at < ${p}`);
    if (search.before) {
      params.push(search.before.raisedAt, search.before.id);
      where.push(`(a.raised_at, a.id) < ($${params.length - 1}, $${params.length}::uuid)`);
    }
    params.push(search.limit);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT_ALERTS} WHERE ${where.join(' AND ')} ORDER BY a.raised_at DESC, a.id DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toAlertRow);
  }
}

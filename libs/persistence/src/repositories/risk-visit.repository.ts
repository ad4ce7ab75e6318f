import type { AccessScope, PairKind, RiskLevel, RiskVisitMode, VisitConcern } from '@eldercare/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { ELDER_PLACE_JOINS, scopeCondition } from './scope-condition';

export interface ElderPairRow {
  elderId: string;
  elderName: string;
  categories: string[];
  community: string;
  riskLevel: RiskLevel;
  pairKind: PairKind;
  pairName: string;
  pairPhone: string;
  pairedBy: string;
  pairedAt: Date;
  lastVisitAt: Date | null;
}

export interface RiskVisitRow {
  id: string;
  visitedAt: Date;
  mode: RiskVisitMode;
  visitor: string;
  findings: string;
  concerns: VisitConcern[];
  alertId: string | null;
}

export interface NewRiskVisit {
  elderId: string;
  visitedAt: Date;
  mode: RiskVisitMode;
  visitorId: string;
  findings: string;
  concerns: VisitConcern[];
}

/** A community's month of visits: its special-hardship elders and paired elders, and how many of each were visited. */
export interface RiskVisitMonthRow {
  community: { id: string; name: string };
  street: string | null;
  district: string | null;
  hardship: number;
  hardshipVisited: number;
  paired: number;
  pairedVisited: number;
}

const SELECT_PAIRS = `
  SELECT p.elder_id, e.name AS elder_name, e.categories, c.name AS community, p.risk_level, p.pair_kind, p.pair_name,
    p.pair_phone, u.display_name AS paired_by, p.paired_at,
    (SELECT max(v.visited_at) FROM risk_visits v WHERE v.elder_id = p.elder_id) AS last_visit_at
  FROM elder_pairs p
  JOIN elders e ON e.id = p.elder_id
  ${ELDER_PLACE_JOINS}
  JOIN users u ON u.id = p.paired_by`;

interface PairRow {
  elder_id: string;
  elder_name: string;
  categories: string[];
  community: string;
  risk_level: RiskLevel;
  pair_kind: PairKind;
  pair_name: string;
  pair_phone: string;
  paired_by: string;
  paired_at: Date;
  last_visit_at: Date | null;
}

const toPair = (row: PairRow): ElderPairRow => ({
  elderId: row.elder_id,
  elderName: row.elder_name,
  categories: row.categories,
  community: row.community,
  riskLevel: row.risk_level,
  pairKind: row.pair_kind,
  pairName: row.pair_name,
  pairPhone: row.pair_phone,
  pairedBy: row.paired_by,
  pairedAt: row.paired_at,
  lastVisitAt: row.last_visit_at,
});

/** Elders at risk with their pairs, the visits made to them, and how often each risk level is visited. */
export class RiskVisitRepository {
  constructor(private readonly dataSource: DataSource) {}

  async frequencies(): Promise<Record<RiskLevel, number>> {
    const rows: { risk_level: RiskLevel; every_days: number }[] = await this.dataSource.query(
      'SELECT risk_level, every_days FROM visit_frequencies',
    );
    return Object.fromEntries(rows.map((row) => [row.risk_level, row.every_days])) as Record<RiskLevel, number>;
  }

  async setFrequencies(everyDays: Record<RiskLevel, number>, by: string): Promise<void> {
    const levels = Object.keys(everyDays) as RiskLevel[];
    await this.dataSource.query(
      `INSERT INTO visit_frequencies (risk_level, every_days, set_by, set_at)
       SELECT unnest($1::text[]), unnest($2::int[]), $3, now()
       ON CONFLICT (risk_level) DO UPDATE SET every_days = EXCLUDED.every_days, set_by = EXCLUDED.set_by, set_at = now()`,
      [levels, levels.map((level) => everyDays[level]), by],
    );
  }

  async setPair(pair: {
    elderId: string;
    riskLevel: RiskLevel;
    pairKind: PairKind;
    pairName: string;
    pairPhone: string;
    pairedBy: string;
  }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO elder_pairs (elder_id, risk_level, pair_kind, pair_name, pair_phone, paired_by)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (elder_id) DO UPDATE SET risk_level = EXCLUDED.risk_level, pair_kind = EXCLUDED.pair_kind,
         pair_name = EXCLUDED.pair_name, pair_phone = EXCLUDED.pair_phone, paired_by = EXCLUDED.paired_by,
         paired_at = now()`,
      [pair.elderId, pair.riskLevel, pair.pairKind, pair.pairName, pair.pairPhone, pair.pairedBy],
    );
  }

  async pairOf(elderId: string): Promise<ElderPairRow | undefined> {
    const [row]: PairRow[] = await this.dataSource.query(`${SELECT_PAIRS} WHERE p.elder_id = $1`, [elderId]);
    return row && toPair(row);
  }

  /** Every pair the scope covers, with its last visit. */
  async pairsInScope(scope: AccessScope): Promise<ElderPairRow[]> {
    const params: unknown[] = [];
    const rows: PairRow[] = await this.dataSource.query(
      `${SELECT_PAIRS} WHERE ${scopeCondition(scope, params)} ORDER BY c.name, e.name`,
      params,
    );
    return rows.map(toPair);
  }

  async visitsOf(elderId: string, limit: number): Promise<RiskVisitRow[]> {
    const rows: {
      id: string;
      visited_at: Date;
      mode: RiskVisitMode;
      visitor: string;
      findings: string;
      concerns: VisitConcern[];
      alert_id: string | null;
    }[] = await this.dataSource.query(
      `SELECT v.id, v.visited_at, v.mode, u.display_name AS visitor, v.findings, v.concerns, v.alert_id
       FROM risk_visits v JOIN users u ON u.id = v.visitor_id
       WHERE v.elder_id = $1 ORDER BY v.visited_at DESC LIMIT $2`,
      [elderId, limit],
    );
    return rows.map((row) => ({
      id: row.id,
      visitedAt: row.visited_at,
      mode: row.mode,
      visitor: row.visitor,
      findings: row.findings,
      concerns: row.concerns,
      alertId: row.alert_id,
    }));
  }

  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async insertVisit(manager: EntityManager, visit: NewRiskVisit): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO risk_visits (elder_id, visited_at, mode, visitor_id, findings, concerns)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [visit.elderId, visit.visitedAt, visit.mode, visit.visitorId, visit.findings, visit.concerns],
    );
    return id;
  }

  async linkAlert(manager: EntityManager, visitId: string, alertId: string): Promise<void> {
    await manager.query('UPDATE risk_visits SET alert_id = $2 WHERE id = $1', [visitId, alertId]);
  }

  /**
   * Per community of the scope (and region, if named): special-hardship (特困) elders and paired elders, and how many
   * of each had a visit in `[from, to)`.
   */
  async monthByCommunity(window: {
    scope: AccessScope;
    regionId?: string;
    from: Date;
    to: Date;
  }): Promise<RiskVisitMonthRow[]> {
    const params: unknown[] = [window.from, window.to];
    const where = [scopeCondition(window.scope, params)];
    if (window.regionId) {
      params.push(window.regionId);
      where.push(`$${params.length}::uuid IN (c.id, s.id, d.id)`);
    }
    const rows: {
      community_id: string;
      community: string;
      street: string | null;
      district: string | null;
      hardship: number;
      hardship_visited: number;
      paired: number;
      paired_visited: number;
    }[] = await this.dataSource.query(
      `WITH visited AS (
         SELECT DISTINCT elder_id FROM risk_visits WHERE visited_at >= $1 AND visited_at < $2)
       SELECT c.id AS community_id, c.name AS community, s.name AS street, d.name AS district,
         count(*) FILTER (WHERE 'extreme_poverty' = ANY(e.categories))::int AS hardship,
         count(*) FILTER (WHERE 'extreme_poverty' = ANY(e.categories) AND vi.elder_id IS NOT NULL)::int AS hardship_visited,
         count(p.elder_id)::int AS paired,
         count(p.elder_id) FILTER (WHERE vi.elder_id IS NOT NULL)::int AS paired_visited
       FROM elders e ${ELDER_PLACE_JOINS}
       LEFT JOIN elder_pairs p ON p.elder_id = e.id
       LEFT JOIN visited vi ON vi.elder_id = e.id
       WHERE e.created_at < $2 AND ${where.join(' AND ')}
       GROUP BY c.id, c.name, s.name, d.name
       HAVING count(*) FILTER (WHERE 'extreme_poverty' = ANY(e.categories)) > 0 OR count(p.elder_id) > 0
       ORDER BY d.name, s.name, c.name, c.id`,
      params,
    );
    return rows.map((row) => ({
      community: { id: row.community_id, name: row.community },
      street: row.street,
      district: row.district,
      hardship: row.hardship,
      hardshipVisited: row.hardship_visited,
      paired: row.paired,
      pairedVisited: row.paired_visited,
    }));
  }
}

import type { AccessScope, CareCallOutcome } from '@eldercare/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { ELDER_PLACE_JOINS, scopeCondition } from './scope-condition';

/** An elder who may be due a care call, with what the schedule needs to decide. */
export interface CareCallCandidate {
  elder: {
    id: string;
    name: string;
    birthDate: string;
    categories: string[];
    phone: string | null;
    community: string;
    street: string | null;
  };
  lastReachedAt: Date | null;
  lastCall: { at: Date; outcome: CareCallOutcome } | null;
}

export interface CareCallRow {
  id: string;
  at: Date;
  by: { id: string; displayName: string };
  elder: { id: string; name: string };
  outcome: CareCallOutcome;
  note: string;
  alertId: string | null;
}

/** Care calls made, and the elders a schedule may make due. */
export class CareCallRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Elders in scope in any of `categories`, with their last call and last call that reached them. */
  async candidates(scope: AccessScope, categories: readonly string[]): Promise<CareCallCandidate[]> {
    const params: unknown[] = [categories];
    const rows: {
      id: string;
      name: string;
      birth_date: string;
      categories: string[];
      phone: string | null;
      community: string;
      street: string | null;
      last_reached_at: Date | null;
      last_call_at: Date | null;
      last_call_outcome: CareCallOutcome | null;
    }[] = await this.dataSource.query(
      `SELECT e.id, e.name, to_char(e.birth_date, 'YYYY-MM-DD') AS birth_date, e.categories, e.phone, c.name AS community, s.name AS street,
         (SELECT max(k.called_at) FROM care_calls k WHERE k.elder_id = e.id AND k.outcome IN ('answered-well', 'answered-needs-help')) AS last_reached_at,
         last.called_at AS last_call_at, last.outcome AS last_call_outcome
       FROM elders e ${ELDER_PLACE_JOINS}
       LEFT JOIN LATERAL (SELECT k.called_at, k.outcome FROM care_calls k WHERE k.elder_id = e.id ORDER BY k.called_at DESC LIMIT 1) last ON TRUE
       WHERE e.categories && $1::text[] AND ${scopeCondition(scope, params)}
       ORDER BY e.name, e.id`,
      params,
    );
    return rows.map((row) => ({
      elder: {
        id: row.id,
        name: row.name,
        birthDate: row.birth_date,
        categories: row.categories,
        phone: row.phone,
        community: row.community,
        street: row.street,
      },
      lastReachedAt: row.last_reached_at,
      lastCall:
        row.last_call_at && row.last_call_outcome ? { at: row.last_call_at, outcome: row.last_call_outcome } : null,
    }));
  }

  /** The calls made to elders in scope between `from` and `to`, in call order. */
  async made(scope: AccessScope, from: Date, to: Date): Promise<CareCallRow[]> {
    const params: unknown[] = [from, to];
    const rows: {
      id: string;
      called_at: Date;
      by_id: string;
      by_name: string;
      elder_id: string;
      elder_name: string;
      outcome: CareCallOutcome;
      note: string;
      alert_id: string | null;
    }[] = await this.dataSource.query(
      `SELECT k.id, k.called_at, u.id AS by_id, u.display_name AS by_name, e.id AS elder_id, e.name AS elder_name, k.outcome, k.note, k.alert_id
         FROM care_calls k JOIN users u ON u.id = k.called_by JOIN elders e ON e.id = k.elder_id ${ELDER_PLACE_JOINS}
         WHERE k.called_at >= $1 AND k.called_at < $2 AND ${scopeCondition(scope, params)}
         ORDER BY k.called_at, k.id`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      at: row.called_at,
      by: { id: row.by_id, displayName: row.by_name },
      elder: { id: row.elder_id, name: row.elder_name },
      outcome: row.outcome,
      note: row.note,
      alertId: row.alert_id,
    }));
  }

  async insert(
    manager: EntityManager,
    call: { elderId: string; calledBy: string; outcome: CareCallOutcome; note: string; calledAt: Date },
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO care_calls (elder_id, called_by, outcome, note, called_at) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [call.elderId, call.calledBy, call.outcome, call.note, call.calledAt],
    );
    return id;
  }

  async linkAlert(manager: EntityManager, callId: string, alertId: string): Promise<void> {
    await manager.query(`UPDATE care_calls SET alert_id = $2 WHERE id = $1`, [callId, alertId]);
  }

  /** Runs `work` in one transaction: the call and the alert it raises are stored together or not at all. */
  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}

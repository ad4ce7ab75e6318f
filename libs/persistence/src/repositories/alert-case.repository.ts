import type { DataSource } from 'typeorm';

export interface CallRecord {
  id: string;
  at: Date;
  by: { id: string; displayName: string };
  callee: string;
  phone: string;
  answered: boolean;
  note: string;
}

export interface DispatchRecord {
  id: string;
  at: Date;
  by: { id: string; displayName: string };
  kind: string;
  sentTo: string;
  note: string;
}

export interface EscalationRecord {
  step: string;
  at: Date;
}

interface ActorRow {
  by_id: string;
  by_name: string;
}

/** What operators record while they work an alert, and what escalation left on it. */
export class AlertCaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Marks when a console first showed the alert; later showings change nothing. */
  async markShown(alertId: string, at: Date): Promise<void> {
    await this.dataSource.query(`UPDATE alerts SET first_shown_at = $2 WHERE id = $1 AND first_shown_at IS NULL`, [
      alertId,
      at,
    ]);
  }

  async addCall(alertId: string, call: Omit<CallRecord, 'id' | 'at' | 'by'> & { byUserId: string }): Promise<string> {
    const [{ id }]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO alert_calls (alert_id, called_by, callee, phone, answered, note) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [alertId, call.byUserId, call.callee, call.phone, call.answered, call.note],
    );
    return id;
  }

  async addDispatch(
    alertId: string,
    dispatch: Omit<DispatchRecord, 'id' | 'at' | 'by'> & { byUserId: string },
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO alert_dispatches (alert_id, dispatched_by, kind, sent_to, note) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [alertId, dispatch.byUserId, dispatch.kind, dispatch.sentTo, dispatch.note],
    );
    return id;
  }

  async callsOf(alertId: string): Promise<CallRecord[]> {
    const rows: (ActorRow & {
      id: string;
      called_at: Date;
      callee: string;
      phone: string;
      answered: boolean;
      note: string;
    })[] = await this.dataSource.query(
      `SELECT k.id, k.called_at, k.callee, k.phone, k.answered, k.note, u.id AS by_id, u.display_name AS by_name
       FROM alert_calls k JOIN users u ON u.id = k.called_by WHERE k.alert_id = $1 ORDER BY k.called_at, k.id`,
      [alertId],
    );
    return rows.map((row) => ({
      id: row.id,
      at: row.called_at,
      by: { id: row.by_id, displayName: row.by_name },
      callee: row.callee,
      phone: row.phone,
      answered: row.answered,
      note: row.note,
    }));
  }

  async dispatchesOf(alertId: string): Promise<DispatchRecord[]> {
    const rows: (ActorRow & { id: string; dispatched_at: Date; kind: string; sent_to: string; note: string })[] =
      await this.dataSource.query(
        `SELECT x.id, x.dispatched_at, x.kind, x.sent_to, x.note, u.id AS by_id, u.display_name AS by_name
       FROM alert_dispatches x JOIN users u ON u.id = x.dispatched_by WHERE x.alert_id = $1 ORDER BY x.dispatched_at, x.id`,
        [alertId],
      );
    return rows.map((row) => ({
      id: row.id,
      at: row.dispatched_at,
      by: { id: row.by_id, displayName: row.by_name },
      kind: row.kind,
      sentTo: row.sent_to,
      note: row.note,
    }));
  }

  async escalationsOf(alertId: string): Promise<EscalationRecord[]> {
    const rows: { step: string; escalated_at: Date }[] = await this.dataSource.query(
      `SELECT step, escalated_at FROM alert_escalations WHERE alert_id = $1 ORDER BY escalated_at`,
      [alertId],
    );
    return rows.map((row) => ({ step: row.step, at: row.escalated_at }));
  }

  /** Records a step once, however often its job runs; true the first time. Touches the alert so consoles hear. */
  async recordEscalation(alertId: string, step: string, at: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO alert_escalations (alert_id, step, escalated_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING step`,
        [alertId, step, at],
      );
      if (inserted.length === 0) return false;
      await manager.query(`UPDATE alerts SET updated_at = now() WHERE id = $1`, [alertId]);
      return true;
    });
  }
}

import type { DataSource } from 'typeorm';

export interface AbsenceRecord {
  id: string;
  reason: 'away' | 'hospital';
  startsAt: Date;
  endsAt: Date;
  recordedBy: string;
  recordedAt: Date;
}

/** What tunes the rules for one elder: threshold overrides and absences. Callers check the scope first. */
export class ElderSettingsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async ruleSettings(elderId: string): Promise<Record<string, unknown>> {
    const [row]: { rule_settings: Record<string, unknown> }[] = await this.dataSource.query(
      'SELECT rule_settings FROM elders WHERE id = $1',
      [elderId],
    );
    return row?.rule_settings ?? {};
  }

  async replaceRuleSettings(elderId: string, overrides: Record<string, unknown>): Promise<void> {
    await this.dataSource.query('UPDATE elders SET rule_settings = $2 WHERE id = $1', [
      elderId,
      JSON.stringify(overrides),
    ]);
  }

  /** Absences that have not ended before `since`, earliest first. */
  async absences(elderId: string, since: Date): Promise<AbsenceRecord[]> {
    const rows: {
      id: string;
      reason: 'away' | 'hospital';
      starts_at: Date;
      ends_at: Date;
      recorded_by: string;
      recorded_at: Date;
    }[] = await this.dataSource.query(
      'SELECT id, reason, starts_at, ends_at, recorded_by, recorded_at FROM elder_absences WHERE elder_id = $1 AND ends_at > $2 ORDER BY starts_at',
      [elderId, since],
    );
    return rows.map((row) => ({
      id: row.id,
      reason: row.reason,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
      recordedBy: row.recorded_by,
      recordedAt: row.recorded_at,
    }));
  }

  async addAbsence(
    elderId: string,
    absence: { reason: 'away' | 'hospital'; startsAt: Date; endsAt: Date; recordedBy: string },
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await this.dataSource.query(
      'INSERT INTO elder_absences (elder_id, reason, starts_at, ends_at, recorded_by) VALUES ($1, $2, $3, $4, $5) RETURNING id',
      [elderId, absence.reason, absence.startsAt, absence.endsAt, absence.recordedBy],
    );
    return id;
  }

  /** Ends an absence early (the elder came home); false when the elder has no such absence still running. */
  async endAbsence(elderId: string, absenceId: string, at: Date): Promise<boolean> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      "UPDATE elder_absences SET ends_at = GREATEST(starts_at + interval '1 second', $3) WHERE id = $2 AND elder_id = $1 AND ends_at > $3",
      [elderId, absenceId, at],
    );
    return count > 0;
  }
}

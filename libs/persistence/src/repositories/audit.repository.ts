import type { AccessScope } from '@eldercare/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { scopeCondition } from './scope-condition';

export interface AuditRecord {
  userId: string;
  /** `elder.read`, `alert-case.read`, `alert.claim` … */
  action: string;
  elderId: string | null;
  /** `alert:<id>`, `elder:<id>` */
  subject: string;
  detail?: Record<string, unknown>;
}

export interface AuditEntry extends AuditRecord {
  id: string;
  at: Date;
  userName: string;
  elderName: string | null;
}

/** The audit log: appended to, never changed. */
export class AuditRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(record: AuditRecord, manager: EntityManager | DataSource = this.dataSource): Promise<void> {
    await manager.query(
      `INSERT INTO audit_log (user_id, action, elder_id, subject, detail) VALUES ($1, $2, $3, $4, $5)`,
      [record.userId, record.action, record.elderId, record.subject, JSON.stringify(record.detail ?? {})],
    );
  }

  /** Many entries in one statement, for a write of many records at once (an import). */
  async appendMany(records: AuditRecord[], manager: EntityManager | DataSource = this.dataSource): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO audit_log (user_id, action, elder_id, subject, detail)
       SELECT r.user_id, r.action, r.elder_id, r.subject, r.detail FROM jsonb_to_recordset($1::jsonb) AS r(user_id uuid, action text, elder_id uuid, subject text, detail jsonb)`,
      [
        JSON.stringify(
          records.map((record) => ({
            user_id: record.userId,
            action: record.action,
            elder_id: record.elderId,
            subject: record.subject,
            detail: record.detail ?? {},
          })),
        ),
      ],
    );
  }

  /**
   * Newest first; by elder, by user, or all, of the elders the scope covers. Entries about no elder (user
   * administration) are for a city-wide scope only.
   */
  async list(
    scope: AccessScope,
    filter: { elderId?: string; userId?: string; before?: string; limit: number },
  ): Promise<AuditEntry[]> {
    const params: unknown[] = [filter.elderId ?? null, filter.userId ?? null, filter.before ?? null, filter.limit];
    const rows: {
      id: string;
      at: Date;
      user_id: string;
      user_name: string;
      action: string;
      elder_id: string | null;
      elder_name: string | null;
      subject: string;
      detail: Record<string, unknown>;
    }[] = await this.dataSource.query(
      `SELECT l.id, l.at, l.user_id, u.display_name AS user_name, l.action, l.elder_id, e.name AS elder_name, l.subject, l.detail
         FROM audit_log l JOIN users u ON u.id = l.user_id
         LEFT JOIN elders e ON e.id = l.elder_id
         LEFT JOIN regions c ON c.id = e.community_id LEFT JOIN regions s ON s.id = c.parent_id LEFT JOIN regions d ON d.id = s.parent_id
         WHERE ($1::uuid IS NULL OR l.elder_id = $1) AND ($2::uuid IS NULL OR l.user_id = $2) AND ($3::bigint IS NULL OR l.id < $3)
           AND ${scopeCondition(scope, params)}
         ORDER BY l.id DESC LIMIT $4`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      at: row.at,
      userId: row.user_id,
      userName: row.user_name,
      action: row.action,
      elderId: row.elder_id,
      elderName: row.elder_name,
      subject: row.subject,
      detail: row.detail,
    }));
  }
}

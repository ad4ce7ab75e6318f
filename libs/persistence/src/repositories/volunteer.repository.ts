import type { AccessScope } from '@eldercare/domain';
import type { DataSource, EntityManager } from 'typeorm';

export interface VolunteerRow {
  id: string;
  userId: string | null;
  username: string | null;
  name: string;
  idNumber: string;
  birthDate: string;
  phone: string;
  community: { id: string; name: string; districtId: string | null };
  elderId: string | null;
  trainedOn: string | null;
  idCheckedAt: Date | null;
  idCheckedBy: string | null;
  approvedAt: Date | null;
  approvedBy: string | null;
  registeredAt: Date;
  /** Coin minutes held now, summed from the journal. */
  balance: number;
}

export interface NewVolunteer {
  name: string;
  idNumber: string;
  birthDate: string;
  phone: string;
  communityId: string;
  elderId: string | null;
  trainedOn: string | null;
  registeredBy: string;
}

const SELECT_VOLUNTEERS = `
  SELECT v.id, v.user_id, u.username, v.name, v.id_number, to_char(v.birth_date, 'YYYY-MM-DD') AS birth_date, v.phone,
    c.id AS community_id, c.name AS community, d.id AS district_id, v.elder_id,
    to_char(v.trained_on, 'YYYY-MM-DD') AS trained_on, v.id_checked_at, ic.display_name AS id_checked_by,
    v.approved_at, ap.display_name AS approved_by, v.registered_at,
    COALESCE((SELECT sum(amount) FROM time_coin_entries t WHERE t.account = 'volunteer:' || v.id), 0)::int AS balance
  FROM volunteers v
  JOIN regions c ON c.id = v.community_id
  LEFT JOIN regions s ON s.id = c.parent_id
  LEFT JOIN regions d ON d.id = s.parent_id
  LEFT JOIN users u ON u.id = v.user_id
  LEFT JOIN users ic ON ic.id = v.id_checked_by
  LEFT JOIN users ap ON ap.id = v.approved_by`;

interface Row {
  id: string;
  user_id: string | null;
  username: string | null;
  name: string;
  id_number: string;
  birth_date: string;
  phone: string;
  community_id: string;
  community: string;
  district_id: string | null;
  elder_id: string | null;
  trained_on: string | null;
  id_checked_at: Date | null;
  id_checked_by: string | null;
  approved_at: Date | null;
  approved_by: string | null;
  registered_at: Date;
  balance: number;
}

const toRow = (row: Row): VolunteerRow => ({
  id: row.id,
  userId: row.user_id,
  username: row.username,
  name: row.name,
  idNumber: row.id_number,
  birthDate: row.birth_date,
  phone: row.phone,
  community: { id: row.community_id, name: row.community, districtId: row.district_id },
  elderId: row.elder_id,
  trainedOn: row.trained_on,
  idCheckedAt: row.id_checked_at,
  idCheckedBy: row.id_checked_by,
  approvedAt: row.approved_at,
  approvedBy: row.approved_by,
  registeredAt: row.registered_at,
  balance: row.balance,
});

/** The condition keeping volunteers to a scope: staff see those of the communities they watch. */
function volunteerScope(scope: AccessScope, params: unknown[]): string {
  if (scope.kind === 'city') return 'TRUE';
  if (scope.kind !== 'regions') return 'FALSE';
  params.push(scope.regionIds);
  return `ARRAY[c.id, s.id, d.id] && $${params.length}::uuid[]`;
}

/** The time bank's volunteers: registered, ID checked and approved by community staff. */
export class VolunteerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Answers the new volunteer's id, or undefined when the ID number is registered already. */
  async register(volunteer: NewVolunteer): Promise<string | undefined> {
    const rows: { id: string }[] = await this.dataSource.query(
      `INSERT INTO volunteers (name, id_number, birth_date, phone, community_id, elder_id, trained_on, registered_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (id_number) DO NOTHING RETURNING id`,
      [
        volunteer.name,
        volunteer.idNumber,
        volunteer.birthDate,
        volunteer.phone,
        volunteer.communityId,
        volunteer.elderId,
        volunteer.trainedOn,
        volunteer.registeredBy,
      ],
    );
    return rows[0]?.id;
  }

  async findInScope(scope: AccessScope, id: string): Promise<VolunteerRow | undefined> {
    const params: unknown[] = [id];
    const [row]: Row[] = await this.dataSource.query(
      `${SELECT_VOLUNTEERS} WHERE v.id = $1 AND ${volunteerScope(scope, params)}`,
      params,
    );
    return row && toRow(row);
  }

  async findByUser(userId: string): Promise<VolunteerRow | undefined> {
    const [row]: Row[] = await this.dataSource.query(`${SELECT_VOLUNTEERS} WHERE v.user_id = $1`, [userId]);
    return row && toRow(row);
  }

  async list(scope: AccessScope, limit: number): Promise<VolunteerRow[]> {
    const params: unknown[] = [];
    const where = volunteerScope(scope, params);
    params.push(limit);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT_VOLUNTEERS} WHERE ${where} ORDER BY v.approved_at IS NOT NULL, v.registered_at DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRow);
  }

  /** Runs `work` holding the volunteer's row lock; `work` gets nothing when there is no such volunteer. */
  inVolunteerTransaction<T>(id: string, work: (manager: EntityManager, found: boolean) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const rows: unknown[] = await manager.query(`SELECT 1 FROM volunteers WHERE id = $1 FOR UPDATE`, [id]);
      return work(manager, rows.length > 0);
    });
  }

  async recordIdCheck(manager: EntityManager, id: string, by: string, at: Date, trainedOn?: string): Promise<void> {
    await manager.query(
      `UPDATE volunteers SET id_checked_by = $2, id_checked_at = $3, trained_on = COALESCE($4, trained_on) WHERE id = $1`,
      [id, by, at, trainedOn ?? null],
    );
  }

  /** Gives the volunteer a sign-in (role `volunteer`) and records the approval, in the caller's transaction. */
  async approve(
    manager: EntityManager,
    id: string,
    approval: { username: string; displayName: string; passwordHash: string; by: string; at: Date },
  ): Promise<void> {
    const [{ id: userId }]: { id: string }[] = await manager.query(
      `INSERT INTO users (username, display_name, password_hash, role) VALUES ($1, $2, $3, 'volunteer') RETURNING id`,
      [approval.username, approval.displayName, approval.passwordHash],
    );
    await manager.query(`UPDATE volunteers SET user_id = $2, approved_by = $3, approved_at = $4 WHERE id = $1`, [
      id,
      userId,
      approval.by,
      approval.at,
    ]);
  }
}

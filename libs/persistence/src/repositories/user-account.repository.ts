import type { DataSource } from 'typeorm';
import { toUser, USER_COLUMNS, type UserRecord, type UserRow } from './user.repository';

/** A user as an admin manages them. */
export interface UserAccountRecord extends UserRecord {
  createdAt: Date;
  disabledAt: Date | null;
}

type UserAccountRow = UserRow & { created_at: Date; disabled_at: Date | null };

const toAccount = (row: UserAccountRow): UserAccountRecord => ({
  ...toUser(row),
  createdAt: row.created_at,
  disabledAt: row.disabled_at,
});

const ACCOUNT_COLUMNS = `${USER_COLUMNS}, u.created_at, u.disabled_at`;

/** Users' accounts: listed and disabled by admins (created through `UserRepository.create`). */
export class UserAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every account, disabled ones included, by user name. */
  async list(): Promise<UserAccountRecord[]> {
    const rows: UserAccountRow[] = await this.dataSource.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM users u ORDER BY u.username`,
    );
    return rows.map(toAccount);
  }

  async findById(userId: string): Promise<UserAccountRecord | undefined> {
    const [row]: UserAccountRow[] = await this.dataSource.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM users u WHERE u.id = $1`,
      [userId],
    );
    return row && toAccount(row);
  }

  /** Which of these regions and elders do not exist, so that a new user's scope names only real ones. */
  async missing(regionIds: string[], elderIds: string[]): Promise<{ regionIds: string[]; elderIds: string[] }> {
    const [row]: { region_ids: string[]; elder_ids: string[] }[] = await this.dataSource.query(
      `SELECT ARRAY(SELECT id FROM unnest($1::uuid[]) AS wanted(id) WHERE NOT EXISTS (SELECT 1 FROM regions r WHERE r.id = wanted.id)) AS region_ids,
              ARRAY(SELECT id FROM unnest($2::uuid[]) AS wanted(id) WHERE NOT EXISTS (SELECT 1 FROM elders e WHERE e.id = wanted.id)) AS elder_ids`,
      [regionIds, elderIds],
    );
    return { regionIds: row.region_ids, elderIds: row.elder_ids };
  }

  async usernameTaken(username: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM users WHERE username = $1', [username]);
    return rows.length > 0;
  }

  /**
   * Disables the account and ends its sessions, in one transaction. Returns the hashes of the sessions ended; none
   * and false when there was no enabled account with that id.
   */
  async disable(userId: string, at: Date): Promise<{ disabled: boolean; endedSessions: string[] }> {
    return this.dataSource.transaction(async (manager) => {
      const [updated]: [{ id: string }[], number] = await manager.query(
        `UPDATE users SET disabled_at = $2 WHERE id = $1 AND disabled_at IS NULL RETURNING id`,
        [userId, at],
      );
      if (updated.length === 0) return { disabled: false, endedSessions: [] };
      const [ended]: [{ token_hash: string }[], number] = await manager.query(
        `DELETE FROM user_sessions WHERE user_id = $1 RETURNING token_hash`,
        [userId],
      );
      return { disabled: true, endedSessions: ended.map((row) => row.token_hash) };
    });
  }
}

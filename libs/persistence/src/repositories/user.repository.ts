import type { Role } from '@eldercare/domain';
import type { DataSource } from 'typeorm';

/** A user with what decides their scope. */
export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  providerId: string | null;
  regionIds: string[];
  elderIds: string[];
}

export interface NewUser {
  username: string;
  displayName: string;
  passwordHash: string;
  role: Role;
  providerId?: string | null;
  regionIds?: string[];
  elders?: { elderId: string; relation: string }[];
}

/** A users row with its scope, as USER_COLUMNS selects it. */
export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  provider_id: string | null;
  region_ids: string[];
  elder_ids: string[];
}

/** The columns of a user and their scope; the query names the user `u`. */
export const USER_COLUMNS = `u.id, u.username, u.display_name, u.role, u.provider_id,
  ARRAY(SELECT region_id FROM user_regions r WHERE r.user_id = u.id ORDER BY region_id) AS region_ids,
  ARRAY(SELECT elder_id FROM user_elders f WHERE f.user_id = u.id ORDER BY elder_id) AS elder_ids`;

export const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  providerId: row.provider_id,
  regionIds: row.region_ids,
  elderIds: row.elder_ids,
});

/** Users, their scopes and their sessions. */
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(user: NewUser): Promise<UserRecord> {
    return this.dataSource.transaction(async (manager) => {
      const [{ id }]: { id: string }[] = await manager.query(
        `INSERT INTO users (username, display_name, password_hash, role, provider_id) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [user.username, user.displayName, user.passwordHash, user.role, user.providerId ?? null],
      );
      await manager.query(`INSERT INTO user_regions (user_id, region_id) SELECT $1, unnest($2::uuid[])`, [
        id,
        user.regionIds ?? [],
      ]);
      const elders = user.elders ?? [];
      await manager.query(
        `INSERT INTO user_elders (user_id, elder_id, relation) SELECT $1, unnest($2::uuid[]), unnest($3::text[])`,
        [id, elders.map((elder) => elder.elderId), elders.map((elder) => elder.relation)],
      );
      const [row]: UserRow[] = await manager.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
      return toUser(row);
    });
  }

  /** The active user with this name and their password hash, for signing in. */
  async findForLogin(username: string): Promise<{ user: UserRecord; passwordHash: string } | undefined> {
    const [row]: (UserRow & { password_hash: string })[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS}, u.password_hash FROM users u WHERE u.username = $1 AND u.disabled_at IS NULL`,
      [username],
    );
    return row && { user: toUser(row), passwordHash: row.password_hash };
  }

  async findByUsername(username: string): Promise<UserRecord | undefined> {
    const [row]: UserRow[] = await this.dataSource.query(`SELECT ${USER_COLUMNS} FROM users u WHERE u.username = $1`, [
      username,
    ]);
    return row && toUser(row);
  }

  async count(): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query('SELECT count(*)::int AS count FROM users');
    return count;
  }

  async createSession(tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
    await this.dataSource.query(`INSERT INTO user_sessions (token_hash, user_id, expires_at) VALUES ($1, $2, $3)`, [
      tokenHash,
      userId,
      expiresAt,
    ]);
  }

  /** The user of a live session; none once it expired or the user was disabled. */
  async findBySession(tokenHash: string, now: Date): Promise<UserRecord | undefined> {
    const [row]: UserRow[] = await this.dataSource.query(
      `SELECT ${USER_COLUMNS} FROM user_sessions t JOIN users u ON u.id = t.user_id
       WHERE t.token_hash = $1 AND t.expires_at > $2 AND u.disabled_at IS NULL`,
      [tokenHash, now],
    );
    return row && toUser(row);
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM user_sessions WHERE token_hash = $1`, [tokenHash]);
  }

  async deleteExpiredSessions(now: Date): Promise<number> {
    const [, count]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM user_sessions WHERE expires_at <= $1`,
      [now],
    );
    return count;
  }
}

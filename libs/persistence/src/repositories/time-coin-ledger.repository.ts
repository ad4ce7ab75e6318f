import {
  balancesOf,
  type CoinGiftRelation,
  type JournalMovement,
  type LedgerEntry,
  type TimeCoinAccount,
  type TimeCoinMovement,
} from '@eldercare/domain';
import type { DataSource, EntityManager } from 'typeorm';

/** Who wrote a movement and why: null author for the platform's own (an abandoned request released on time). */
export interface MovementNote {
  requestId?: string | null;
  reversesId?: string | null;
  relation?: CoinGiftRelation | null;
  reason?: string | null;
  authorId: string | null;
}

export interface StoredMovement {
  id: string;
  kind: TimeCoinMovement;
  requestId: string | null;
  reversesId: string | null;
  reversedById: string | null;
  relation: CoinGiftRelation | null;
  reason: string | null;
  author: string | null;
  createdAt: Date;
  entries: LedgerEntry[];
}

/**
 * The time-coin journal. A movement is written in its caller's transaction after the accounts it takes from are
 * locked (in one order, so two movements never wait on each other) and their balances summed under the locks: two
 * movements from one account run one after the other, and the second sees the first's entries, so a coin is never
 * spent twice. The database refuses entries that do not sum to zero and any change to what was written.
 */
export class TimeCoinLedgerRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks `accounts`, builds the movement from their balances and writes it; answers the movement's id. The city's
   * account is never locked: it may go below zero, so nothing read from it decides anything.
   */
  async write(
    manager: EntityManager,
    accounts: readonly TimeCoinAccount[],
    build: (balances: Map<TimeCoinAccount, number>) => JournalMovement,
    note: MovementNote,
  ): Promise<string> {
    const locked = [...new Set(accounts)].filter((account) => account !== 'city').sort();
    await manager.query(
      `INSERT INTO time_coin_accounts (code) SELECT unnest($1::text[]) ORDER BY 1 ON CONFLICT DO NOTHING`,
      [locked],
    );
    await manager.query(`SELECT code FROM time_coin_accounts WHERE code = ANY($1::text[]) ORDER BY code FOR UPDATE`, [
      locked,
    ]);
    const movement = build(await this.balances(manager, locked));
    const touched = [...new Set(movement.entries.map((entry) => entry.account))];
    await manager.query(`INSERT INTO time_coin_accounts (code) SELECT unnest($1::text[]) ON CONFLICT DO NOTHING`, [
      touched,
    ]);
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO time_coin_movements (kind, request_id, reverses_id, relation, reason, author_id)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [
        movement.kind,
        note.requestId ?? null,
        note.reversesId ?? null,
        note.relation ?? null,
        note.reason ?? null,
        note.authorId,
      ],
    );
    await manager.query(
      `INSERT INTO time_coin_entries (movement_id, account, amount)
       SELECT $1, * FROM unnest($2::text[], $3::int[])`,
      [id, movement.entries.map((entry) => entry.account), movement.entries.map((entry) => entry.amount)],
    );
    return id;
  }

  /** The balances of `accounts`, summed from their entries; an account without entries holds 0. */
  async balances(
    manager: EntityManager | DataSource,
    accounts: readonly TimeCoinAccount[],
  ): Promise<Map<TimeCoinAccount, number>> {
    const rows: { account: TimeCoinAccount; amount: number }[] = await manager.query(
      `SELECT account, sum(amount)::int AS amount FROM time_coin_entries WHERE account = ANY($1::text[]) GROUP BY account`,
      [accounts],
    );
    return balancesOf(rows);
  }

  async balanceOf(account: TimeCoinAccount): Promise<number> {
    return (await this.balances(this.dataSource, [account])).get(account) ?? 0;
  }

  inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /** A movement as written, with its entries and the reversal of it, if any. */
  async find(id: string, manager: EntityManager | DataSource = this.dataSource): Promise<StoredMovement | undefined> {
    const [row] = await this.movements(manager, 'm.id = $1', [id]);
    return row;
  }

  /**
   * A movement read holding its row lock, for its reversal: two reversals of one movement run one after the other,
   * and the second sees the first (a unique index refuses a second one anyway). Locking reads; nothing is updated.
   */
  async lockForReversal(manager: EntityManager, id: string): Promise<StoredMovement | undefined> {
    const rows: unknown[] = await manager.query(`SELECT 1 FROM time_coin_movements WHERE id = $1 FOR UPDATE`, [id]);
    return rows.length === 0 ? undefined : this.find(id, manager);
  }

  /** The elder a movement is about: its request's elder, or the elder whose account a gift went to. */
  async elderOfMovement(manager: EntityManager, id: string): Promise<string | null> {
    const [row]: { elder_id: string | null }[] = await manager.query(
      `SELECT COALESCE(r.elder_id::text,
         (SELECT substr(e.account, length('elder:') + 1) FROM time_coin_entries e
           WHERE e.movement_id = m.id AND e.account LIKE 'elder:%' LIMIT 1)) AS elder_id
       FROM time_coin_movements m LEFT JOIN volunteer_requests r ON r.id = m.request_id
       WHERE m.id = $1`,
      [id],
    );
    return row?.elder_id ?? null;
  }

  /** The payer of the request a movement belongs to. */
  async payerOfRequest(manager: EntityManager, requestId: string): Promise<TimeCoinAccount | undefined> {
    const [row]: { payer: TimeCoinAccount }[] = await manager.query(
      `SELECT payer FROM volunteer_requests WHERE id = $1`,
      [requestId],
    );
    return row?.payer;
  }

  /** The movements that touched `account`, newest first. */
  async history(account: TimeCoinAccount, limit: number): Promise<StoredMovement[]> {
    return this.movements(
      this.dataSource,
      'EXISTS (SELECT 1 FROM time_coin_entries x WHERE x.movement_id = m.id AND x.account = $1)',
      [account],
      limit,
    );
  }

  /** The sum of every entry ever written: zero, always. */
  async journalSum(): Promise<number> {
    const [{ sum }]: { sum: number }[] = await this.dataSource.query(
      `SELECT COALESCE(sum(amount), 0)::int AS sum FROM time_coin_entries`,
    );
    return sum;
  }

  private async movements(
    manager: EntityManager | DataSource,
    condition: string,
    params: unknown[],
    limit = 1,
  ): Promise<StoredMovement[]> {
    const rows: {
      id: string;
      kind: TimeCoinMovement;
      request_id: string | null;
      reverses_id: string | null;
      reversed_by_id: string | null;
      relation: CoinGiftRelation | null;
      reason: string | null;
      author: string | null;
      created_at: Date;
      entries: LedgerEntry[];
    }[] = await manager.query(
      `SELECT m.id, m.kind, m.request_id, m.reverses_id, r.id AS reversed_by_id, m.relation, m.reason,
         u.display_name AS author, m.created_at,
         (SELECT json_agg(json_build_object('account', e.account, 'amount', e.amount) ORDER BY e.id)
          FROM time_coin_entries e WHERE e.movement_id = m.id) AS entries
       FROM time_coin_movements m
       LEFT JOIN time_coin_movements r ON r.reverses_id = m.id
       LEFT JOIN users u ON u.id = m.author_id
       WHERE ${condition} ORDER BY m.created_at DESC, m.id LIMIT ${Number(limit)}`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      kind: row.kind,
      requestId: row.request_id,
      reversesId: row.reverses_id,
      reversedById: row.reversed_by_id,
      relation: row.relation,
      reason: row.reason,
      author: row.author,
      createdAt: row.created_at,
      entries: row.entries ?? [],
    }));
  }
}

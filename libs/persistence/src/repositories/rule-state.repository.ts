import type { DataSource, EntityManager } from 'typeorm';

/** A stored device message as the rules read it back. */
export interface StoredEventRow {
  eventId: string;
  uplink: Record<string, unknown>;
  occurredAt: Date;
  receivedAt: Date;
  storedAt: Date;
}

export interface ElderRuleContextRow {
  ruleSettings: Record<string, unknown>;
  absences: { reason: 'away' | 'hospital'; from: number; until: number }[];
}

/**
 * Rule state per device. `inDeviceTransaction` holds the device's row lock for the whole evaluation, so two workers
 * taking two events of one device apply them one after the other, whichever instance they run on.
 */
export class RuleStateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** `state` is `{}` for a device the rules have not seen yet. */
  inDeviceTransaction<T>(
    deviceId: string,
    work: (manager: EntityManager, state: Record<string, unknown>) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.lock(manager, deviceId);
      if (locked) return work(manager, locked);
      // The device's first pass: make its row, then lock it (a pass of another worker may have made it meanwhile).
      await manager.query('INSERT INTO device_rule_states (device_id) VALUES ($1) ON CONFLICT (device_id) DO NOTHING', [
        deviceId,
      ]);
      return work(manager, (await this.lock(manager, deviceId))!);
    });
  }

  private async lock(manager: EntityManager, deviceId: string): Promise<Record<string, unknown> | undefined> {
    const [row]: { state: Record<string, unknown> }[] = await manager.query(
      'SELECT state FROM device_rule_states WHERE device_id = $1 FOR UPDATE',
      [deviceId],
    );
    return row?.state;
  }

  /**
   * The device's rule state as last committed, read without its lock (a pass holding it may be about to move it on);
   * null for a device the rules have not seen yet.
   */
  async committed(deviceId: string): Promise<Record<string, unknown> | null> {
    const [row]: { state: Record<string, unknown> }[] = await this.dataSource.query(
      'SELECT state FROM device_rule_states WHERE device_id = $1',
      [deviceId],
    );
    return row && Object.keys(row.state).length > 0 ? row.state : null;
  }

  async save(manager: EntityManager, deviceId: string, state: object): Promise<void> {
    await manager.query('UPDATE device_rule_states SET state = $2, updated_at = now() WHERE device_id = $1', [
      deviceId,
      JSON.stringify(state),
    ]);
  }

  /**
   * The device's stored messages after the last one the rules applied, in device time: one device's messages may
   * reach the gateway over different connections and their jobs any worker, but the rules see them in sequence.
   */
  async eventsAfter(
    manager: EntityManager,
    deviceId: string,
    lastApplied: { occurredAt: number; eventId: string } | null,
    limit = 500,
  ): Promise<StoredEventRow[]> {
    const rows: { id: string; body: Record<string, unknown>; occurred_at: Date; received_at: Date; stored_at: Date }[] =
      await manager.query(
        `SELECT id::text, body, occurred_at, received_at, stored_at FROM device_messages
       WHERE device_id = $1 AND (occurred_at, id) > ($2::timestamptz, $3::bigint)
       ORDER BY occurred_at, id LIMIT $4`,
        [deviceId, new Date(lastApplied?.occurredAt ?? 0), lastApplied?.eventId ?? '0', limit],
      );
    return rows.map((row) => ({
      eventId: row.id,
      uplink: row.body,
      occurredAt: row.occurred_at,
      receivedAt: row.received_at,
      storedAt: row.stored_at,
    }));
  }

  /**
   * The elder's rule overrides and absences: those not over by `now`, and those over within the last
   * `endedWithinMs`, since quiet time counts again only from the elder's return.
   */
  async elderContext(
    manager: EntityManager,
    elderId: string,
    now: Date,
    endedWithinMs = 7 * 24 * 3600_000,
  ): Promise<ElderRuleContextRow> {
    // One round trip: the absences as epoch milliseconds in a JSON array, earliest first.
    const [row]: { rule_settings: Record<string, unknown>; absences: ElderRuleContextRow['absences'] }[] =
      await manager.query(
        `SELECT e.rule_settings, coalesce((
           SELECT json_agg(json_build_object(
                    'reason', a.reason,
                    'from', floor(extract(epoch FROM a.starts_at) * 1000)::bigint,
                    'until', floor(extract(epoch FROM a.ends_at) * 1000)::bigint
                  ) ORDER BY a.starts_at)
           FROM elder_absences a WHERE a.elder_id = e.id AND a.ends_at > $2
         ), '[]') AS absences
         FROM elders e WHERE e.id = $1`,
        [elderId, new Date(now.getTime() - endedWithinMs)],
      );
    return { ruleSettings: row?.rule_settings ?? {}, absences: row?.absences ?? [] };
  }
}

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

/** Where the rules stand with one device: its stored messages after `lastApplied` are still to be applied. */
export interface DeviceToCatchUp {
  deviceId: string;
  lastApplied: { occurredAt: number; eventId: string } | null;
}

/**
 * Rule state per device. `inDevicesTransaction` holds the devices' row locks for the whole evaluation, so two
 * workers taking events of one device apply them one after the other, whichever instance they run on.
 */
export class RuleStateRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Locks the devices' rule states, in device id order (so passes over overlapping devices never deadlock), making
   * the rows of devices seen for the first time. A state is `{}` for a device the rules have not seen yet.
   */
  inDevicesTransaction<T>(
    deviceIds: string[],
    work: (manager: EntityManager, states: Map<string, Record<string, unknown>>) => Promise<T>,
  ): Promise<T> {
    const sorted = [...new Set(deviceIds)].sort();
    return this.dataSource.transaction(async (manager) => {
      const states = await this.lock(manager, sorted);
      const missing = sorted.filter((deviceId) => !states.has(deviceId));
      if (missing.length > 0) {
        // First passes: make their rows, then lock them (a pass of another worker may have made some meanwhile).
        await manager.query(
          'INSERT INTO device_rule_states (device_id) SELECT unnest($1::text[]) ON CONFLICT (device_id) DO NOTHING',
          [missing],
        );
        for (const [deviceId, state] of await this.lock(manager, missing)) states.set(deviceId, state);
      }
      return work(manager, states);
    });
  }

  private async lock(manager: EntityManager, deviceIds: string[]): Promise<Map<string, Record<string, unknown>>> {
    const rows: { device_id: string; state: Record<string, unknown> }[] = await manager.query(
      'SELECT device_id, state FROM device_rule_states WHERE device_id = ANY($1::text[]) ORDER BY device_id FOR UPDATE',
      [deviceIds],
    );
    return new Map(rows.map((row) => [row.device_id, row.state]));
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

  /** Stores the states of several devices in one statement. */
  async saveAll(manager: EntityManager, states: { deviceId: string; state: object }[]): Promise<void> {
    if (states.length === 0) return;
    await manager.query(
      `UPDATE device_rule_states s SET state = v.state, updated_at = now()
       FROM unnest($1::text[], $2::jsonb[]) AS v(device_id, state) WHERE s.device_id = v.device_id`,
      [states.map((entry) => entry.deviceId), states.map((entry) => JSON.stringify(entry.state))],
    );
  }

  /**
   * Each device's stored messages after the last one the rules applied, in device time, at most `limit` per device,
   * in one round trip: one device's messages may reach the gateway over different connections and their jobs any
   * worker, but the rules see them in sequence.
   */
  async eventsAfter(
    manager: EntityManager,
    devices: DeviceToCatchUp[],
    limit = 500,
  ): Promise<Map<string, StoredEventRow[]>> {
    const rows: {
      device_id: string;
      id: string;
      body: Record<string, unknown>;
      occurred_at: Date;
      received_at: Date;
      stored_at: Date;
    }[] = await manager.query(
      `SELECT d.device_id, m.id::text, m.body, m.occurred_at, m.received_at, m.stored_at
       FROM unnest($1::text[], $2::timestamptz[], $3::bigint[]) AS d(device_id, after_at, after_id)
       CROSS JOIN LATERAL (
         SELECT id, body, occurred_at, received_at, stored_at FROM device_messages
         WHERE device_id = d.device_id AND (occurred_at, id) > (d.after_at, d.after_id)
         ORDER BY occurred_at, id LIMIT $4
       ) m
       ORDER BY d.device_id, m.occurred_at, m.id`,
      [
        devices.map((device) => device.deviceId),
        devices.map((device) => new Date(device.lastApplied?.occurredAt ?? 0)),
        devices.map((device) => device.lastApplied?.eventId ?? '0'),
        limit,
      ],
    );
    const events = new Map<string, StoredEventRow[]>(devices.map((device) => [device.deviceId, []]));
    for (const row of rows)
      events.get(row.device_id)!.push({
        eventId: row.id,
        uplink: row.body,
        occurredAt: row.occurred_at,
        receivedAt: row.received_at,
        storedAt: row.stored_at,
      });
    return events;
  }

  /**
   * Each elder's rule overrides and absences: those not over by `now`, and those over within the last
   * `endedWithinMs`, since quiet time counts again only from the elder's return. An elder the registry does not
   * hold has none.
   */
  async elderContexts(
    manager: EntityManager,
    elderIds: string[],
    now: Date,
    endedWithinMs = 7 * 24 * 3600_000,
  ): Promise<Map<string, ElderRuleContextRow>> {
    // One round trip: the absences of each elder as epoch milliseconds in a JSON array, earliest first.
    const rows: {
      id: string;
      rule_settings: Record<string, unknown>;
      absences: ElderRuleContextRow['absences'];
    }[] = await manager.query(
      `SELECT e.id, e.rule_settings, coalesce((
         SELECT json_agg(json_build_object(
                  'reason', a.reason,
                  'from', floor(extract(epoch FROM a.starts_at) * 1000)::bigint,
                  'until', floor(extract(epoch FROM a.ends_at) * 1000)::bigint
                ) ORDER BY a.starts_at)
         FROM elder_absences a WHERE a.elder_id = e.id AND a.ends_at > $2
       ), '[]') AS absences
       FROM elders e WHERE e.id = ANY($1::uuid[])`,
      [[...new Set(elderIds)], new Date(now.getTime() - endedWithinMs)],
    );
    const contexts = new Map(rows.map((row) => [row.id, { ruleSettings: row.rule_settings, absences: row.absences }]));
    for (const elderId of elderIds)
      if (!contexts.has(elderId)) contexts.set(elderId, { ruleSettings: {}, absences: [] });
    return contexts;
  }
}

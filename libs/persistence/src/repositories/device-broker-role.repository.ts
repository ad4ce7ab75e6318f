import type { DataSource } from 'typeorm';

/** Held, for a whole pass, by the one process bringing broker roles up to date. */
const ROLE_UPGRADE_LOCK = 0x67726e74; // 'grnt'

/** A device in service and the version of the device grants its broker role holds. */
export interface DeviceRoleVersion {
  deviceId: string;
  grantsVersion: number;
}

/** Which devices' broker roles hold older grants than the current ones, for bringing them up to date. */
export class DeviceBrokerRoleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Runs `work` unless another process is running it: a Postgres session advisory lock, which the server also
   * releases when this process dies. False, without running it, when another process holds the lock.
   */
  async runAlone(work: () => Promise<void>): Promise<boolean> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }]: { locked: boolean }[] = await runner.query('SELECT pg_try_advisory_lock($1) AS locked', [
        ROLE_UPGRADE_LOCK,
      ]);
      if (!locked) return false;
      try {
        await work();
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [ROLE_UPGRADE_LOCK]);
      }
      return true;
    } finally {
      await runner.release();
    }
  }

  /** How many devices in service have roles older than `version`. */
  async countBehind(version: number): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS count FROM devices WHERE status = 'active' AND broker_grants_version < $1`,
      [version],
    );
    return count;
  }

  /** The next devices in service, by id after `afterId`, whose roles are older than `version`. Retired ones never. */
  async findBehind(version: number, afterId: string, limit: number): Promise<DeviceRoleVersion[]> {
    const rows: { id: string; broker_grants_version: number }[] = await this.dataSource.query(
      `SELECT id, broker_grants_version FROM devices
       WHERE status = 'active' AND broker_grants_version < $1 AND id > $2
       ORDER BY id LIMIT $3`,
      [version, afterId, limit],
    );
    return rows.map((row) => ({ deviceId: row.id, grantsVersion: row.broker_grants_version }));
  }

  /** Records that these devices' roles hold the grants of `version` (never lowers one). */
  async markUpgraded(deviceIds: readonly string[], version: number): Promise<void> {
    if (deviceIds.length === 0) return;
    await this.dataSource.query(
      'UPDATE devices SET broker_grants_version = $2 WHERE id = ANY($1::text[]) AND broker_grants_version < $2',
      [deviceIds, version],
    );
  }
}

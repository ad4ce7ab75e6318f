import type { DataSource, EntityManager } from 'typeorm';

/** One local hour of a water meter's history: did the elder use water in it. */
export interface WaterUseHour {
  hourStart: number;
  used: boolean;
}

/** Water meter history as the learned baseline reads it, straight from the stored readings. */
export class WaterUseRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Hours since `since` in which the meter reported, each marked used when the register rose against the reading
   * before or water was flowing. Hours without a reading are left out: no report is not the same as no use.
   */
  async hourlyUse(manager: EntityManager, deviceId: string, since: Date): Promise<WaterUseHour[]> {
    const rows: { hour: Date; used: boolean }[] = await manager.query(
      `SELECT date_trunc('hour', occurred_at) AS hour, bool_or(rise > 0 OR flow > 0) AS used
       FROM (
         SELECT occurred_at,
                (body ->> 'totalLiters')::float8 - lag((body ->> 'totalLiters')::float8) OVER (ORDER BY occurred_at, id) AS rise,
                coalesce((body ->> 'flowLpm')::float8, 0) AS flow
         FROM device_messages WHERE device_id = $1 AND kind = 'water' AND occurred_at >= $2
       ) readings
       GROUP BY 1 ORDER BY 1`,
      [deviceId, since],
    );
    return rows.map((row) => ({ hourStart: row.hour.getTime(), used: row.used }));
  }

  /** Active water meters that serve an elder: the ones whose baseline is checked. */
  async metersInService(): Promise<{ deviceId: string; elderId: string }[]> {
    const rows: { id: string; elder_id: string }[] = await this.dataSource.query(
      "SELECT id, elder_id FROM devices WHERE type = 'water_meter' AND status = 'active' AND elder_id IS NOT NULL ORDER BY id",
    );
    return rows.map((row) => ({ deviceId: row.id, elderId: row.elder_id }));
  }
}

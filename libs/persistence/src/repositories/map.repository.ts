import type { AccessScope } from '@eldercare/domain';
import type { DataSource } from 'typeorm';
import type { RegionLevel, RegionOutline } from '../entities/region.entity';
import { ELDER_PLACE_JOINS, scopeCondition } from './scope-condition';

/** An elder with a home position, where they live in the network, and whether a device of theirs is in trouble. */
export interface ElderPointRow {
  id: string;
  name: string;
  lat: number;
  lon: number;
  categories: string[];
  communityId: string;
  streetId: string | null;
  districtId: string | null;
  offline: boolean;
  lowBattery: boolean;
}

/** A caregiver's last check-in or check-out position at a visit to an elder in scope. */
export interface CaregiverPositionRow {
  caregiverId: string;
  name: string;
  provider: string;
  lat: number;
  lon: number;
  at: Date;
  kind: 'check-in' | 'check-out';
}

export interface StationRow {
  id: string;
  name: string;
  provider: { id: string; name: string };
  address: string;
  phone: string;
  lat: number;
  lon: number;
  services: string[];
}

export interface OutlineRow {
  regionId: string;
  name: string;
  level: RegionLevel;
  outline: RegionOutline;
}

/** What the maps draw, always kept to the asker's scope where it is about elders. */
export class MapRepository {
  constructor(private readonly dataSource: DataSource) {}

  async elderPoints(scope: AccessScope, lowBelowPercent: number): Promise<ElderPointRow[]> {
    const params: unknown[] = [lowBelowPercent];
    const rows: {
      id: string;
      name: string;
      home_lat: number;
      home_lon: number;
      categories: string[];
      community_id: string;
      street_id: string | null;
      district_id: string | null;
      offline: boolean;
      low_battery: boolean;
    }[] = await this.dataSource.query(
      `SELECT e.id, e.name, e.home_lat, e.home_lon, e.categories, c.id AS community_id, s.id AS street_id, d.id AS district_id,
         coalesce(bool_or(NOT dv.online), false) AS offline, coalesce(bool_or(dv.battery < $1), false) AS low_battery
       FROM elders e ${ELDER_PLACE_JOINS}
       LEFT JOIN devices dv ON dv.elder_id = e.id AND dv.status = 'active'
       WHERE e.home_lat IS NOT NULL AND e.home_lon IS NOT NULL AND ${scopeCondition(scope, params)}
       GROUP BY e.id, c.id, s.id, d.id`,
      params,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      lat: row.home_lat,
      lon: row.home_lon,
      categories: row.categories,
      communityId: row.community_id,
      streetId: row.street_id,
      districtId: row.district_id,
      offline: row.offline,
      lowBattery: row.low_battery,
    }));
  }

  /** Each caregiver's latest check-in or check-out since `since`, at a visit to an elder in scope. */
  async caregiverPositions(scope: AccessScope, since: Date): Promise<CaregiverPositionRow[]> {
    const params: unknown[] = [since];
    const rows: {
      caregiver_id: string;
      name: string;
      provider: string;
      position: { lat: number; lon: number };
      at: Date;
      kind: 'check-in' | 'check-out';
    }[] = await this.dataSource.query(
      `SELECT DISTINCT ON (w.caregiver_id) w.caregiver_id, u.display_name AS name, p.name AS provider,
         CASE WHEN w.checked_out_at IS NOT NULL THEN w.check_out_position ELSE w.check_in_position END AS position,
         coalesce(w.checked_out_at, w.checked_in_at) AS at,
         CASE WHEN w.checked_out_at IS NOT NULL THEN 'check-out' ELSE 'check-in' END AS kind
       FROM work_orders w JOIN users u ON u.id = w.caregiver_id JOIN providers p ON p.id = w.provider_id
         JOIN elders e ON e.id = w.elder_id ${ELDER_PLACE_JOINS}
       WHERE w.checked_in_at >= $1 AND w.check_in_position IS NOT NULL AND ${scopeCondition(scope, params)}
       ORDER BY w.caregiver_id, coalesce(w.checked_out_at, w.checked_in_at) DESC`,
      params,
    );
    return rows
      .filter((row) => row.position && typeof row.position.lat === 'number' && typeof row.position.lon === 'number')
      .map((row) => ({
        caregiverId: row.caregiver_id,
        name: row.name,
        provider: row.provider,
        lat: row.position.lat,
        lon: row.position.lon,
        at: row.at,
        kind: row.kind,
      }));
  }

  /** Every provider's stations: public places, the same for everyone. */
  async stations(): Promise<StationRow[]> {
    const rows: {
      id: string;
      name: string;
      provider_id: string;
      provider_name: string;
      address: string;
      phone: string;
      lat: number;
      lon: number;
      services: string[];
    }[] = await this.dataSource.query(
      `SELECT st.id, st.name, p.id AS provider_id, p.name AS provider_name, st.address, st.phone, st.lat, st.lon, st.services
       FROM provider_stations st JOIN providers p ON p.id = st.provider_id
       ORDER BY p.name, st.name`,
    );
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      provider: { id: row.provider_id, name: row.provider_name },
      address: row.address,
      phone: row.phone,
      lat: row.lat,
      lon: row.lon,
      services: row.services,
    }));
  }

  /** The outlines of the regions the scope watches, and of those inside them. */
  async outlines(regionIds: readonly string[] | null): Promise<OutlineRow[]> {
    const rows: { id: string; name: string; level: RegionLevel; outline: RegionOutline }[] =
      await this.dataSource.query(
        `WITH RECURSIVE visible AS (
         SELECT r.* FROM regions r WHERE CASE WHEN $1::uuid[] IS NULL THEN r.parent_id IS NULL ELSE r.id = ANY($1::uuid[]) END
         UNION SELECT r.* FROM regions r JOIN visible v ON r.parent_id = v.id
       )
       SELECT id, name, level, outline FROM visible WHERE outline IS NOT NULL`,
        [regionIds],
      );
    return rows.map((row) => ({ regionId: row.id, name: row.name, level: row.level, outline: row.outline }));
  }

  /** Sets the outlines of regions by their codes, all or none: `UnknownRegionCodes` when a code names no region. */
  async setOutlines(outlines: readonly { code: string; outline: RegionOutline }[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const unknown: string[] = [];
      for (const { code, outline } of outlines) {
        const updated: [unknown[], number] = await manager.query(`UPDATE regions SET outline = $2 WHERE code = $1`, [
          code,
          JSON.stringify(outline),
        ]);
        if (updated[1] === 0) unknown.push(code);
      }
      if (unknown.length > 0) throw new UnknownRegionCodes(unknown);
    });
  }
}

/** Thrown inside the outline import's transaction so that nothing is written when a code names no region. */
export class UnknownRegionCodes extends Error {
  constructor(readonly codes: string[]) {
    super(`no region has the code ${codes.join(', ')}`);
  }
}

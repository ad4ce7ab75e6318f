import type { AccessScope } from '@eldercare/domain';
import type { DeviceType } from '@eldercare/protocol';
import type { DataSource } from 'typeorm';
import type { DeviceStatus } from '../entities/device.entity';
import { scopeCondition } from './scope-condition';
import { optionalFilters } from './sql-filters';

export interface DeviceInventorySearch {
  elderId?: string;
  /** A region at any level: the devices of the elders in it and below it. */
  regionId?: string;
  status?: DeviceStatus;
  type?: DeviceType;
  offset: number;
  limit: number;
}

/** A registered device with the elder it serves, if any. */
export interface DeviceInventoryRecord {
  id: string;
  type: DeviceType;
  status: DeviceStatus;
  online: boolean;
  lastSeenAt: Date | null;
  battery: number | null;
  registeredAt: Date;
  retiredAt: Date | null;
  elder: { id: string; name: string } | null;
}

/**
 * A device is seen by whoever sees its elder. One that serves no elder (yet) belongs to no region, so only the
 * city-wide roles see it.
 */
const DEVICE_PLACE_JOINS = `
  LEFT JOIN elders e ON e.id = dev.elder_id
  LEFT JOIN regions c ON c.id = e.community_id
  LEFT JOIN regions s ON s.id = c.parent_id
  LEFT JOIN regions d ON d.id = s.parent_id`;

interface DeviceRow {
  id: string;
  type: DeviceType;
  status: DeviceStatus;
  online: boolean;
  last_seen_at: Date | null;
  battery: number | null;
  registered_at: Date;
  retired_at: Date | null;
  elder_id: string | null;
  elder_name: string | null;
}

const DEVICE_COLUMNS =
  'dev.id, dev.type, dev.status, dev.online, dev.last_seen_at, dev.battery, dev.registered_at, dev.retired_at, e.id AS elder_id, e.name AS elder_name';

const toRecord = (row: DeviceRow): DeviceInventoryRecord => ({
  id: row.id,
  type: row.type,
  status: row.status,
  online: row.online,
  lastSeenAt: row.last_seen_at,
  battery: row.battery,
  registeredAt: row.registered_at,
  retiredAt: row.retired_at,
  elder: row.elder_id === null ? null : { id: row.elder_id, name: row.elder_name ?? '' },
});

/** The devices as the console lists and manages them, always within a scope. */
export class DeviceInventoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A page of the devices the scope covers, newest first, with the number of all that match. */
  async search(
    scope: AccessScope,
    search: DeviceInventorySearch,
  ): Promise<{ devices: DeviceInventoryRecord[]; total: number }> {
    const params: unknown[] = [];
    const conditions = [scopeCondition(scope, params)];
    const add = optionalFilters(params, conditions);
    add(search.elderId, (p) => `dev.elder_id = ${p}::uuid`);
    add(search.regionId, (p) => `${p}::uuid IN (c.id, s.id, d.id)`);
    add(search.status, (p) => `dev.status = ${p}`);
    add(search.type, (p) => `dev.type = ${p}`);
    const where = conditions.join(' AND ');
    const page = [...params, search.offset, search.limit];
    const [rows, [{ total }]]: [DeviceRow[], { total: number }[]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${DEVICE_COLUMNS} FROM devices dev ${DEVICE_PLACE_JOINS}
         WHERE ${where}
         ORDER BY dev.registered_at DESC, dev.id
         OFFSET $${page.length - 1} LIMIT $${page.length}`,
        page,
      ),
      this.dataSource.query(
        `SELECT count(*)::int AS total FROM devices dev ${DEVICE_PLACE_JOINS} WHERE ${where}`,
        params,
      ),
    ]);
    return { devices: rows.map(toRecord), total };
  }

  /** The device, if the scope covers it. */
  async findInScope(scope: AccessScope, deviceId: string): Promise<DeviceInventoryRecord | undefined> {
    const params: unknown[] = [deviceId];
    const [row]: DeviceRow[] = await this.dataSource.query(
      `SELECT ${DEVICE_COLUMNS} FROM devices dev ${DEVICE_PLACE_JOINS} WHERE dev.id = $1 AND ${scopeCondition(scope, params)}`,
      params,
    );
    return row && toRecord(row);
  }
}

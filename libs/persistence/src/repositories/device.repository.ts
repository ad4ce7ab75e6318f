import type { DeviceType } from '@eldercare/protocol';
import type { StoredDeviceCredentials } from '@eldercare/secrets';
import type { DataSource } from 'typeorm';
import { DeviceEntity, type DeviceStatus } from '../entities/device.entity';

/** What the gateway needs to know of a device to validate its messages. */
export interface IngestDevice {
  id: string;
  type: DeviceType;
  elderId: string | null;
  status: DeviceStatus;
}

export interface NewDevice {
  id: string;
  type: DeviceType;
  elderId: string | null;
  secretHash: string;
  /** The version of the device grants its broker role is created with; 1 when not said (see the migration). */
  brokerGrantsVersion?: number;
}

/** The device registry table. */
export class DeviceRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(devices: NewDevice[]): Promise<void> {
    if (devices.length === 0) return;
    await this.dataSource.getRepository(DeviceEntity).insert(devices);
  }

  async findById(id: string): Promise<DeviceEntity | null> {
    return this.dataSource.getRepository(DeviceEntity).findOneBy({ id });
  }

  /** One round trip for a whole ingest batch. */
  async findForIngest(ids: string[]): Promise<Map<string, IngestDevice>> {
    const rows: { id: string; type: DeviceType; elder_id: string | null; status: DeviceStatus }[] =
      await this.dataSource.query('SELECT id, type, elder_id, status FROM devices WHERE id = ANY($1::text[])', [ids]);
    return new Map(
      rows.map((row) => [row.id, { id: row.id, type: row.type, elderId: row.elder_id, status: row.status }]),
    );
  }

  async findCredentials(id: string): Promise<StoredDeviceCredentials | undefined> {
    const [row]: { secret_hash: string; status: DeviceStatus }[] = await this.dataSource.query(
      'SELECT secret_hash, status FROM devices WHERE id = $1',
      [id],
    );
    return row && { secretHash: row.secret_hash, active: row.status === 'active' };
  }

  /** Marks the device retired; false when there was no active device with that id. */
  async retire(id: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(DeviceEntity)
      .update({ id, status: 'active' }, { status: 'retired', retiredAt: () => 'now()', online: false });
    return (result.affected ?? 0) > 0;
  }

  async replaceSecretHash(id: string, secretHash: string): Promise<void> {
    await this.dataSource.getRepository(DeviceEntity).update({ id }, { secretHash });
  }
}

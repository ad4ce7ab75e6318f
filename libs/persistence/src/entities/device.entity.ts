import type { DeviceType } from '@eldercare/protocol';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ElderEntity } from './elder.entity';

export type DeviceStatus = 'active' | 'retired';

/** A registered device. The secret is kept only as a scrypt hash; the plain secret is shown once. */
@Entity({ name: 'devices' })
@Check('devices_id_check', `id ~ '^[A-Za-z0-9_-]{3,64}$'`)
@Check('devices_type_check', `type IN ('call_button', 'water_meter', 'wearable', 'bed_mat')`)
@Check('devices_status_check', `status IN ('active', 'retired')`)
@Check('devices_battery_check', `battery BETWEEN 0 AND 100`)
export class DeviceEntity {
  @PrimaryColumn({ type: 'text' })
  id: string;

  @Column({ type: 'text' })
  type: DeviceType;

  @Index('devices_elder_id_idx')
  @Column({ name: 'elder_id', type: 'uuid', nullable: true })
  elderId: string | null;

  @ManyToOne(() => ElderEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'devices_elder_id_fkey' })
  elder?: ElderEntity | null;

  @Column({ name: 'secret_hash', type: 'text', select: false })
  secretHash: string;

  @Column({ type: 'text', default: 'active' })
  status: DeviceStatus;

  @Column({ type: 'boolean', default: false })
  online: boolean;

  @Column({ name: 'last_seen_at', type: 'timestamptz', nullable: true })
  lastSeenAt: Date | null;

  @Column({ type: 'smallint', nullable: true })
  battery: number | null;

  @Column({ name: 'registered_at', type: 'timestamptz', default: () => 'now()' })
  registeredAt: Date;

  /** The version of the device grants its broker role holds (libs/broker `DEVICE_GRANTS_VERSION`); 1 for the first roles. */
  @Column({ name: 'broker_grants_version', type: 'smallint', default: 1 })
  brokerGrantsVersion: number;

  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt: Date | null;
}

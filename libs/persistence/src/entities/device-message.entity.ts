import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { DeviceEntity } from './device.entity';

/** An accepted uplink, stored once per (device, msgId): the unique key is what drops retransmissions. */
@Entity({ name: 'device_messages' })
@Unique('device_messages_device_msg_key', ['deviceId', 'msgId'])
@Index('device_messages_device_occurred_idx', ['deviceId', 'occurredAt'])
export class DeviceMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'device_id', type: 'text' })
  deviceId: string;

  @ManyToOne(() => DeviceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id', foreignKeyConstraintName: 'device_messages_device_id_fkey' })
  device?: DeviceEntity;

  @Column({ name: 'msg_id', type: 'text' })
  msgId: string;

  @Column({ type: 'text' })
  kind: string;

  /** The whole validated uplink as the device sent it. */
  @Column({ type: 'jsonb' })
  body: Record<string, unknown>;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'stored_at', type: 'timestamptz', default: () => 'now()' })
  storedAt: Date;

  /** Set when the device clock ran ahead beyond the protocol's limit and its `ts` was replaced. */
  @Column({ name: 'clock_skew_ms', type: 'bigint', nullable: true })
  clockSkewMs: string | null;
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A refused uplink with its reason, kept for device makers and support. */
@Entity({ name: 'rejected_messages' })
@Index('rejected_messages_device_received_idx', ['deviceId', 'receivedAt'])
export class RejectedMessageEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  /** As named by the topic; may be an unknown device. */
  @Column({ name: 'device_id', type: 'text', nullable: true })
  deviceId: string | null;

  @Column({ type: 'text' })
  topic: string;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  detail: string;

  /** First 256 bytes as received: bytes, since the payload may not be valid UTF-8. */
  @Column({ name: 'payload_head', type: 'bytea' })
  payloadHead: Buffer;

  @Column({ name: 'payload_bytes', type: 'integer' })
  payloadBytes: number;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;
}

import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { DeviceEntity } from './device.entity';
import { ElderEntity } from './elder.entity';

/** An alert on the dispatch queue; Postgres is its source of truth, the queue only announces it. */
@Entity({ name: 'alerts' })
@Check('alerts_severity_check', `severity IN ('critical', 'urgent', 'check-on', 'notice', 'maintenance')`)
@Check('alerts_status_check', `status IN ('raised', 'acknowledged', 'resolved', 'cancelled-by-elder')`)
@Index('alerts_open_per_elder_rule_key', ['elderId', 'rule'], {
  unique: true,
  where: `status IN ('raised', 'acknowledged')`,
})
@Index('alerts_status_raised_idx', ['status', 'raisedAt'])
export class AlertEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @ManyToOne(() => ElderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'alerts_elder_id_fkey' })
  elder?: ElderEntity;

  /** None for an alert no device raised (an unanswered care call). */
  @Column({ name: 'device_id', type: 'text', nullable: true })
  deviceId: string | null;

  @ManyToOne(() => DeviceEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'device_id', foreignKeyConstraintName: 'alerts_device_id_fkey' })
  device?: DeviceEntity;

  @Column({ type: 'text' })
  rule: string;

  @Column({ type: 'text' })
  severity: string;

  @Column({ type: 'text' })
  status: string;

  @Column({ name: 'trigger_count', type: 'integer', default: 1 })
  triggerCount: number;

  @Column({ type: 'jsonb' })
  evidence: Record<string, unknown>;

  @Column({ name: 'source_msg_id', type: 'text', nullable: true })
  sourceMsgId: string | null;

  @Column({ name: 'device_time', type: 'timestamptz' })
  deviceTime: Date;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'stored_at', type: 'timestamptz' })
  storedAt: Date;

  @Column({ name: 'raised_at', type: 'timestamptz' })
  raisedAt: Date;

  @Column({ name: 'first_shown_at', type: 'timestamptz', nullable: true })
  firstShownAt: Date | null;

  @Column({ name: 'acknowledged_at', type: 'timestamptz', nullable: true })
  acknowledgedAt: Date | null;

  @Column({ name: 'acknowledged_by', type: 'text', nullable: true })
  acknowledgedBy: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  /** Takes the next number on every change (a trigger), so consoles can ask for what changed after one they saw. */
  @Index('alerts_seq_idx')
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;

  /** The transaction that wrote the alert last (a trigger): a replay takes the changes of those still running. */
  @Index('alerts_changed_xid_idx')
  @Column({ name: 'changed_xid', type: 'bigint', default: 0 })
  changedXid: string;

  /** The oldest transaction still running when the last write took its `seq` (a trigger). */
  @Column({ name: 'seq_xmin', type: 'bigint', default: 0 })
  seqXmin: string;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}

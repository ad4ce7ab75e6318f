import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AlertEntity } from './alert.entity';

/** One device event or timer firing that raised or fed an alert; its key makes a redelivered one count once. */
@Entity({ name: 'alert_triggers' })
@Index('alert_triggers_alert_idx', ['alertId'])
export class AlertTriggerEntity {
  /** `event:<device message id>` or `timer:<device>:<kind>:<due time>`. */
  @PrimaryColumn({ name: 'trigger_key', type: 'text' })
  triggerKey: string;

  @PrimaryColumn({ type: 'text' })
  rule: string;

  @Column({ name: 'alert_id', type: 'uuid' })
  alertId: string;

  @ManyToOne(() => AlertEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alert_id', foreignKeyConstraintName: 'alert_triggers_alert_id_fkey' })
  alert?: AlertEntity;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt: Date;

  @Column({ type: 'jsonb' })
  evidence: Record<string, unknown>;
}

import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AlertEntity } from './alert.entity';

/** An escalation step that fired because nobody had claimed the alert. */
@Entity({ name: 'alert_escalations' })
@Check('alert_escalations_step_check', `step IN ('re-notify', 'supervisors')`)
export class AlertEscalationEntity {
  @PrimaryColumn({ name: 'alert_id', type: 'uuid', primaryKeyConstraintName: 'alert_escalations_pkey' })
  alertId: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'alert_escalations_pkey' })
  step: string;

  @ManyToOne(() => AlertEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alert_id', foreignKeyConstraintName: 'alert_escalations_alert_id_fkey' })
  alert?: AlertEntity;

  @Column({ name: 'escalated_at', type: 'timestamptz' })
  escalatedAt: Date;
}

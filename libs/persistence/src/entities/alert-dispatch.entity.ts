import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AlertEntity } from './alert.entity';
import { UserEntity } from './user.entity';

/** Help sent for an alert: a responder, a caregiver, the family, an ambulance. */
@Entity({ name: 'alert_dispatches' })
@Check('alert_dispatches_kind_check', `kind IN ('responder', 'caregiver', 'family', 'ambulance')`)
@Index('alert_dispatches_alert_id_idx', ['alertId'])
export class AlertDispatchEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alert_id', type: 'uuid' })
  alertId: string;

  @ManyToOne(() => AlertEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alert_id', foreignKeyConstraintName: 'alert_dispatches_alert_id_fkey' })
  alert?: AlertEntity;

  @Column({ name: 'dispatched_at', type: 'timestamptz', default: () => 'now()' })
  dispatchedAt: Date;

  @Column({ name: 'dispatched_by', type: 'uuid' })
  dispatchedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'dispatched_by', foreignKeyConstraintName: 'alert_dispatches_dispatched_by_fkey' })
  dispatcher?: UserEntity;

  @Column({ type: 'text' })
  kind: string;

  @Column({ name: 'sent_to', type: 'text' })
  sentTo: string;

  @Column({ type: 'text', default: '' })
  note: string;
}

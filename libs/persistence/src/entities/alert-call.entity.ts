import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AlertEntity } from './alert.entity';
import { UserEntity } from './user.entity';

/** A call an operator made while working an alert: to whom, answered or not, what was said. */
@Entity({ name: 'alert_calls' })
@Index('alert_calls_alert_id_idx', ['alertId'])
export class AlertCallEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'alert_id', type: 'uuid' })
  alertId: string;

  @ManyToOne(() => AlertEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'alert_id', foreignKeyConstraintName: 'alert_calls_alert_id_fkey' })
  alert?: AlertEntity;

  @Column({ name: 'called_at', type: 'timestamptz', default: () => 'now()' })
  calledAt: Date;

  @Column({ name: 'called_by', type: 'uuid' })
  calledBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'called_by', foreignKeyConstraintName: 'alert_calls_called_by_fkey' })
  caller?: UserEntity;

  @Column({ type: 'text' })
  callee: string;

  @Column({ type: 'text' })
  phone: string;

  @Column({ type: 'boolean' })
  answered: boolean;

  @Column({ type: 'text', default: '' })
  note: string;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AlertEntity } from './alert.entity';
import { ElderEntity } from './elder.entity';
import { UserEntity } from './user.entity';

/** A proactive call the dispatch centre made to an elder (主动呼出关怀电话), and what it found. */
@Entity({ name: 'care_calls' })
@Check('care_calls_outcome_check', `outcome IN ('answered-well', 'answered-needs-help', 'no-answer', 'wrong-number')`)
@Index('care_calls_elder_called_idx', ['elderId', 'calledAt'])
@Index('care_calls_called_at_idx', ['calledAt'])
export class CareCallEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @ManyToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'care_calls_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ name: 'called_at', type: 'timestamptz', default: () => 'now()' })
  calledAt: Date;

  @Column({ name: 'called_by', type: 'uuid' })
  calledBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'called_by', foreignKeyConstraintName: 'care_calls_called_by_fkey' })
  caller?: UserEntity;

  @Column({ type: 'text' })
  outcome: string;

  @Column({ type: 'text', default: '' })
  note: string;

  /** The check-on alert an unanswered call raised. */
  @Column({ name: 'alert_id', type: 'uuid', nullable: true })
  alertId: string | null;

  @ManyToOne(() => AlertEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'alert_id', foreignKeyConstraintName: 'care_calls_alert_id_fkey' })
  alert?: AlertEntity | null;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElderEntity } from './elder.entity';

/** The elder is away or in hospital: inactivity rules are muted for the period, never sos or fall. */
@Entity({ name: 'elder_absences' })
@Check('elder_absences_period_check', `ends_at > starts_at`)
@Check('elder_absences_reason_check', `reason IN ('away', 'hospital')`)
@Index('elder_absences_elder_idx', ['elderId', 'endsAt'])
export class ElderAbsenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @ManyToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'elder_absences_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ type: 'text' })
  reason: 'away' | 'hospital';

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy: string;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElderEntity } from './elder.entity';
import { ProviderEntity } from './provider.entity';
import { UserEntity } from './user.entity';

/** One line of an elder's care plan: a service by a provider on weekdays at local times, between two dates. */
@Entity({ name: 'care_plan_lines' })
@Check('care_plan_lines_period_check', `ends_on IS NULL OR ends_on >= starts_on`)
@Index('care_plan_lines_elder_id_idx', ['elderId'])
@Index('care_plan_lines_provider_id_idx', ['providerId'])
export class CarePlanLineEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @ManyToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'care_plan_lines_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'care_plan_lines_provider_id_fkey' })
  provider?: ProviderEntity;

  @Column({ type: 'text' })
  service: string;

  /** ISO weekdays, 1 Monday … 7 Sunday. */
  @Column({ type: 'smallint', array: true })
  weekdays: number[];

  /** Local HH:MM. */
  @Column({ type: 'text', array: true })
  times: string[];

  @Column({ type: 'integer', nullable: true })
  minutes: number | null;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by', foreignKeyConstraintName: 'care_plan_lines_created_by_fkey' })
  creator?: UserEntity;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

import type { CareNeedLevel } from '@eldercare/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { AdaptationCaseEntity } from './adaptation-case.entity';
import { ElderEntity } from './elder.entity';
import { UserEntity } from './user.entity';

/**
 * An elder's care bed at home (家庭养老床位): the assessment that found the need, the home adaptation case, and the
 * day it starts. Its devices are the elder's devices, its monthly service package the elder's care plan.
 */
@Entity({ name: 'care_beds' })
@Check('care_beds_care_level_check', `care_level IN ('mild', 'moderate', 'severe', 'total')`)
@Check('care_beds_starts_check', `starts_on >= assessed_on`)
@Index('care_beds_adaptation_case_id_idx', ['adaptationCaseId'])
export class CareBedEntity {
  @PrimaryColumn({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @OneToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'care_beds_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ name: 'care_level', type: 'text' })
  careLevel: CareNeedLevel;

  @Column({ name: 'assessed_on', type: 'date' })
  assessedOn: string;

  @Column({ name: 'adaptation_case_id', type: 'uuid', nullable: true })
  adaptationCaseId: string | null;

  @ManyToOne(() => AdaptationCaseEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'adaptation_case_id', foreignKeyConstraintName: 'care_beds_adaptation_case_id_fkey' })
  adaptationCase?: AdaptationCaseEntity;

  @Column({ name: 'starts_on', type: 'date' })
  startsOn: string;

  @Column({ name: 'opened_by', type: 'uuid' })
  openedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'opened_by', foreignKeyConstraintName: 'care_beds_opened_by_fkey' })
  opener?: UserEntity;

  @Column({ name: 'opened_at', type: 'timestamptz', default: () => 'now()' })
  openedAt: Date;
}

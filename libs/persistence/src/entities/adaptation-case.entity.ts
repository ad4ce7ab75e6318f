import type { AdaptationStage, PricedPlanLine } from '@eldercare/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElderEntity } from './elder.entity';
import { ProviderEntity } from './provider.entity';
import { UserEntity } from './user.entity';

/** A household's home adaptation case, from application to follow-up. */
@Entity({ name: 'adaptation_cases' })
@Check('adaptation_cases_cap_yuan_check', `cap_yuan >= 0`)
@Check(
  'adaptation_cases_stage_check',
  `stage IN ('applied', 'assessed', 'planned', 'agreed', 'works-done', 'accepted', 'settled', 'followed-up', 'cancelled')`,
)
@Index('adaptation_cases_elder_idx', ['elderId'])
@Index('adaptation_cases_contractor_idx', ['contractorId'])
@Index('adaptation_cases_stage_idx', ['stage', 'stageEnteredAt'])
@Index('adaptation_cases_one_subsidised_key', ['elderId'], {
  unique: true,
  where: `subsidised AND stage <> 'cancelled'`,
})
export class AdaptationCaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @ManyToOne(() => ElderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'adaptation_cases_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ type: 'boolean' })
  subsidised: boolean;

  @Column({ name: 'cap_yuan', type: 'integer' })
  capYuan: number;

  @Column({ type: 'text', default: 'applied' })
  stage: AdaptationStage;

  @Column({ name: 'stage_entered_at', type: 'timestamptz', default: () => 'now()' })
  stageEnteredAt: Date;

  @Column({ type: 'text', default: '' })
  needs: string;

  @Column({ type: 'jsonb', nullable: true })
  plan: PricedPlanLine[] | null;

  @Column({ name: 'total_yuan', type: 'integer', nullable: true })
  totalYuan: number | null;

  @Column({ name: 'subsidy_yuan', type: 'integer', nullable: true })
  subsidyYuan: number | null;

  @Column({ name: 'self_pay_yuan', type: 'integer', nullable: true })
  selfPayYuan: number | null;

  /** The company that builds the plan, named with it; its contractors see the case and record the works. */
  @Column({ name: 'contractor_id', type: 'uuid', nullable: true })
  contractorId: string | null;

  @ManyToOne(() => ProviderEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'contractor_id', foreignKeyConstraintName: 'adaptation_cases_contractor_id_fkey' })
  contractor?: ProviderEntity | null;

  @Column({ name: 'applied_by', type: 'uuid' })
  appliedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'applied_by', foreignKeyConstraintName: 'adaptation_cases_applied_by_fkey' })
  applicant?: UserEntity;

  @Column({ name: 'applied_at', type: 'timestamptz', default: () => 'now()' })
  appliedAt: Date;
}

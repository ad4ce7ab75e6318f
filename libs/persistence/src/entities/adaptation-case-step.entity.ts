import type { AdaptationStage } from '@eldercare/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AdaptationCaseEntity } from './adaptation-case.entity';
import { UserEntity } from './user.entity';

/** One step of a case: which, the stage it led to, who took it and when, and the deadline it had. */
@Entity({ name: 'adaptation_case_steps' })
@Check(
  'adaptation_case_steps_stage_check',
  `stage IN ('applied', 'assessed', 'planned', 'agreed', 'works-done', 'accepted', 'settled', 'followed-up', 'cancelled')`,
)
@Index('adaptation_case_steps_case_idx', ['caseId', 'at'])
export class AdaptationCaseStepEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => AdaptationCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'adaptation_case_steps_case_id_fkey' })
  case?: AdaptationCaseEntity;

  @Column({ type: 'text' })
  step: string;

  @Column({ type: 'text' })
  stage: AdaptationStage;

  @Column({ name: 'by_user', type: 'uuid' })
  byUser: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'by_user', foreignKeyConstraintName: 'adaptation_case_steps_by_user_fkey' })
  user?: UserEntity;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'timestamptz', nullable: true })
  deadline: Date | null;

  @Column({ type: 'text', default: '' })
  note: string;
}

import type { RiskLevel } from '@eldercare/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** How often the elders of one risk level are visited, set by the bureau. */
@Entity({ name: 'visit_frequencies' })
@Check('visit_frequencies_risk_level_check', `risk_level IN ('high', 'key', 'general')`)
@Check('visit_frequencies_every_days_check', `every_days BETWEEN 1 AND 366`)
export class VisitFrequencyEntity {
  @PrimaryColumn({ name: 'risk_level', type: 'text' })
  riskLevel: RiskLevel;

  @Column({ name: 'every_days', type: 'integer' })
  everyDays: number;

  @Column({ name: 'set_by', type: 'uuid', nullable: true })
  setBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'set_by', foreignKeyConstraintName: 'visit_frequencies_set_by_fkey' })
  setter?: UserEntity | null;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' })
  setAt: Date;
}

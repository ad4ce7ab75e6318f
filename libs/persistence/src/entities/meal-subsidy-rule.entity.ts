import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** What the bureau pays towards a set meal for a category of elder, from a date on. */
@Entity({ name: 'meal_subsidy_rules' })
@Check('meal_subsidy_rules_subsidy_check', `subsidy_cents >= 0`)
export class MealSubsidyRuleEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'meal_subsidy_rules_pkey' })
  category: string;

  @PrimaryColumn({ name: 'effective_from', type: 'date', primaryKeyConstraintName: 'meal_subsidy_rules_pkey' })
  effectiveFrom: string;

  @Column({ name: 'subsidy_cents', type: 'integer' })
  subsidyCents: number;

  @Column({ name: 'set_by', type: 'uuid', nullable: true })
  setBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'set_by', foreignKeyConstraintName: 'meal_subsidy_rules_set_by_fkey' })
  setter?: UserEntity | null;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' })
  setAt: Date;
}

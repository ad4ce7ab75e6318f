import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** The bureau's home adaptation budget of one year, in yuan. */
@Entity({ name: 'adaptation_budgets' })
@Check('adaptation_budgets_year_check', `year BETWEEN 2000 AND 2100`)
@Check('adaptation_budgets_budget_yuan_check', `budget_yuan >= 0`)
export class AdaptationBudgetEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'budget_yuan', type: 'bigint' })
  budgetYuan: string;

  @Column({ name: 'set_by', type: 'uuid', nullable: true })
  setBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'set_by', foreignKeyConstraintName: 'adaptation_budgets_set_by_fkey' })
  setter?: UserEntity | null;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' })
  setAt: Date;
}

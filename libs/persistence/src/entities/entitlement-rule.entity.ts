import { Check, Column, Entity, PrimaryColumn } from 'typeorm';

/** What one category of elder is owed of one service each month; the bureau sets it. */
@Entity({ name: 'entitlement_rules' })
@Check('entitlement_rules_per_month_check', `per_month >= 0`)
export class EntitlementRuleEntity {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'entitlement_rules_pkey' })
  category: string;

  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'entitlement_rules_pkey' })
  service: string;

  @Column({ name: 'per_month', type: 'numeric', precision: 8, scale: 2 })
  perMonth: string;
}

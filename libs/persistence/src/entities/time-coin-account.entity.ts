import { Check, Entity, PrimaryColumn } from 'typeorm';

/**
 * One row per ledger account, only so that a movement can lock the accounts it takes from: a balance is never
 * stored, it is the sum of the account's entries.
 */
@Entity({ name: 'time_coin_accounts' })
@Check(
  'time_coin_accounts_code_check',
  `code = 'city' OR code ~ '^(volunteer|elder|escrow):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'`,
)
export class TimeCoinAccountEntity {
  @PrimaryColumn({ type: 'text' })
  code: string;
}

import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { TimeCoinAccountEntity } from './time-coin-account.entity';
import { TimeCoinMovementEntity } from './time-coin-movement.entity';

/** One line of a movement: coin minutes into an account (positive) or out of it (negative). */
@Entity({ name: 'time_coin_entries' })
@Check('time_coin_entries_amount_check', `amount <> 0`)
@Index('time_coin_entries_account_idx', ['account'])
@Index('time_coin_entries_movement_idx', ['movementId'])
export class TimeCoinEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ name: 'movement_id', type: 'uuid' })
  movementId: string;

  @ManyToOne(() => TimeCoinMovementEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'movement_id', foreignKeyConstraintName: 'time_coin_entries_movement_id_fkey' })
  movement?: TimeCoinMovementEntity;

  @Column({ type: 'text' })
  account: string;

  @ManyToOne(() => TimeCoinAccountEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'account', foreignKeyConstraintName: 'time_coin_entries_account_fkey' })
  accountRow?: TimeCoinAccountEntity;

  @Column({ type: 'integer' })
  amount: number;
}

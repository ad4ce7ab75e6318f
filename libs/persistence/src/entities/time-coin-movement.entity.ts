import type { CoinGiftRelation, TimeCoinMovement } from '@eldercare/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { UserEntity } from './user.entity';
import { VolunteerRequestEntity } from './volunteer-request.entity';

/** One movement of the time-coin journal: its entries sum to zero; never changed, only reversed. */
@Entity({ name: 'time_coin_movements' })
@Check('time_coin_movements_kind_check', `kind IN ('hold', 'pay', 'release', 'give', 'reversal')`)
@Check('time_coin_movements_relation_check', `relation IN ('parent', 'grandparent')`)
@Check(
  'time_coin_movements_reversal_check',
  `(kind = 'reversal') = (reverses_id IS NOT NULL) AND (kind <> 'reversal' OR (reason IS NOT NULL AND author_id IS NOT NULL))`,
)
@Check('time_coin_movements_gift_check', `(kind = 'give') = (relation IS NOT NULL)`)
@Index('time_coin_movements_request_idx', ['requestId'])
@Index('time_coin_movements_reverses_id_key', ['reversesId'], { unique: true })
export class TimeCoinMovementEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  kind: TimeCoinMovement;

  @Column({ name: 'request_id', type: 'uuid', nullable: true })
  requestId: string | null;

  @ManyToOne(() => VolunteerRequestEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'time_coin_movements_request_id_fkey' })
  request?: VolunteerRequestEntity | null;

  @Column({ name: 'reverses_id', type: 'uuid', nullable: true })
  reversesId: string | null;

  @ManyToOne(() => TimeCoinMovementEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reverses_id', foreignKeyConstraintName: 'time_coin_movements_reverses_id_fkey' })
  reverses?: TimeCoinMovementEntity | null;

  @Column({ type: 'text', nullable: true })
  relation: CoinGiftRelation | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'author_id', type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id', foreignKeyConstraintName: 'time_coin_movements_author_id_fkey' })
  author?: UserEntity | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

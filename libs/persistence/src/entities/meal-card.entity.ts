import { Column, Entity, Index, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { ElderEntity } from './elder.entity';
import { UserEntity } from './user.entity';

/** An elder's QR card for the canteen's counter: a random code, never the record id; reissuing replaces it. */
@Entity({ name: 'meal_cards' })
export class MealCardEntity {
  @PrimaryColumn({ name: 'elder_id', type: 'uuid', primaryKeyConstraintName: 'meal_cards_pkey' })
  elderId: string;

  @OneToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'meal_cards_elder_id_fkey' })
  elder?: ElderEntity;

  @Index('meal_cards_code_key', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ name: 'issued_by', type: 'uuid' })
  issuedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'issued_by', foreignKeyConstraintName: 'meal_cards_issued_by_fkey' })
  issuer?: UserEntity;

  @Column({ name: 'issued_at', type: 'timestamptz', default: () => 'now()' })
  issuedAt: Date;
}

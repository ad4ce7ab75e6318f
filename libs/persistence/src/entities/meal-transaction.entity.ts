import type { MealIdentification, MealPeriod } from '@eldercare/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CanteenEntity } from './canteen.entity';
import { ElderEntity } from './elder.entity';
import { FaceCheckEntity } from './face-check.entity';
import { UserEntity } from './user.entity';

/** One meal served at a canteen's terminal: who ate, how they were identified, the subsidy and what they paid. */
@Entity({ name: 'meal_transactions' })
@Check('meal_transactions_period_check', `period IN ('breakfast', 'lunch', 'dinner')`)
@Check('meal_transactions_identified_by_check', `identified_by IN ('face', 'id-card', 'qr', 'staff')`)
@Check(
  'meal_transactions_amounts_check',
  `subsidy_cents >= 0 AND self_pay_cents >= 0 AND subsidy_cents + self_pay_cents = price_cents`,
)
@Index('meal_transactions_one_subsidised_key', ['elderId', 'mealDate', 'period'], {
  unique: true,
  where: 'subsidy_cents > 0',
})
@Unique('meal_transactions_face_check_id_key', ['faceCheckId'])
@Index('meal_transactions_canteen_date_idx', ['canteenId', 'mealDate'])
@Index('meal_transactions_elder_date_idx', ['elderId', 'mealDate'])
export class MealTransactionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @ManyToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'meal_transactions_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ name: 'canteen_id', type: 'uuid' })
  canteenId: string;

  @ManyToOne(() => CanteenEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'canteen_id', foreignKeyConstraintName: 'meal_transactions_canteen_id_fkey' })
  canteen?: CanteenEntity;

  @Column({ type: 'text' })
  terminal: string;

  @Column({ name: 'meal_date', type: 'date' })
  mealDate: string;

  @Column({ type: 'text' })
  period: MealPeriod;

  @Column({ name: 'identified_by', type: 'text' })
  identifiedBy: MealIdentification;

  /** Why not the face: the cashier's words, for every other way. */
  @Column({ name: 'identify_reason', type: 'text', nullable: true })
  identifyReason: string | null;

  @Column({ name: 'match_score', type: 'real', nullable: true })
  matchScore: number | null;

  @Column({ type: 'text', nullable: true })
  liveness: string | null;

  /** The face check a meal identified by face was served on; one meal per check. */
  @Column({ name: 'face_check_id', type: 'uuid', nullable: true })
  faceCheckId: string | null;

  @ManyToOne(() => FaceCheckEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'face_check_id', foreignKeyConstraintName: 'meal_transactions_face_check_id_fkey' })
  faceCheck?: FaceCheckEntity;

  @Column({ name: 'price_cents', type: 'integer' })
  priceCents: number;

  @Column({ name: 'subsidy_cents', type: 'integer' })
  subsidyCents: number;

  @Column({ name: 'self_pay_cents', type: 'integer' })
  selfPayCents: number;

  @Column({ name: 'subsidy_category', type: 'text', nullable: true })
  subsidyCategory: string | null;

  @Column({ name: 'cashier_id', type: 'uuid' })
  cashierId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cashier_id', foreignKeyConstraintName: 'meal_transactions_cashier_id_fkey' })
  cashier?: UserEntity;

  @Column({ name: 'served_at', type: 'timestamptz', default: () => 'now()' })
  servedAt: Date;
}

import type { MealIdentification, MealPeriod } from '@eldercare/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { CanteenEntity } from './canteen.entity';
import { ElderEntity } from './elder.entity';
import { FaceCheckEntity } from './face-check.entity';
import { UserEntity } from './user.entity';
import { WorkOrderEntity } from './work-order.entity';

/**
 * One meal served at a canteen's terminal (who ate, how they were identified, the subsidy and what they paid), or
 * ordered and paid remotely by the elder's family, delivered by a work order of the canteen's provider or collected.
 */
@Entity({ name: 'meal_transactions' })
@Check('meal_transactions_period_check', `period IN ('breakfast', 'lunch', 'dinner')`)
@Check('meal_transactions_identified_by_check', `identified_by IN ('face', 'id-card', 'qr', 'staff', 'order')`)
@Check(
  'meal_transactions_source_check',
  `(identified_by = 'order' AND ordered_by IS NOT NULL AND cashier_id IS NULL AND terminal IS NULL)
          OR (identified_by <> 'order' AND ordered_by IS NULL AND cashier_id IS NOT NULL AND terminal IS NOT NULL)`,
)
@Check('meal_transactions_delivery_check', `delivery = (work_order_id IS NOT NULL)`)
@Check(
  'meal_transactions_cancelled_check',
  `(cancelled_at IS NULL) = (cancelled_by IS NULL) AND (cancelled_at IS NULL OR ordered_by IS NOT NULL)`,
)
@Check(
  'meal_transactions_amounts_check',
  `subsidy_cents >= 0 AND self_pay_cents >= 0 AND subsidy_cents + self_pay_cents = price_cents`,
)
@Index('meal_transactions_one_subsidised_key', ['elderId', 'mealDate', 'period'], {
  unique: true,
  where: 'subsidy_cents > 0 AND cancelled_at IS NULL',
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

  /** The counter's terminal; none for an ordered meal. */
  @Column({ type: 'text', nullable: true })
  terminal: string | null;

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

  /** Who served it at the counter; none for an ordered meal. */
  @Column({ name: 'cashier_id', type: 'uuid', nullable: true })
  cashierId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cashier_id', foreignKeyConstraintName: 'meal_transactions_cashier_id_fkey' })
  cashier?: UserEntity;

  /** The family member who ordered it; none for a meal served at the counter. */
  @Column({ name: 'ordered_by', type: 'uuid', nullable: true })
  orderedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'ordered_by', foreignKeyConstraintName: 'meal_transactions_ordered_by_fkey' })
  orderer?: UserEntity;

  @Column({ type: 'boolean', default: false })
  delivery: boolean;

  /** A delivered meal's work order for the canteen's provider. */
  @Index('meal_transactions_work_order_id_key', { unique: true })
  @Column({ name: 'work_order_id', type: 'uuid', nullable: true })
  workOrderId: string | null;

  @ManyToOne(() => WorkOrderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'work_order_id', foreignKeyConstraintName: 'meal_transactions_work_order_id_fkey' })
  workOrder?: WorkOrderEntity;

  /** An order cancelled before its cut-off: it no longer holds the period's subsidy. */
  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cancelled_by', foreignKeyConstraintName: 'meal_transactions_cancelled_by_fkey' })
  canceller?: UserEntity;

  @Column({ name: 'served_at', type: 'timestamptz', default: () => 'now()' })
  servedAt: Date;
}

import type { VisitExceptionReason, VisitExceptionResolution } from '@eldercare/domain';
import { Check, Column, Entity, Generated, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AlertEntity } from './alert.entity';
import { CarePlanLineEntity } from './care-plan-line.entity';
import { ElderEntity } from './elder.entity';
import { ProviderEntity } from './provider.entity';
import { UserEntity } from './user.entity';

/** One visit to be made: from a care plan, or once, from an alert. */
@Entity({ name: 'work_orders' })
@Check(
  'work_orders_status_check',
  `status IN ('created', 'assigned', 'accepted', 'checked-in', 'checked-out', 'missed', 'cancelled')`,
)
@Check('work_orders_confirmed_by_check', `confirmed_by IS NULL OR confirmed_by IN ('elder', 'family')`)
@Index('work_orders_starts_at_idx', ['startsAt'])
@Index('work_orders_elder_starts_idx', ['elderId', 'startsAt'])
@Index('work_orders_provider_starts_idx', ['providerId', 'startsAt'])
@Index('work_orders_caregiver_starts_idx', ['caregiverId', 'startsAt'])
@Index('work_orders_open_idx', ['startsAt'], { where: `status IN ('created', 'assigned', 'accepted')` })
@Check(
  'work_orders_exceptions_check',
  `exceptions <@ ARRAY['early-check-in', 'late-check-in', 'short-visit', 'far-from-home']::text[]`,
)
@Check(
  'work_orders_exception_resolution_check',
  `exception_resolution IS NULL OR exception_resolution IN ('approved', 'rejected')`,
)
@Index('work_orders_exceptions_open_idx', ['providerId', 'startsAt'], {
  where: 'cardinality(exceptions) > 0 AND exception_resolution IS NULL',
})
export class WorkOrderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** `<plan line>/<date>/<time>`: the same visit of a plan is one order however often it is generated. */
  @Index('work_orders_visit_key_key', { unique: true })
  @Column({ name: 'visit_key', type: 'text', nullable: true })
  visitKey: string | null;

  @Column({ name: 'plan_line_id', type: 'uuid', nullable: true })
  planLineId: string | null;

  @ManyToOne(() => CarePlanLineEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'plan_line_id', foreignKeyConstraintName: 'work_orders_plan_line_id_fkey' })
  planLine?: CarePlanLineEntity | null;

  @Column({ name: 'source_alert_id', type: 'uuid', nullable: true })
  sourceAlertId: string | null;

  @ManyToOne(() => AlertEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'source_alert_id', foreignKeyConstraintName: 'work_orders_source_alert_id_fkey' })
  sourceAlert?: AlertEntity | null;

  @Column({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @ManyToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'work_orders_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'work_orders_provider_id_fkey' })
  provider?: ProviderEntity;

  @Column({ type: 'text' })
  service: string;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ type: 'numeric', precision: 8, scale: 2 })
  quantity: string;

  @Column({ type: 'text', default: 'created' })
  status: string;

  @Column({ name: 'caregiver_id', type: 'uuid', nullable: true })
  caregiverId: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'caregiver_id', foreignKeyConstraintName: 'work_orders_caregiver_id_fkey' })
  caregiver?: UserEntity | null;

  @Column({ name: 'assigned_at', type: 'timestamptz', nullable: true })
  assignedAt: Date | null;

  @Column({ name: 'accepted_at', type: 'timestamptz', nullable: true })
  acceptedAt: Date | null;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  /** `{ lat, lon, accuracyM, distanceM }` of the phone at check-in. */
  @Column({ name: 'check_in_position', type: 'jsonb', nullable: true })
  checkInPosition: Record<string, number> | null;

  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true })
  checkedOutAt: Date | null;

  @Column({ name: 'check_out_position', type: 'jsonb', nullable: true })
  checkOutPosition: Record<string, number> | null;

  /** What about the visit breaks the rules (domain `VISIT_EXCEPTION_REASONS`): the provider must decide on it. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  exceptions: VisitExceptionReason[];

  /** The provider's decision on the exceptions; null while open (or when there are none). */
  @Column({ name: 'exception_resolution', type: 'text', nullable: true })
  exceptionResolution: VisitExceptionResolution | null;

  @Column({ name: 'exception_resolved_by', type: 'uuid', nullable: true })
  exceptionResolvedBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'exception_resolved_by', foreignKeyConstraintName: 'work_orders_exception_resolved_by_fkey' })
  exceptionResolver?: UserEntity | null;

  @Column({ name: 'exception_resolved_at', type: 'timestamptz', nullable: true })
  exceptionResolvedAt: Date | null;

  @Column({ name: 'exception_note', type: 'text', nullable: true })
  exceptionNote: string | null;

  @Column({ type: 'text', default: '' })
  note: string;

  @Column({ name: 'confirmed_by', type: 'text', nullable: true })
  confirmedBy: 'elder' | 'family' | null;

  @Column({ name: 'missed_at', type: 'timestamptz', nullable: true })
  missedAt: Date | null;

  @Column({ name: 'missed_alert_id', type: 'uuid', nullable: true })
  missedAlertId: string | null;

  @ManyToOne(() => AlertEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'missed_alert_id', foreignKeyConstraintName: 'work_orders_missed_alert_id_fkey' })
  missedAlert?: AlertEntity | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason: string | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  /** Takes the next number on every change (a trigger), for live updates and replay. */
  @Index('work_orders_seq_idx')
  @Column({ type: 'bigint' })
  @Generated('increment')
  seq: string;
}

import type { BookingPayer, BookingStatus, VisitConfirmation } from '@eldercare/domain';
import { Check, Column, Entity, Exclusion, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ComplaintEntity } from './complaint.entity';
import { ElderEntity } from './elder.entity';
import { ProviderEntity } from './provider.entity';
import { ServiceOfferEntity } from './service-offer.entity';
import { UserEntity } from './user.entity';
import { WorkOrderEntity } from './work-order.entity';

/** A service booked into a slot: it holds one caregiver's or one place's time, and its visit is a work order. */
@Entity({ name: 'bookings' })
@Check('bookings_status_check', `status IN ('booked', 'cancelled')`)
@Check('bookings_paid_by_check', `paid_by IN ('entitlement', 'self')`)
@Check('bookings_confirmation_check', `confirmation IS NULL OR confirmation IN ('confirmed', 'disputed')`)
@Check('bookings_time_check', `ends_at > starts_at`)
@Check('bookings_holder_check', `(caregiver_id IS NULL) <> (place IS NULL)`)
@Exclusion(
  'bookings_caregiver_time_excl',
  `USING gist (caregiver_id WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'booked' AND caregiver_id IS NOT NULL)`,
)
@Exclusion(
  'bookings_place_time_excl',
  `USING gist (offer_id WITH =, place WITH =, tstzrange(starts_at, ends_at) WITH &&) WHERE (status = 'booked' AND place IS NOT NULL)`,
)
@Index('bookings_provider_starts_idx', ['providerId', 'startsAt'])
@Index('bookings_elder_starts_idx', ['elderId', 'startsAt'])
export class BookingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'offer_id', type: 'uuid' })
  offerId: string;

  @ManyToOne(() => ServiceOfferEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offer_id', foreignKeyConstraintName: 'bookings_offer_id_fkey' })
  offer?: ServiceOfferEntity;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'bookings_provider_id_fkey' })
  provider?: ProviderEntity;

  @Column({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @ManyToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'bookings_elder_id_fkey' })
  elder?: ElderEntity;

  @Index('bookings_work_order_id_key', { unique: true })
  @Column({ name: 'work_order_id', type: 'uuid' })
  workOrderId: string;

  @ManyToOne(() => WorkOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_order_id', foreignKeyConstraintName: 'bookings_work_order_id_fkey' })
  workOrder?: WorkOrderEntity;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'ends_at', type: 'timestamptz' })
  endsAt: Date;

  /** The caregiver whose time it holds (an offer by caregivers), or null. */
  @Column({ name: 'caregiver_id', type: 'uuid', nullable: true })
  caregiverId: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'caregiver_id', foreignKeyConstraintName: 'bookings_caregiver_id_fkey' })
  caregiver?: UserEntity | null;

  /** The place it holds, 1 … the offer's places (an offer by places), or null. */
  @Column({ type: 'integer', nullable: true })
  place: number | null;

  @Column({ type: 'text', default: 'booked' })
  status: BookingStatus;

  @Column({ name: 'paid_by', type: 'text' })
  paidBy: BookingPayer;

  @Column({ name: 'price_cents', type: 'integer' })
  priceCents: number;

  @Column({ name: 'self_pay_cents', type: 'integer' })
  selfPayCents: number;

  @Column({ name: 'cancel_cutoff_at', type: 'timestamptz' })
  cancelCutoffAt: Date;

  @Column({ name: 'late_charge_cents', type: 'integer' })
  lateChargeCents: number;

  @Column({ name: 'cancel_charge_cents', type: 'integer', nullable: true })
  cancelChargeCents: number | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt: Date | null;

  @Column({ name: 'cancelled_by', type: 'uuid', nullable: true })
  cancelledBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cancelled_by', foreignKeyConstraintName: 'bookings_cancelled_by_fkey' })
  canceller?: UserEntity | null;

  /** The short code the elder holds; the caregiver gives it at check-in. */
  @Column({ name: 'visit_code', type: 'text' })
  visitCode: string;

  @Column({ name: 'booked_by', type: 'uuid' })
  bookedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'booked_by', foreignKeyConstraintName: 'bookings_booked_by_fkey' })
  booker?: UserEntity;

  @Column({ type: 'text', nullable: true })
  confirmation: VisitConfirmation | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'confirmed_by', foreignKeyConstraintName: 'bookings_confirmed_by_fkey' })
  confirmer?: UserEntity | null;

  /** The complaint a dispute filed: it reaches the provider and the bureau. */
  @Column({ name: 'complaint_id', type: 'uuid', nullable: true })
  complaintId: string | null;

  @ManyToOne(() => ComplaintEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'complaint_id', foreignKeyConstraintName: 'bookings_complaint_id_fkey' })
  complaint?: ComplaintEntity | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

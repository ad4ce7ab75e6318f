import type { OfferCapacityKind } from '@eldercare/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProviderEntity } from './provider.entity';

/** A service a provider publishes for booking, with its price, working time and capacity. */
@Entity({ name: 'service_offers' })
@Check('service_offers_capacity_check', `capacity IN ('caregivers', 'places')`)
@Check(
  'service_offers_places_check',
  `(capacity = 'places') = (places IS NOT NULL) AND (places IS NULL OR places >= 1)`,
)
@Check('service_offers_price_check', `price_cents >= 0`)
@Index('service_offers_service_idx', ['service'], { where: 'active' })
@Index('service_offers_provider_id_idx', ['providerId'])
export class ServiceOfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'service_offers_provider_id_fkey' })
  provider?: ProviderEntity;

  @Column({ type: 'text' })
  service: string;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ name: 'price_cents', type: 'integer' })
  priceCents: number;

  @Column({ type: 'text' })
  capacity: OfferCapacityKind;

  @Column({ type: 'integer', nullable: true })
  places: number | null;

  @Column({ type: 'smallint', array: true })
  weekdays: number[];

  @Column({ type: 'text' })
  opens: string;

  @Column({ type: 'text' })
  closes: string;

  @Column({ name: 'cancel_cutoff_minutes', type: 'integer' })
  cancelCutoffMinutes: number;

  @Column({ name: 'late_cancel_share', type: 'numeric', precision: 3, scale: 2 })
  lateCancelShare: string;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

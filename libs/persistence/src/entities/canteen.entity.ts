import type { MealPeriodHours } from '@eldercare/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProviderEntity } from './provider.entity';
import { RegionEntity } from './region.entity';

/** A community canteen (社区长者食堂) run by a provider, with its meal periods and set-meal price. */
@Entity({ name: 'canteens' })
@Check('canteens_price_check', `price_cents >= 0`)
@Check('canteens_position_check', `(lat IS NULL) = (lon IS NULL)`)
@Index('canteens_provider_id_idx', ['providerId'])
export class CanteenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('canteens_name_key', { unique: true })
  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'canteens_provider_id_fkey' })
  provider?: ProviderEntity;

  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'canteens_community_id_fkey' })
  community?: RegionEntity;

  /** Where the canteen is; none for a canteen opened before positions were kept. */
  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat: number | null;

  @Column({ type: 'double precision', nullable: true })
  lon: number | null;

  @Column({ name: 'price_cents', type: 'integer' })
  priceCents: number;

  @Column({ type: 'jsonb' })
  periods: MealPeriodHours[];

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

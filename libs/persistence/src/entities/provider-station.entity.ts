import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProviderEntity } from './provider.entity';

/** A provider's station (服务站点): a place elders and families can go to or call, with the services offered there. */
@Entity({ name: 'provider_stations' })
@Index('provider_stations_provider_id_idx', ['providerId'])
export class ProviderStationEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'provider_stations_pkey' })
  id: string;

  @Column({ name: 'provider_id', type: 'uuid' })
  providerId: string;

  @ManyToOne(() => ProviderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'provider_stations_provider_id_fkey' })
  provider?: ProviderEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  address: string;

  @Column({ type: 'text', default: '' })
  phone: string;

  @Column({ type: 'double precision' })
  lat: number;

  @Column({ type: 'double precision' })
  lon: number;

  /** Service codes of the catalogue (domain `SERVICE_CODES`). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  services: string[];
}

import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A care provider (服务商) the city buys home care from. */
@Entity({ name: 'providers' })
export class ProviderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('providers_name_key', { unique: true })
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', default: '' })
  phone: string;

  @Column({ type: 'text', default: '' })
  address: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

import type { Role } from '@eldercare/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProviderEntity } from './provider.entity';

/** Someone who signs in: an operator, a supervisor, a provider's staff, a family member, the bureau, an admin. */
@Entity({ name: 'users' })
@Check('users_username_check', `username ~ '^[a-z0-9][a-z0-9_.-]{1,63}$'`)
@Check(
  'users_role_check',
  `role IN ('operator', 'supervisor', 'provider_admin', 'caregiver', 'family', 'bureau', 'admin', 'cashier', 'volunteer', 'inspector', 'contractor')`,
)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('users_username_key', { unique: true })
  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  /** scrypt, with its parameters and salt. */
  @Column({ name: 'password_hash', type: 'text', select: false })
  passwordHash: string;

  @Column({ type: 'text' })
  role: Role;

  @Column({ name: 'provider_id', type: 'uuid', nullable: true })
  providerId: string | null;

  @ManyToOne(() => ProviderEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'users_provider_id_fkey' })
  provider?: ProviderEntity | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt: Date | null;
}

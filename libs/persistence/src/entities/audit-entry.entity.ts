import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElderEntity } from './elder.entity';
import { UserEntity } from './user.entity';

/** Who read or changed what, when. The platform only ever appends. */
@Entity({ name: 'audit_log' })
@Index('audit_log_elder_at_idx', ['elderId', 'at'])
@Index('audit_log_at_idx', ['at'])
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'audit_log_user_id_fkey' })
  user?: UserEntity;

  /** `elder.read`, `alert-case.read`, `alert.claim` … */
  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'elder_id', type: 'uuid', nullable: true })
  elderId: string | null;

  @ManyToOne(() => ElderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'audit_log_elder_id_fkey' })
  elder?: ElderEntity | null;

  /** What was read or changed: `alert:<id>`, `elder:<id>`. */
  @Column({ type: 'text' })
  subject: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  detail: Record<string, unknown>;
}

import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { ElderEntity } from './elder.entity';
import { UserEntity } from './user.entity';

/** A family member's own elder. */
@Entity({ name: 'user_elders' })
export class UserElderEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'user_elders_pkey' })
  userId: string;

  @PrimaryColumn({ name: 'elder_id', type: 'uuid', primaryKeyConstraintName: 'user_elders_pkey' })
  elderId: string;

  /** 儿子, 女儿, 配偶 …, as the family says it. */
  @Column({ type: 'text', default: '' })
  relation: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_elders_user_id_fkey' })
  user?: UserEntity;

  @ManyToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'user_elders_elder_id_fkey' })
  elder?: ElderEntity;
}

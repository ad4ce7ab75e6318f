import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElderEntity } from './elder.entity';
import { ProviderEntity } from './provider.entity';
import { UserEntity } from './user.entity';
import { WorkOrderEntity } from './work-order.entity';

/** A family's complaint about a visit or a provider; it reaches the provider and the bureau. */
@Entity({ name: 'complaints' })
@Index('complaints_provider_filed_idx', ['providerId', 'filedAt'])
@Index('complaints_elder_id_idx', ['elderId'])
export class ComplaintEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @ManyToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'complaints_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ name: 'provider_id', type: 'uuid', nullable: true })
  providerId: string | null;

  @ManyToOne(() => ProviderEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'provider_id', foreignKeyConstraintName: 'complaints_provider_id_fkey' })
  provider?: ProviderEntity | null;

  @Column({ name: 'work_order_id', type: 'uuid', nullable: true })
  workOrderId: string | null;

  @ManyToOne(() => WorkOrderEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'work_order_id', foreignKeyConstraintName: 'complaints_work_order_id_fkey' })
  workOrder?: WorkOrderEntity | null;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'complaints_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'text' })
  text: string;

  @Column({ name: 'filed_at', type: 'timestamptz', default: () => 'now()' })
  filedAt: Date;
}

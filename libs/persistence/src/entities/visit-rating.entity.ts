import { Check, Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';
import { WorkOrderEntity } from './work-order.entity';

/** A family's rating of one visit, 1 to 5, with a comment. */
@Entity({ name: 'visit_ratings' })
@Check('visit_ratings_stars_check', `stars BETWEEN 1 AND 5`)
export class VisitRatingEntity {
  @PrimaryColumn({ name: 'work_order_id', type: 'uuid' })
  workOrderId: string;

  @OneToOne(() => WorkOrderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'work_order_id', foreignKeyConstraintName: 'visit_ratings_work_order_id_fkey' })
  workOrder?: WorkOrderEntity;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'visit_ratings_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'smallint' })
  stars: number;

  @Column({ type: 'text', default: '' })
  comment: string;

  @Column({ name: 'rated_at', type: 'timestamptz', default: () => 'now()' })
  ratedAt: Date;
}

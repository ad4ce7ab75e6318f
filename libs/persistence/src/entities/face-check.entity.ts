import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CanteenEntity } from './canteen.entity';
import { ElderEntity } from './elder.entity';
import { UserEntity } from './user.entity';

/** A face check at a canteen's terminal: whom the frames matched (if anyone), how well, and whether they were live. */
@Entity({ name: 'face_checks' })
@Check('face_checks_liveness_check', `liveness IN ('moved', 'still')`)
@Check('face_checks_match_check', `(elder_id IS NULL) = (match_score IS NULL)`)
@Index('face_checks_canteen_checked_idx', ['canteenId', 'checkedAt'])
export class FaceCheckEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'canteen_id', type: 'uuid' })
  canteenId: string;

  @ManyToOne(() => CanteenEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'canteen_id', foreignKeyConstraintName: 'face_checks_canteen_id_fkey' })
  canteen?: CanteenEntity;

  @Column({ name: 'cashier_id', type: 'uuid' })
  cashierId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'cashier_id', foreignKeyConstraintName: 'face_checks_cashier_id_fkey' })
  cashier?: UserEntity;

  /** None when the face matched nobody. */
  @Column({ name: 'elder_id', type: 'uuid', nullable: true })
  elderId: string | null;

  @ManyToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'face_checks_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ name: 'match_score', type: 'real', nullable: true })
  matchScore: number | null;

  @Column({ type: 'text' })
  liveness: 'moved' | 'still';

  @Column({ name: 'liveness_score', type: 'real' })
  livenessScore: number;

  @Column({ name: 'checked_at', type: 'timestamptz', default: () => 'now()' })
  checkedAt: Date;
}

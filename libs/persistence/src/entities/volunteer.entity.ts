import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElderEntity } from './elder.entity';
import { RegionEntity } from './region.entity';
import { UserEntity } from './user.entity';

/** A volunteer of the time bank: registered, ID checked and approved by community staff, then given a sign-in. */
@Entity({ name: 'volunteers' })
@Index('volunteers_community_idx', ['communityId'])
@Index('volunteers_user_id_key', ['userId'], { unique: true })
@Index('volunteers_id_number_key', ['idNumber'], { unique: true })
@Index('volunteers_elder_id_key', ['elderId'], { unique: true })
@Check(
  'volunteers_approval_check',
  `approved_at IS NULL OR (user_id IS NOT NULL AND id_checked_at IS NOT NULL AND trained_on IS NOT NULL AND approved_by IS NOT NULL)`,
)
@Check('volunteers_id_check_check', `(id_checked_at IS NULL) = (id_checked_by IS NULL)`)
export class VolunteerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid', nullable: true })
  userId: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'volunteers_user_id_fkey' })
  user?: UserEntity | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ name: 'id_number', type: 'text' })
  idNumber: string;

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  @Column({ type: 'text' })
  phone: string;

  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'volunteers_community_id_fkey' })
  community?: RegionEntity;

  /** The volunteer's own record in the elders' registry, once they are in it: their coins pay for their services. */
  @Column({ name: 'elder_id', type: 'uuid', nullable: true })
  elderId: string | null;

  @ManyToOne(() => ElderEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'volunteers_elder_id_fkey' })
  elder?: ElderEntity | null;

  @Column({ name: 'trained_on', type: 'date', nullable: true })
  trainedOn: string | null;

  @Column({ name: 'id_checked_by', type: 'uuid', nullable: true })
  idCheckedBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'id_checked_by', foreignKeyConstraintName: 'volunteers_id_checked_by_fkey' })
  idChecker?: UserEntity | null;

  @Column({ name: 'id_checked_at', type: 'timestamptz', nullable: true })
  idCheckedAt: Date | null;

  @Column({ name: 'approved_by', type: 'uuid', nullable: true })
  approvedBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'approved_by', foreignKeyConstraintName: 'volunteers_approved_by_fkey' })
  approver?: UserEntity | null;

  @Column({ name: 'approved_at', type: 'timestamptz', nullable: true })
  approvedAt: Date | null;

  @Column({ name: 'registered_by', type: 'uuid' })
  registeredBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'registered_by', foreignKeyConstraintName: 'volunteers_registered_by_fkey' })
  registrar?: UserEntity;

  @Column({ name: 'registered_at', type: 'timestamptz', default: () => 'now()' })
  registeredAt: Date;
}

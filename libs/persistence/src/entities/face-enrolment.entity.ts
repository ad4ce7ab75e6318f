import { Check, Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { ElderEntity } from './elder.entity';
import { UserEntity } from './user.entity';

/** An elder's face descriptor for the canteen terminal; deleted when the elder withdraws consent. */
@Entity({ name: 'face_enrolments' })
@Check('face_enrolments_embedding_check', `cardinality(embedding) = 128`)
export class FaceEnrolmentEntity {
  @PrimaryColumn({ name: 'elder_id', type: 'uuid', primaryKeyConstraintName: 'face_enrolments_pkey' })
  elderId: string;

  @OneToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'face_enrolments_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ type: 'real', array: true })
  embedding: number[];

  @Column({ name: 'enrolled_by', type: 'uuid' })
  enrolledBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'enrolled_by', foreignKeyConstraintName: 'face_enrolments_enrolled_by_fkey' })
  enroller?: UserEntity;

  @Column({ name: 'enrolled_at', type: 'timestamptz', default: () => 'now()' })
  enrolledAt: Date;
}

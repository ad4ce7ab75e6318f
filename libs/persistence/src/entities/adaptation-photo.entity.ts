import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AdaptationCaseEntity } from './adaptation-case.entity';
import { UserEntity } from './user.entity';

/** A photo of a case (assessment, before or after the works): its record; the bytes are in the photo storage. */
@Entity({ name: 'adaptation_photos' })
@Check('adaptation_photos_kind_check', `kind IN ('assessment', 'before', 'after')`)
@Check('adaptation_photos_content_type_check', `content_type IN ('image/jpeg', 'image/png', 'image/webp')`)
@Check('adaptation_photos_bytes_check', `bytes > 0`)
@Index('adaptation_photos_case_idx', ['caseId'])
export class AdaptationPhotoEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'case_id', type: 'uuid' })
  caseId: string;

  @ManyToOne(() => AdaptationCaseEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'case_id', foreignKeyConstraintName: 'adaptation_photos_case_id_fkey' })
  case?: AdaptationCaseEntity;

  @Column({ type: 'text' })
  kind: 'assessment' | 'before' | 'after';

  @Column({ name: 'content_type', type: 'text' })
  contentType: string;

  @Column({ type: 'integer' })
  bytes: number;

  @Column({ name: 'storage_key', type: 'text' })
  storageKey: string;

  @Column({ name: 'uploaded_by', type: 'uuid' })
  uploadedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'adaptation_photos_uploaded_by_fkey' })
  uploader?: UserEntity;

  @Column({ name: 'uploaded_at', type: 'timestamptz', default: () => 'now()' })
  uploadedAt: Date;
}

import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { EmergencyContact } from '@eldercare/domain';
import { RegionEntity } from './region.entity';

export type { EmergencyContact };

/** An elder in the civil-affairs registry, placed in a community (村/社区). */
@Entity({ name: 'elders' })
@Check('elders_gender_check', `gender IN ('female', 'male')`)
export class ElderEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  gender: 'female' | 'male';

  @Column({ name: 'birth_date', type: 'date' })
  birthDate: string;

  /** Several at once: 独居, 空巢, 高龄, 失能 … (codes from the domain's category list). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  categories: string[];

  @Index('elders_community_id_idx')
  @Column({ name: 'community_id', type: 'uuid' })
  communityId: string;

  @ManyToOne(() => RegionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'community_id', foreignKeyConstraintName: 'elders_community_id_fkey' })
  community?: RegionEntity;

  @Column({ type: 'text' })
  address: string;

  /** Overrides of the rule defaults for this elder (thresholds, safe zone, waking hours). */
  @Column({ name: 'rule_settings', type: 'jsonb', default: () => "'{}'" })
  ruleSettings: Record<string, unknown>;

  /** 身份证号: masked for roles that do not need it. */
  @Column({ name: 'id_number', type: 'text', nullable: true })
  idNumber: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** The code of the key safe by the door, for a responder who must get in. */
  @Column({ name: 'key_safe_code', type: 'text', nullable: true })
  keySafeCode: string | null;

  @Column({ name: 'medical_notes', type: 'text', default: '' })
  medicalNotes: string;

  /** In the order they are to be called. */
  @Column({ name: 'emergency_contacts', type: 'jsonb', default: () => "'[]'" })
  emergencyContacts: EmergencyContact[];

  @Column({ name: 'home_lat', type: 'double precision', nullable: true })
  homeLat: number | null;

  @Column({ name: 'home_lon', type: 'double precision', nullable: true })
  homeLon: number | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

import type { PairKind, RiskLevel } from '@eldercare/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, OneToOne, PrimaryColumn } from 'typeorm';
import { ElderEntity } from './elder.entity';
import { UserEntity } from './user.entity';

/** An elder at risk, their risk level and their named pair (结对帮扶). */
@Entity({ name: 'elder_pairs' })
@Check('elder_pairs_risk_level_check', `risk_level IN ('high', 'key', 'general')`)
@Check(
  'elder_pairs_pair_kind_check',
  `pair_kind IN ('caregiver', 'community-worker', 'volunteer', 'party-member', 'neighbour')`,
)
export class ElderPairEntity {
  @PrimaryColumn({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @OneToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'elder_pairs_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ name: 'risk_level', type: 'text' })
  riskLevel: RiskLevel;

  @Column({ name: 'pair_kind', type: 'text' })
  pairKind: PairKind;

  @Column({ name: 'pair_name', type: 'text' })
  pairName: string;

  @Column({ name: 'pair_phone', type: 'text' })
  pairPhone: string;

  @Column({ name: 'paired_by', type: 'uuid' })
  pairedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'paired_by', foreignKeyConstraintName: 'elder_pairs_paired_by_fkey' })
  pairer?: UserEntity;

  @Column({ name: 'paired_at', type: 'timestamptz', default: () => 'now()' })
  pairedAt: Date;
}

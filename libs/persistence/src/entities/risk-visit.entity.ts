import type { RiskVisitMode, VisitConcern } from '@eldercare/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AlertEntity } from './alert.entity';
import { ElderEntity } from './elder.entity';
import { UserEntity } from './user.entity';

/** A visit to an elder at risk, at home or by phone, with what was found. */
@Entity({ name: 'risk_visits' })
@Check('risk_visits_mode_check', `mode IN ('home', 'phone')`)
@Check(
  'risk_visits_concerns_check',
  `concerns <@ ARRAY['unwell', 'unreachable', 'no-food', 'unsafe-home', 'needs-services', 'lonely']::text[]`,
)
@Index('risk_visits_elder_idx', ['elderId', 'visitedAt'])
@Index('risk_visits_visited_idx', ['visitedAt'])
export class RiskVisitEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @ManyToOne(() => ElderEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'risk_visits_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ name: 'visited_at', type: 'timestamptz' })
  visitedAt: Date;

  @Column({ type: 'text' })
  mode: RiskVisitMode;

  @Column({ name: 'visitor_id', type: 'uuid' })
  visitorId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visitor_id', foreignKeyConstraintName: 'risk_visits_visitor_id_fkey' })
  visitor?: UserEntity;

  @Column({ type: 'text', default: '' })
  findings: string;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  concerns: VisitConcern[];

  @Column({ name: 'alert_id', type: 'uuid', nullable: true })
  alertId: string | null;

  @ManyToOne(() => AlertEntity, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'alert_id', foreignKeyConstraintName: 'risk_visits_alert_id_fkey' })
  alert?: AlertEntity | null;

  @Column({ name: 'recorded_at', type: 'timestamptz', default: () => 'now()' })
  recordedAt: Date;
}

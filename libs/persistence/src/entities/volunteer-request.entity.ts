import type { VolunteerRequestStatus, VolunteerService } from '@eldercare/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ElderEntity } from './elder.entity';
import { UserEntity } from './user.entity';
import { VolunteerEntity } from './volunteer.entity';

/** A request for a volunteer's help at an elder's home, from the visit to the coins it pays. */
@Entity({ name: 'volunteer_requests' })
@Check(
  'volunteer_requests_service_check',
  `service IN ('companionship', 'escort', 'errand', 'chat', 'reading', 'phone-help')`,
)
@Check('volunteer_requests_minutes_check', `minutes > 0 AND minutes <= 480`)
@Check(
  'volunteer_requests_status_check',
  `status IN ('open', 'taken', 'checked-in', 'checked-out', 'disputed', 'confirmed', 'rejected', 'cancelled', 'abandoned')`,
)
@Check('volunteer_requests_served_minutes_check', `served_minutes >= 0`)
@Index('volunteer_requests_elder_idx', ['elderId', 'startsAt'])
@Index('volunteer_requests_volunteer_idx', ['volunteerId', 'startsAt'])
@Index('volunteer_requests_waiting_idx', ['startsAt'], { where: `status IN ('open', 'taken')` })
export class VolunteerRequestEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'elder_id', type: 'uuid' })
  elderId: string;

  @ManyToOne(() => ElderEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'elder_id', foreignKeyConstraintName: 'volunteer_requests_elder_id_fkey' })
  elder?: ElderEntity;

  @Column({ type: 'text' })
  service: VolunteerService;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'integer' })
  minutes: number;

  @Column({ type: 'text', default: '' })
  note: string;

  /** The ledger account the coins come from: `city`, `elder:<id>` or `volunteer:<id>`. */
  @Column({ type: 'text' })
  payer: string;

  @Column({ type: 'text', default: 'open' })
  status: VolunteerRequestStatus;

  @Column({ name: 'requested_by', type: 'uuid' })
  requestedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'requested_by', foreignKeyConstraintName: 'volunteer_requests_requested_by_fkey' })
  requester?: UserEntity;

  @Column({ name: 'requested_at', type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  @Column({ name: 'volunteer_id', type: 'uuid', nullable: true })
  volunteerId: string | null;

  @ManyToOne(() => VolunteerEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'volunteer_id', foreignKeyConstraintName: 'volunteer_requests_volunteer_id_fkey' })
  volunteer?: VolunteerEntity | null;

  @Column({ name: 'taken_at', type: 'timestamptz', nullable: true })
  takenAt: Date | null;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt: Date | null;

  @Column({ name: 'check_in_position', type: 'jsonb', nullable: true })
  checkInPosition: Record<string, number> | null;

  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true })
  checkedOutAt: Date | null;

  @Column({ name: 'check_out_position', type: 'jsonb', nullable: true })
  checkOutPosition: Record<string, number> | null;

  @Column({ name: 'visit_note', type: 'text', nullable: true })
  visitNote: string | null;

  @Column({ name: 'served_minutes', type: 'integer', nullable: true })
  servedMinutes: number | null;

  @Column({ name: 'confirmed_by', type: 'uuid', nullable: true })
  confirmedBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'confirmed_by', foreignKeyConstraintName: 'volunteer_requests_confirmed_by_fkey' })
  confirmer?: UserEntity | null;

  @Column({ name: 'confirmed_at', type: 'timestamptz', nullable: true })
  confirmedAt: Date | null;

  @Column({ name: 'disputed_by', type: 'uuid', nullable: true })
  disputedBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'disputed_by', foreignKeyConstraintName: 'volunteer_requests_disputed_by_fkey' })
  disputer?: UserEntity | null;

  @Column({ name: 'disputed_at', type: 'timestamptz', nullable: true })
  disputedAt: Date | null;

  @Column({ name: 'dispute_reason', type: 'text', nullable: true })
  disputeReason: string | null;

  @Column({ name: 'resolved_by', type: 'uuid', nullable: true })
  resolvedBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'resolved_by', foreignKeyConstraintName: 'volunteer_requests_resolved_by_fkey' })
  resolver?: UserEntity | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt: Date | null;

  @Column({ name: 'resolution_note', type: 'text', nullable: true })
  resolutionNote: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  @Column({ name: 'close_reason', type: 'text', nullable: true })
  closeReason: string | null;
}

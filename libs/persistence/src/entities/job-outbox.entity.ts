import { Column, Entity, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * A job decided inside a transaction, waiting to be queued once that transaction has committed (the outbox): a
 * process that dies between its commit and the queue leaves it here, and another relays it.
 */
@Entity({ name: 'job_outbox' })
@Unique('job_outbox_queue_job_id_key', ['queue', 'jobId'])
@Index('job_outbox_created_at_idx', ['createdAt'])
export class JobOutboxEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'text' })
  queue: string;

  @Column({ name: 'job_name', type: 'text' })
  jobName: string;

  /** The job's id on its queue, which makes queueing it twice harmless while the first copy is there. */
  @Column({ name: 'job_id', type: 'text' })
  jobId: string;

  @Column({ type: 'jsonb' })
  data: Record<string, unknown>;

  @Column({ type: 'integer', nullable: true })
  priority: number | null;

  /** For a delayed job: when it is due. */
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true })
  dueAt: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

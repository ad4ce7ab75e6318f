import type { DataSource, EntityManager } from 'typeorm';

/** A job to queue once the transaction that decided it has committed. */
export interface OutboxJob {
  queue: string;
  name: string;
  jobId: string;
  data: object;
  priority?: number;
  /** For a delayed job: when it is due (epoch ms). */
  dueAt?: number;
}

/** An outbox row: its job and the id to delete it by once queued. */
export type OutboxEntry = OutboxJob & { id: string };

interface Row {
  id: string;
  queue: string;
  job_name: string;
  job_id: string;
  data: object;
  priority: number | null;
  due_at: Date | null;
}

/**
 * The transactional outbox (`job_outbox`): jobs are written in the transaction of the change they follow from, and
 * deleted once their queue has them. A job id is held once per queue, so writing it again changes nothing.
 */
export class JobOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Writes the jobs in the caller's transaction; answers the rows written (none for a job id already waiting). */
  async add(manager: EntityManager, jobs: OutboxJob[]): Promise<OutboxEntry[]> {
    if (jobs.length === 0) return [];
    const rows: Row[] = await manager.query(
      `INSERT INTO job_outbox (queue, job_name, job_id, data, priority, due_at)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::jsonb[], $5::int[], $6::timestamptz[])
       ON CONFLICT (queue, job_id) DO NOTHING
       RETURNING id, queue, job_name, job_id, data, priority, due_at`,
      [
        jobs.map((job) => job.queue),
        jobs.map((job) => job.name),
        jobs.map((job) => job.jobId),
        jobs.map((job) => JSON.stringify(job.data)),
        jobs.map((job) => job.priority ?? null),
        jobs.map((job) => (job.dueAt === undefined ? null : new Date(job.dueAt))),
      ],
    );
    return rows.map(toEntry);
  }

  /** Deletes rows whose jobs are queued. */
  async remove(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.dataSource.query('DELETE FROM job_outbox WHERE id = ANY($1::bigint[])', [ids]);
  }

  /**
   * Hands rows of `queues` older than `olderThanMs` (left by a process that died before it queued them) to `relay`,
   * and deletes them once it has resolved; answers how many. Rows another process is relaying are skipped, not awaited.
   */
  async relayLeftBehind(
    queues: string[],
    olderThanMs: number,
    limit: number,
    relay: (entries: OutboxEntry[]) => Promise<void>,
  ): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Row[] = await manager.query(
        `SELECT id, queue, job_name, job_id, data, priority, due_at FROM job_outbox
         WHERE queue = ANY($1) AND created_at < now() - $2 * interval '1 millisecond'
         ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED`,
        [queues, olderThanMs, limit],
      );
      if (rows.length === 0) return 0;
      await relay(rows.map(toEntry));
      await manager.query('DELETE FROM job_outbox WHERE id = ANY($1::bigint[])', [rows.map((row) => row.id)]);
      return rows.length;
    });
  }
}

function toEntry(row: Row): OutboxEntry {
  return {
    id: row.id,
    queue: row.queue,
    name: row.job_name,
    jobId: row.job_id,
    data: row.data,
    ...(row.priority === null ? {} : { priority: row.priority }),
    ...(row.due_at === null ? {} : { dueAt: row.due_at.getTime() }),
  };
}

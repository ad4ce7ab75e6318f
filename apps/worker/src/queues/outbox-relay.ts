import { JobName, QueueName, type EscalateAlertJob } from '@eldercare/contracts';
import type { JobToAdd } from '@eldercare/job-bus';
import { JobOutboxRepository, type OutboxEntry } from '@eldercare/persistence';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { WorkerQueues } from './worker-queues';

/** How often the outbox is searched for rows a dead process left behind. */
const SWEEP_EVERY_MS = 1_000;
/** A row this old was not relayed by the process that wrote it (which does so right after its commit). */
const LEFT_BEHIND_AFTER_MS = 5_000;
const SWEEP_BATCH = 500;
/** The queues whose jobs the worker writes to the outbox, and so relays; rows of others are left to their writers. */
const RELAYED_QUEUES: string[] = [QueueName.Dispatch, QueueName.AlertEscalations];

/**
 * Queues what the outbox holds and deletes it after: the rows a pass wrote, right after its commit, and, every second,
 * rows a process left behind when it died between its commit and its queues. A job relayed twice (a crash after
 * queueing, before deleting) keeps its job id, and the console takes a change once by its `seq`.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private sweeper?: NodeJS.Timeout;
  private sweeping = false;

  constructor(
    private readonly outbox: JobOutboxRepository,
    private readonly queues: WorkerQueues,
  ) {}

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  /** Queues the entries a committed transaction wrote, then deletes them. */
  async relay(entries: OutboxEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await this.enqueue(entries);
    await this.outbox.remove(entries.map((entry) => entry.id));
  }

  /** Relays what dead processes left behind; answers how many rows. */
  async sweep(): Promise<number> {
    if (this.sweeping) return 0;
    this.sweeping = true;
    try {
      const relayed = await this.outbox.relayLeftBehind(RELAYED_QUEUES, LEFT_BEHIND_AFTER_MS, SWEEP_BATCH, (entries) =>
        this.enqueue(entries),
      );
      if (relayed > 0) this.logger.warn(`relayed ${relayed} queued jobs a stopped process left in the outbox`);
      return relayed;
    } catch (error) {
      this.logger.error(`outbox sweep failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  private async enqueue(entries: OutboxEntry[], now = Date.now()): Promise<void> {
    const foreign = entries.filter((entry) => !RELAYED_QUEUES.includes(entry.queue));
    if (foreign.length > 0)
      throw new Error(`the worker relays no jobs of ${[...new Set(foreign.map((entry) => entry.queue))].join(', ')}`);
    const of = (queue: string) => entries.filter((entry) => entry.queue === queue);
    await Promise.all([
      this.queues.dispatch.addBulk(
        of(QueueName.Dispatch).map(
          (entry) =>
            ({
              name: entry.name,
              data: entry.data,
              opts: { jobId: entry.jobId, priority: entry.priority },
            }) as JobToAdd<'dispatch'>,
        ),
      ),
      this.queues.escalations.addBulk(
        of(QueueName.AlertEscalations).map((entry) => ({
          name: JobName.EscalateAlert,
          data: entry.data as EscalateAlertJob,
          opts: { jobId: entry.jobId, delay: Math.max(0, (entry.dueAt ?? now) - now) },
        })),
      ),
    ]);
  }
}

import type { QueueName } from '@eldercare/contracts';
import type { JobOutboxRepository, OutboxEntry } from '@eldercare/persistence';
import type { JobsOptions } from 'bullmq';
import type { AnyJobQueue } from './job-queue';

/** How often the outbox is searched for rows a dead process left behind. */
const SWEEP_EVERY_MS = 1_000;
/** A row this old was not relayed by the process that wrote it (which does so right after its commit). */
const LEFT_BEHIND_AFTER_MS = 5_000;
const SWEEP_BATCH = 500;

/** Where the relay says what it relayed from dead processes, and what failed. */
export interface OutboxRelayLogger {
  warn(message: string): void;
  error(message: string): void;
}

/** What the relay needs of the outbox (`job_outbox`). */
export type OutboxStore = Pick<JobOutboxRepository, 'remove' | 'relayLeftBehind'>;

/**
 * Queues what the transactional outbox holds and deletes it after: the rows a transaction wrote, right after its
 * commit (`relay`), and, every second once started, rows a process left behind when it died between its commit and
 * its queues (`sweep`). It relays the rows of the queues it is given; rows of other queues are left to the processes
 * that produce to them. Every row carries its job's id, which the queue keeps for a day after the job is done, so a
 * row relayed twice (its writer slow or dead after queueing, before deleting) is queued once. Any number of relays may
 * sweep one outbox: a row one of them is relaying is skipped by the others.
 */
export class OutboxRelay {
  private readonly queues: ReadonlyMap<QueueName, AnyJobQueue>;
  private sweeper?: NodeJS.Timeout;
  private sweeping = false;

  /** `sweeps`: false for a relay beside another of the same process that sweeps already. */
  constructor(
    private readonly outbox: OutboxStore,
    queues: AnyJobQueue[],
    private readonly logger?: OutboxRelayLogger,
    private readonly sweeps = true,
  ) {
    this.queues = new Map(queues.map((queue) => [queue.name, queue]));
  }

  /** Starts sweeping for rows left behind (a Nest application calls it once every module is up). */
  onApplicationBootstrap(): void {
    if (this.sweeps) this.sweeper ??= setInterval(() => void this.sweep(), SWEEP_EVERY_MS);
  }

  /** Stops sweeping. */
  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
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
      const relayed = await this.outbox.relayLeftBehind(
        [...this.queues.keys()],
        LEFT_BEHIND_AFTER_MS,
        SWEEP_BATCH,
        (entries) => this.enqueue(entries),
      );
      if (relayed > 0) this.logger?.warn(`relayed ${relayed} queued jobs a stopped process left in the outbox`);
      return relayed;
    } catch (error) {
      this.logger?.error(`outbox sweep failed: ${(error as Error).message}`);
      return 0;
    } finally {
      this.sweeping = false;
    }
  }

  private async enqueue(entries: OutboxEntry[], now = Date.now()): Promise<void> {
    const byQueue = new Map<string, OutboxEntry[]>();
    for (const entry of entries) byQueue.set(entry.queue, [...(byQueue.get(entry.queue) ?? []), entry]);
    const foreign = [...byQueue.keys()].filter((name) => !this.queues.has(name as QueueName));
    if (foreign.length > 0) throw new Error(`this process relays no jobs of ${foreign.join(', ')}`);
    await Promise.all(
      [...byQueue].map(([name, of]) => {
        const queue = this.queues.get(name as QueueName)!;
        // The row was written from a typed job of this queue; its name and payload are that job's.
        const add = queue.addBulk.bind(queue) as (
          jobs: { name: string; data: object; opts: JobsOptions }[],
        ) => Promise<unknown>;
        return add(of.map((entry) => ({ name: entry.name, data: entry.data, opts: optionsOf(entry, now) })));
      }),
    );
  }
}

function optionsOf(entry: OutboxEntry, now: number): JobsOptions {
  return {
    jobId: entry.jobId,
    ...(entry.priority === undefined ? {} : { priority: entry.priority }),
    ...(entry.dueAt === undefined ? {} : { delay: Math.max(0, entry.dueAt - now) }),
  };
}

import type { JobNameOf, JobPayload, QueueName } from '@eldercare/contracts';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { JobBusConnection } from './job-bus.connection';
import type { JobOf } from './job-queue';

/**
 * One handler for each job name of a queue, given the job's payload and the job itself (its timestamp, its delay).
 * Resolving completes the job; throwing fails this attempt and BullMQ retries it with backoff, unless the error is
 * an `UnrecoverableError`, for an input that can never succeed.
 */
export type JobHandlers<Q extends QueueName> = {
  [N in JobNameOf<Q>]: (data: JobPayload<Q, N>, job: JobOf<Q, N>) => Promise<unknown>;
};

/** Where a consumer's failures are told. Nest's `Logger` is one. */
export interface JobBusLogger {
  error(message: string): void;
}

/** A running consumer: BullMQ's worker. */
export type JobConsumer = Worker;

export interface ConsumerSettings {
  logger: JobBusLogger;
  /** Jobs of the queue run at once in this process; one by default. */
  concurrency?: number;
  /** How long a job's lock holds without renewal, and how often stalled jobs are looked for; BullMQ's 30 s by default. */
  lockMs?: number;
}

/**
 * A job whose consumer died is retried, not failed, this many times: several crashes in a row must not drop an sos
 * or the downlink that tells the elder help is coming.
 */
const MAX_STALLED_COUNT = 10;

/**
 * Consumes one of the platform's queues, each job by the handler of its name. Failures and connection errors are
 * logged. Close the worker on shutdown, before the queues its handlers produce to.
 */
export function consume<Q extends QueueName>(
  queue: Q,
  handlers: JobHandlers<Q>,
  connection: JobBusConnection,
  { logger, concurrency = 1, lockMs }: ConsumerSettings,
): JobConsumer {
  const worker = new Worker(queue, jobProcessor(queue, handlers), {
    connection: { ...connection.redis, maxRetriesPerRequest: null },
    prefix: connection.queuePrefix,
    concurrency,
    ...(lockMs === undefined ? {} : { lockDuration: lockMs, stalledInterval: lockMs }),
    maxStalledCount: MAX_STALLED_COUNT,
  });
  worker.on('failed', (job, error) =>
    logger.error(`${queue} job ${job?.id} (${job?.name}) failed (attempt ${job?.attemptsMade}): ${error.message}`),
  );
  worker.on('error', (error) => logger.error(`${queue} worker: ${error.message}`));
  return worker;
}

/** Runs a job by the handler of its name; a name the queue does not have fails the job for good. */
export function jobProcessor<Q extends QueueName>(
  queue: Q,
  handlers: JobHandlers<Q>,
): (job: Pick<Job, 'name' | 'data'>) => Promise<void> {
  return async (job) => {
    if (!Object.hasOwn(handlers, job.name)) throw new UnrecoverableError(`${queue} has no job named ${job.name}`);
    // The names are checked above; the payload is the one the producer's types allowed for this name.
    const handle = handlers[job.name as JobNameOf<Q>] as (data: unknown, job: unknown) => Promise<unknown>;
    await handle(job.data, job);
  };
}

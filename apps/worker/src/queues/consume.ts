import type { Logger } from '@nestjs/common';
import { Worker, type Job } from 'bullmq';
import type { WorkerOptions } from '../worker.options';

/** A BullMQ worker on one of the platform's queues: failures are logged, then retried with the job's backoff. */
export function consume<T>(
  queue: string,
  options: WorkerOptions,
  logger: Logger,
  handler: (job: Job<T>) => Promise<void>,
  concurrency = 1,
): Worker<T> {
  const worker = new Worker<T>(queue, handler, {
    connection: { ...options.redis, maxRetriesPerRequest: null },
    prefix: options.queuePrefix,
    concurrency,
    lockDuration: options.lockMs,
    stalledInterval: options.lockMs,
    // A job whose worker died is retried, not failed: several crashes in a row must not drop an sos.
    maxStalledCount: 10,
  });
  worker.on('failed', (job, error) =>
    logger.error(`${queue} job ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`),
  );
  worker.on('error', (error) => logger.error(`${queue} worker: ${error.message}`));
  return worker;
}

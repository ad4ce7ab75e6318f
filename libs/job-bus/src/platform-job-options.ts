import { DispatchPriority, QueueName } from '@eldercare/contracts';
import type { DefaultJobOptions } from 'bullmq';

/**
 * How the platform's producers queue jobs: retried with backoff on transient failures; completed jobs kept a day
 * (their fixed ids keep a redelivered event from being queued twice meanwhile), failed ones two weeks for a look.
 */
export const PLATFORM_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 500 },
  removeOnComplete: { age: 24 * 3600 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

/**
 * Options one queue adds for every producer of its jobs. `dispatch` gives each job the routine priority, so that no
 * producer can leave one without a priority, which BullMQ would take before an alarm's.
 */
export const QUEUE_JOB_OPTIONS: Partial<Record<QueueName, DefaultJobOptions>> = {
  [QueueName.Dispatch]: { priority: DispatchPriority.Routine },
};

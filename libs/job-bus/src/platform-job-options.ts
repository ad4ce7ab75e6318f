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
 * The jobs that carry a press to the console are retried every second for a day instead of eight times in about a
 * minute: a stored sos (already answered `received`, so its device stops repeating it) whose job ran out of attempts
 * during a longer Postgres outage would be raised only with its device's next message, hours later.
 */
const UNTIL_THE_OUTAGE_ENDS: DefaultJobOptions = { attempts: 24 * 3600, backoff: { type: 'fixed', delay: 1_000 } };

/**
 * Options one queue adds for every producer of its jobs. `dispatch` gives each job the routine priority, so that no
 * producer can leave one without a priority, which BullMQ would take before an alarm's.
 */
export const QUEUE_JOB_OPTIONS: Partial<Record<QueueName, DefaultJobOptions>> = {
  [QueueName.DeviceAlarms]: UNTIL_THE_OUTAGE_ENDS,
  [QueueName.Dispatch]: { priority: DispatchPriority.Routine, ...UNTIL_THE_OUTAGE_ENDS },
};

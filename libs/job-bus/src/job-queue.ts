import { QueueName, type JobNameOf, type JobPayload } from '@eldercare/contracts';
import {
  Queue,
  type BulkJobOptions,
  type DefaultJobOptions,
  type Job,
  type JobSchedulerTemplateOptions,
  type JobsOptions,
  type JobType,
  type RepeatOptions,
} from 'bullmq';
import type { JobBusConnection } from './job-bus.connection';
import { PLATFORM_JOB_OPTIONS, QUEUE_JOB_OPTIONS } from './platform-job-options';

/** A job of a queue as BullMQ hands it back, its payload typed by its name. */
export type JobOf<Q extends QueueName, N extends JobNameOf<Q> = JobNameOf<Q>> = {
  [K in N]: Job<JobPayload<Q, K>, unknown, K>;
}[N];

/** One job to queue: a job name of the queue with that name's payload. */
export type JobToAdd<Q extends QueueName> = {
  [N in JobNameOf<Q>]: { name: N; data: JobPayload<Q, N>; opts?: BulkJobOptions };
}[JobNameOf<Q>];

type AddArguments<Q extends QueueName> = {
  [N in JobNameOf<Q>]: [name: N, data: JobPayload<Q, N>, opts?: JobsOptions];
}[JobNameOf<Q>];

type ScheduledJob<Q extends QueueName> = {
  [N in JobNameOf<Q>]: { name: N; data?: JobPayload<Q, N>; opts?: JobSchedulerTemplateOptions };
}[JobNameOf<Q>];

/**
 * A BullMQ queue whose producing and reading methods take and give only the jobs of its queue in the job map of
 * `@eldercare/contracts`: a payload that is not its job name's does not compile.
 */
export type JobQueue<Q extends QueueName> = Omit<
  Queue,
  'name' | 'add' | 'addBulk' | 'upsertJobScheduler' | 'getJob' | 'getJobs'
> & {
  readonly name: Q;
  add(...job: AddArguments<Q>): Promise<JobOf<Q>>;
  addBulk(jobs: readonly JobToAdd<Q>[]): Promise<JobOf<Q>[]>;
  upsertJobScheduler(
    schedulerId: string,
    repeat: Omit<RepeatOptions, 'key'>,
    template: ScheduledJob<Q>,
  ): Promise<JobOf<Q> | undefined>;
  getJob(jobId: string): Promise<JobOf<Q> | undefined>;
  getJobs(types?: JobType | JobType[], start?: number, end?: number, asc?: boolean): Promise<JobOf<Q>[]>;
};

/** Any one of the platform's queues, for what every queue can do (count, empty, close). */
export type AnyJobQueue = { [Q in QueueName]: JobQueue<Q> }[QueueName];

/**
 * Opens a producer on one of the platform's queues with the platform's job options and the queue's own;
 * `jobOptions` changes them for this producer only. Close it on shutdown.
 */
export function openQueue<Q extends QueueName>(
  name: Q,
  connection: JobBusConnection,
  jobOptions: DefaultJobOptions = {},
): JobQueue<Q> {
  const queue = new Queue(name, {
    connection: connection.redis,
    prefix: connection.queuePrefix,
    defaultJobOptions: { ...PLATFORM_JOB_OPTIONS, ...QUEUE_JOB_OPTIONS[name], ...jobOptions },
  });
  // The job map is a compile-time contract: at run time this is BullMQ's queue, its methods narrowed by type only.
  return queue as unknown as JobQueue<Q>;
}

/** Every queue of the platform, to read their depths. Close them on shutdown. */
export function openEveryQueue(connection: JobBusConnection): AnyJobQueue[] {
  return Object.values(QueueName).map((name): AnyJobQueue => openQueue(name, connection));
}

/** Deletes every queue under the connection's prefix with its jobs: for tests and benchmarks, on a prefix of their own. */
export async function obliterateEveryQueue(connection: JobBusConnection): Promise<void> {
  for (const queue of openEveryQueue(connection)) {
    await queue.obliterate({ force: true });
    await queue.close();
  }
}

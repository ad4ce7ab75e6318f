/**
 * The platform's queues, typed by the job map of `@eldercare/contracts`: `openQueue` for a producer, `consume` for a
 * consumer with one handler per job name. The only place BullMQ queues and workers are made.
 */
export { UnrecoverableError } from 'bullmq';
export type { JobBusConnection } from './job-bus.connection';
export { consume, type ConsumerSettings, type JobBusLogger, type JobConsumer, type JobHandlers } from './job-consumer';
export {
  obliterateEveryQueue,
  openEveryQueue,
  openQueue,
  type AnyJobQueue,
  type JobOf,
  type JobQueue,
  type JobToAdd,
} from './job-queue';
export { PLATFORM_JOB_OPTIONS } from './platform-job-options';
export { OutboxRelay, type OutboxRelayLogger, type OutboxStore } from './outbox-relay';
export {
  announceAlertOutboxJob,
  announceWorkOrderOutboxJob,
  escalateAlertOutboxJob,
  sendDownlinkOutboxJob,
} from './outbox-jobs';

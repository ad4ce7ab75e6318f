import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  PLATFORM_JOB_OPTIONS,
  QueueName,
  type AnnounceAlertJob,
  type AnnounceWorkOrderJob,
  type CheckWaterBaselineJob,
  type EscalateAlertJob,
  type RuleTimerJob,
} from '@eldercare/contracts';

/** What waits on `rule-timers`: timers of the time-based rules, the hourly baseline fan-out and its checks. */
export type RuleTimersQueueJob = RuleTimerJob | CheckWaterBaselineJob | Record<string, never>;
import { Queue } from 'bullmq';
import { WORKER_OPTIONS, type WorkerOptions } from '../worker.options';

/** The queues the worker produces to. */
@Injectable()
export class WorkerQueues implements OnApplicationShutdown {
  readonly timers: Queue<RuleTimersQueueJob>;
  readonly escalations: Queue<EscalateAlertJob>;
  readonly dispatch: Queue<AnnounceAlertJob | AnnounceWorkOrderJob>;
  readonly homeCare: Queue<Record<string, never>>;

  constructor(@Inject(WORKER_OPTIONS) options: WorkerOptions) {
    const settings = {
      connection: options.redis,
      prefix: options.queuePrefix,
      defaultJobOptions: PLATFORM_JOB_OPTIONS,
    };
    this.timers = new Queue<RuleTimersQueueJob>(QueueName.RuleTimers, settings);
    this.escalations = new Queue<EscalateAlertJob>(QueueName.AlertEscalations, settings);
    this.dispatch = new Queue<AnnounceAlertJob | AnnounceWorkOrderJob>(QueueName.Dispatch, settings);
    this.homeCare = new Queue<Record<string, never>>(QueueName.HomeCare, settings);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.timers.close(), this.escalations.close(), this.dispatch.close(), this.homeCare.close()]);
  }
}

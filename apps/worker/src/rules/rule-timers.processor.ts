import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { JobName, QueueName, type CheckWaterBaselineJob, type RuleTimerJob } from '@eldercare/contracts';
import type { Job, Worker } from 'bullmq';
import type { RuleTimersQueueJob } from '../queues/worker-queues';
import { consume } from '../queues/consume';
import { WORKER_OPTIONS, type WorkerOptions } from '../worker.options';
import { RuleEngineService } from './rule-engine.service';
import { WaterBaselineScheduler } from './water-baseline.scheduler';

/** Fires the time-based rules' delayed jobs, and the hourly water-baseline checks. */
@Injectable()
export class RuleTimersProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RuleTimersProcessor.name);
  private worker: Worker<RuleTimersQueueJob> | undefined;

  constructor(
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions,
    private readonly engine: RuleEngineService,
    private readonly baselines: WaterBaselineScheduler,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = consume<RuleTimersQueueJob>(QueueName.RuleTimers, this.options, this.logger, (job) => this.process(job), this.options.concurrency);
  }

  private process(job: Job<RuleTimersQueueJob>): Promise<void> {
    switch (job.name) {
      case JobName.CheckWaterBaselines:
        return this.baselines.fanOut(job.timestamp);
      case JobName.CheckWaterBaseline:
        return this.engine.handleWaterBaseline(job.data as CheckWaterBaselineJob);
      default:
        return this.engine.handleTimer(job.data as RuleTimerJob);
    }
  }

  /** Stops taking jobs and finishes the running ones before the queues it produces to are closed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}

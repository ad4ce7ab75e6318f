import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { QueueName, type RuleTimerJob } from '@eldercare/contracts';
import type { Worker } from 'bullmq';
import { consume } from '../queues/consume';
import { WORKER_OPTIONS, type WorkerOptions } from '../worker.options';
import { RuleEngineService } from './rule-engine.service';

/** Fires the time-based rules' delayed jobs. */
@Injectable()
export class RuleTimersProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RuleTimersProcessor.name);
  private worker: Worker<RuleTimerJob> | undefined;

  constructor(
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions,
    private readonly engine: RuleEngineService,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = consume<RuleTimerJob>(QueueName.RuleTimers, this.options, this.logger, (job) => this.engine.handleTimer(job.data), this.options.concurrency);
  }

  /** Stops taking jobs and finishes the running ones before the queues it produces to are closed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}

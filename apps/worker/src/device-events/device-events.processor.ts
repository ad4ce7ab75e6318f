import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { JobName, QueueName, type DeviceEventJob, type DeviceStatusJob } from '@eldercare/contracts';
import type { Worker } from 'bullmq';
import { consume } from '../queues/consume';
import { RuleEngineService } from '../rules/rule-engine.service';
import { WORKER_OPTIONS, type WorkerOptions } from '../worker.options';

/** Consumes `device-events`: each job is one stored device message, or a device going online or offline, run through the rules. */
@Injectable()
export class DeviceEventsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeviceEventsProcessor.name);
  private worker: Worker<DeviceEventJob | DeviceStatusJob> | undefined;

  constructor(
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions,
    private readonly engine: RuleEngineService,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = consume<DeviceEventJob | DeviceStatusJob>(
      QueueName.DeviceEvents,
      this.options,
      this.logger,
      (job) => (job.name === JobName.ProcessDeviceStatus ? this.engine.handleStatus(job.data as DeviceStatusJob) : this.engine.handleEvent(job.data as DeviceEventJob)),
      this.options.concurrency,
    );
    this.logger.log(`taking device events, ${this.options.concurrency} at a time`);
  }

  /** Stops taking jobs and finishes the running ones before the queues it produces to are closed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}

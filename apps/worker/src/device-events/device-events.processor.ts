import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { QueueName, type DeviceEventJob } from '@eldercare/contracts';
import { Worker, type Job } from 'bullmq';
import { WORKER_OPTIONS, type WorkerOptions } from '../worker.options';

/** Consumes `device-events`. Each job is one stored device message; the rules that turn it into alerts run here. */
@Injectable()
export class DeviceEventsProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeviceEventsProcessor.name);
  private worker: Worker<DeviceEventJob> | undefined;
  processed = 0;

  constructor(@Inject(WORKER_OPTIONS) private readonly options: WorkerOptions) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<DeviceEventJob>(QueueName.DeviceEvents, (job) => this.process(job), {
      connection: { url: this.options.redis.url, maxRetriesPerRequest: null },
      prefix: this.options.queuePrefix,
      concurrency: this.options.concurrency,
    });
    this.worker.on('failed', (job, error) => this.logger.error(`job ${job?.id} failed: ${error.message}`));
  }

  async process(job: Job<DeviceEventJob>): Promise<void> {
    const { deviceId, uplink } = job.data;
    this.processed++;
    this.logger.debug(`${deviceId} ${uplink.kind} (job ${job.id})`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}

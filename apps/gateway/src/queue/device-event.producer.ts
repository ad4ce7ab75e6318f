import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { deviceEventJobId, JobName, QueueName, type DeviceEventJob } from '@eldercare/contracts';
import { Queue } from 'bullmq';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options';

/** Completed jobs are kept this long so that their ids keep refusing a second job for the same stored event. */
const KEEP_COMPLETED_SECONDS = 24 * 3600;

/** Hands stored device events to the worker, one job per event, idempotent by job id. */
@Injectable()
export class DeviceEventProducer implements OnApplicationShutdown {
  private readonly queue: Queue<DeviceEventJob>;

  constructor(@Inject(GATEWAY_OPTIONS) options: GatewayOptions) {
    this.queue = new Queue<DeviceEventJob>(QueueName.DeviceEvents, {
      connection: options.redis,
      prefix: options.queuePrefix,
      defaultJobOptions: {
        attempts: 8,
        backoff: { type: 'exponential', delay: 500 },
        removeOnComplete: { age: KEEP_COMPLETED_SECONDS, count: 200_000 },
        removeOnFail: { age: 14 * 24 * 3600 },
      },
    });
  }

  /** One pipelined round trip to Redis for the whole batch. */
  async enqueue(events: DeviceEventJob[]): Promise<void> {
    if (events.length === 0) return;
    await this.queue.addBulk(events.map((event) => ({ name: JobName.ProcessDeviceEvent, data: event, opts: { jobId: deviceEventJobId(event.eventId) } })));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}

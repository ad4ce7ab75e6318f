import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import {
  deviceEventJobId,
  deviceStatusJobId,
  JobName,
  QueueName,
  type DeviceEventJob,
  type DeviceStatusJob,
} from '@eldercare/contracts';
import { openQueue, type JobQueue } from '@eldercare/job-bus';
import { isAcknowledgedKind } from '@eldercare/protocol';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options';

/** Hands stored device events to the worker, one job per event, idempotent by job id. */
@Injectable()
export class DeviceEventProducer implements OnApplicationShutdown {
  private readonly queue: JobQueue<'device-events'>;
  private readonly reorderWindowMs: number;

  constructor(@Inject(GATEWAY_OPTIONS) options: GatewayOptions) {
    this.reorderWindowMs = options.reorderWindowMs;
    // Completed jobs are kept a day, and at most 200,000 of them (a day's ingest of a district), so that their ids
    // keep refusing a second job for the same stored event.
    this.queue = openQueue(QueueName.DeviceEvents, options, { removeOnComplete: { age: 24 * 3600, count: 200_000 } });
  }

  /** One pipelined round trip to Redis for the whole batch. */
  async enqueue(events: DeviceEventJob[], statuses: DeviceStatusJob[]): Promise<void> {
    if (events.length === 0 && statuses.length === 0) return;
    await this.queue.addBulk([
      ...events.map((data) => ({
        name: JobName.ProcessDeviceEvent,
        data,
        opts: { jobId: deviceEventJobId(data), delay: isAcknowledgedKind(data.uplink.kind) ? 0 : this.reorderWindowMs },
      })),
      ...statuses.map((data) => ({
        name: JobName.ProcessDeviceStatus,
        data,
        opts: { jobId: deviceStatusJobId(data.deviceId, new Date(data.receivedAt)) },
      })),
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}

import { createHash } from 'node:crypto';
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
import { isAlarmKind } from '@eldercare/protocol';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../gateway.options';

// Completed jobs are kept a day, and at most 200,000 of them (a day's ingest of a district), so that their ids keep
// refusing a second job for the same stored event.
const KEEP_COMPLETED = { removeOnComplete: { age: 24 * 3600, count: 200_000 } };

/**
 * Hands stored device events to the worker: each alarm (sos, fall, cancel) as a job of its own on the alarm lane at
 * once, idempotent by job id; a batch's readings as one job on `device-events` after the reorder window.
 */
@Injectable()
export class DeviceEventProducer implements OnApplicationShutdown {
  private readonly events: JobQueue<'device-events'>;
  private readonly alarms: JobQueue<'device-alarms'>;
  private readonly reorderWindowMs: number;

  constructor(@Inject(GATEWAY_OPTIONS) options: GatewayOptions) {
    this.reorderWindowMs = options.reorderWindowMs;
    this.events = openQueue(QueueName.DeviceEvents, options, KEEP_COMPLETED);
    this.alarms = openQueue(QueueName.DeviceAlarms, options, KEEP_COMPLETED);
  }

  /**
   * One pipelined round trip to Redis per lane, both in flight together; neither lane's jobs wait for the other's.
   * An alarm needs no reorder window: the rules catch up the device's stored messages in device time when they
   * take it (see RuleEngineService.handleEvent). One job carries all the readings, so the worker takes a batch at
   * the cost of one job and applies it in one pass.
   */
  async enqueue(events: DeviceEventJob[], statuses: DeviceStatusJob[]): Promise<void> {
    const alarms = events.filter((event) => isAlarmKind(event.uplink.kind));
    const readings = events.filter((event) => !isAlarmKind(event.uplink.kind));
    await Promise.all([
      alarms.length === 0
        ? undefined
        : this.alarms.addBulk(
            alarms.map((data) => ({ name: JobName.ProcessDeviceEvent, data, opts: { jobId: deviceEventJobId(data) } })),
          ),
      readings.length === 0 && statuses.length === 0
        ? undefined
        : this.events.addBulk([
            ...(readings.length === 0
              ? []
              : [
                  {
                    name: JobName.ProcessDeviceReadings,
                    data: { readings },
                    opts: { jobId: deviceReadingsJobId(readings), delay: this.reorderWindowMs },
                  },
                ]),
            ...statuses.map((data) => ({
              name: JobName.ProcessDeviceStatus,
              data,
              opts: { jobId: deviceStatusJobId(data.deviceId, new Date(data.receivedAt)) },
            })),
          ]),
    ]);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.events.close(), this.alarms.close()]);
  }
}

/**
 * The same readings make the same id: a batch redelivered whole after a crash is queued once. One cut differently
 * makes another job, which finds its readings applied (see DeviceReadingsJob).
 */
export function deviceReadingsJobId(readings: DeviceEventJob[]): string {
  const hash = createHash('sha256');
  for (const reading of readings) hash.update(deviceEventJobId(reading)).update('\n');
  return `device-readings-${hash.digest('base64url')}`;
}

import {
  announceAlertJobId,
  announceWorkOrderJobId,
  JobName,
  PLATFORM_JOB_OPTIONS,
  QueueName,
  type AnnounceAlertJob,
  type AnnounceWorkOrderJob,
} from '@eldercare/contracts';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { API_OPTIONS, type ApiOptions } from '../api.options';

/** Announces committed changes on the `dispatch` queue: alerts once per change and revision, work orders once per seq. */
@Injectable()
export class DispatchAnnouncements implements OnApplicationShutdown {
  private readonly dispatch: Queue<AnnounceAlertJob | AnnounceWorkOrderJob>;

  constructor(@Inject(API_OPTIONS) options: ApiOptions) {
    this.dispatch = new Queue<AnnounceAlertJob | AnnounceWorkOrderJob>(QueueName.Dispatch, {
      connection: options.redis,
      prefix: options.queuePrefix,
      defaultJobOptions: PLATFORM_JOB_OPTIONS,
    });
  }

  async announce(alertId: string, change: AnnounceAlertJob['change'], revision: number | string = 1): Promise<void> {
    await this.dispatch.add(
      JobName.AnnounceAlert,
      { alertId, change },
      { jobId: announceAlertJobId(alertId, change, revision) },
    );
  }

  async announceWorkOrder(workOrderId: string, seq: string): Promise<void> {
    await this.dispatch.add(
      JobName.AnnounceWorkOrder,
      { workOrderId, seq },
      { jobId: announceWorkOrderJobId(workOrderId, seq) },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatch.close();
  }
}

import { announceAlertJobId, JobName, PLATFORM_JOB_OPTIONS, QueueName, type AnnounceAlertJob } from '@eldercare/contracts';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import { API_OPTIONS, type ApiOptions } from '../api.options';

/** Announces committed alert changes on the `dispatch` queue, once per alert, change and revision. */
@Injectable()
export class AlertAnnouncements implements OnApplicationShutdown {
  private readonly dispatch: Queue<AnnounceAlertJob>;

  constructor(@Inject(API_OPTIONS) options: ApiOptions) {
    this.dispatch = new Queue<AnnounceAlertJob>(QueueName.Dispatch, {
      connection: options.redis,
      prefix: options.queuePrefix,
      defaultJobOptions: PLATFORM_JOB_OPTIONS,
    });
  }

  async announce(alertId: string, change: AnnounceAlertJob['change'], revision: number | string = 1): Promise<void> {
    await this.dispatch.add(JobName.AnnounceAlert, { alertId, change }, { jobId: announceAlertJobId(alertId, change, revision) });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.dispatch.close();
  }
}

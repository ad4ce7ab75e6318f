import {
  announceAlertJobId,
  announceWorkOrderJobId,
  JobName,
  QueueName,
  type AnnounceAlertJob,
} from '@eldercare/contracts';
import { openQueue, type JobQueue } from '@eldercare/job-bus';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from '../api.options';

/** Announces committed changes on the `dispatch` queue: alerts once per change and revision, work orders once per seq. */
@Injectable()
export class DispatchAnnouncements implements OnApplicationShutdown {
  private readonly dispatch: JobQueue<'dispatch'>;

  constructor(@Inject(API_OPTIONS) options: ApiOptions) {
    this.dispatch = openQueue(QueueName.Dispatch, options);
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

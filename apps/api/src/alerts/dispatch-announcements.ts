import { announceAlertJobId, announceWorkOrderJobId, JobName, type AnnounceAlertJob } from '@eldercare/contracts';
import { Injectable } from '@nestjs/common';
import { ApiQueues } from '../api-queues';

/** Announces committed changes on the `dispatch` queue: alerts once per change and revision, work orders once per seq. */
@Injectable()
export class DispatchAnnouncements {
  constructor(private readonly queues: ApiQueues) {}

  async announce(alertId: string, change: AnnounceAlertJob['change'], revision: number | string = 1): Promise<void> {
    await this.queues.dispatch.add(
      JobName.AnnounceAlert,
      { alertId, change },
      { jobId: announceAlertJobId(alertId, change, revision) },
    );
  }

  async announceWorkOrder(workOrderId: string, seq: string): Promise<void> {
    await this.queues.dispatch.add(
      JobName.AnnounceWorkOrder,
      { workOrderId, seq },
      { jobId: announceWorkOrderJobId(workOrderId, seq) },
    );
  }
}

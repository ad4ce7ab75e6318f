import {
  GENERATE_WORK_ORDERS_SCHEDULER_ID,
  JobName,
  RELEASE_ABANDONED_VOLUNTEER_REQUESTS_SCHEDULER_ID,
  SWEEP_MISSED_VISITS_SCHEDULER_ID,
  SWEEP_OVERDUE_RISK_VISITS_SCHEDULER_ID,
} from '@eldercare/contracts';
import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { WorkerQueues } from '../queues/worker-queues';

/**
 * Schedulers in Redis, however many workers upsert them: plans become orders every hour (and on first start), a
 * minute's sweep finds visits nobody checked in to, a quarter-hour's closes time-bank requests nobody came for, and
 * an hourly one raises a check-on for each elder at risk whose visit is overdue.
 */
@Injectable()
export class HomeCareScheduler implements OnApplicationBootstrap {
  constructor(private readonly queues: WorkerQueues) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.queues.homeCare.upsertJobScheduler(
      GENERATE_WORK_ORDERS_SCHEDULER_ID,
      { every: 3_600_000 },
      { name: JobName.GenerateWorkOrders },
    );
    await this.queues.homeCare.upsertJobScheduler(
      SWEEP_MISSED_VISITS_SCHEDULER_ID,
      { every: 60_000 },
      { name: JobName.SweepMissedVisits },
    );
    await this.queues.homeCare.upsertJobScheduler(
      RELEASE_ABANDONED_VOLUNTEER_REQUESTS_SCHEDULER_ID,
      { every: 900_000 },
      { name: JobName.ReleaseAbandonedVolunteerRequests },
    );
    await this.queues.homeCare.upsertJobScheduler(
      SWEEP_OVERDUE_RISK_VISITS_SCHEDULER_ID,
      { every: 3_600_000 },
      { name: JobName.SweepOverdueRiskVisits },
    );
  }
}

import { ARCHIVE_MONTHLY_REPORT_SCHEDULER_ID, JobName, QueueName } from '@eldercare/contracts';
import { openQueue, type JobQueue } from '@eldercare/job-bus';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from '../api.options';

/** At 01:00 on the first of each month, centre time: the month before is whole by then. */
export const ARCHIVE_MONTHLY_REPORT_PATTERN = '0 1 1 * *';
export const CENTRE_TIME_ZONE = 'Asia/Shanghai';

/** One scheduler in Redis, however many api instances upsert it: the month before, archived on the first. */
@Injectable()
export class ReportArchiveScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly queue: JobQueue<'reports'>;

  constructor(@Inject(API_OPTIONS) options: ApiOptions) {
    this.queue = openQueue(QueueName.Reports, options);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.queue.upsertJobScheduler(
      ARCHIVE_MONTHLY_REPORT_SCHEDULER_ID,
      { pattern: ARCHIVE_MONTHLY_REPORT_PATTERN, tz: CENTRE_TIME_ZONE },
      { name: JobName.ArchiveMonthlyReport, data: {} },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}

import { JobName, QueueName } from '@eldercare/contracts';
import { consume, type JobConsumer } from '@eldercare/job-bus';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import { monthBefore, ReportArchiveService } from './report-archive.service';

/** Makes the archived monthly reports the scheduler asks for, one at a time, on whichever api instance takes the job. */
@Injectable()
export class ReportArchiveConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ReportArchiveConsumer.name);
  private consumer?: JobConsumer;

  constructor(
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
    private readonly archive: ReportArchiveService,
  ) {}

  onApplicationBootstrap(): void {
    this.consumer = consume(
      QueueName.Reports,
      // The month before the one the job was due in (a scheduler's job is made a month ahead, delayed until due), so a
      // job run late still archives the right month.
      {
        [JobName.ArchiveMonthlyReport]: ({ month }, job) =>
          this.archive.archiveMonth(month ?? monthBefore(job.timestamp + (job.delay ?? 0))),
      },
      this.options,
      { logger: this.logger },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.close();
  }
}

import { JobName, QueueName, type AnnounceAlertJob, type AnnounceWorkOrderJob } from '@eldercare/contracts';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Worker } from 'bullmq';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import { ConsoleEventsGateway } from './console-events.gateway';

/**
 * Turns announcements on the `dispatch` queue into live console events: alerts and work orders. Each job is taken by one api instance,
 * whose socket server (with the Redis adapter) reaches the consoles on every instance. A console that missed one
 * catches up from Postgres when it reconnects, so nothing depends on this delivery alone.
 */
@Injectable()
export class DispatchAnnouncementsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DispatchAnnouncementsConsumer.name);
  private worker?: Worker<AnnounceAlertJob | AnnounceWorkOrderJob>;

  constructor(
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
    private readonly live: ConsoleEventsGateway,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<AnnounceAlertJob | AnnounceWorkOrderJob>(
      QueueName.Dispatch,
      async (job) => {
        if (job.name === JobName.AnnounceWorkOrder)
          return this.live.announceWorkOrder((job.data as AnnounceWorkOrderJob).workOrderId);
        const { alertId, change } = job.data as AnnounceAlertJob;
        await this.live.announce(alertId, change === 'raised' ? 'raised' : 'updated');
      },
      {
        connection: { ...this.options.redis, maxRetriesPerRequest: null },
        prefix: this.options.queuePrefix,
        concurrency: 8,
      },
    );
    this.worker.on('failed', (job, error) => this.logger.error(`dispatch job ${job?.id} failed: ${error.message}`));
    this.worker.on('error', (error) => this.logger.error(`dispatch worker: ${error.message}`));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}

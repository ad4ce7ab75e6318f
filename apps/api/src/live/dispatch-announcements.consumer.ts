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
import { ConsoleEventsGateway } from './console-events.gateway';

/**
 * Turns announcements on the `dispatch` queue into live console events: alerts and work orders. Each job is taken by one api instance,
 * whose socket server (with the Redis adapter) reaches the consoles on every instance. A console that missed one
 * catches up from Postgres when it reconnects, so nothing depends on this delivery alone.
 */
@Injectable()
export class DispatchAnnouncementsConsumer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DispatchAnnouncementsConsumer.name);
  private consumer?: JobConsumer;

  constructor(
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
    private readonly live: ConsoleEventsGateway,
  ) {}

  onApplicationBootstrap(): void {
    this.consumer = consume(
      QueueName.Dispatch,
      {
        [JobName.AnnounceAlert]: ({ alertId, change }) =>
          this.live.announce(alertId, change === 'raised' ? 'raised' : 'updated'),
        [JobName.AnnounceWorkOrder]: ({ workOrderId }) => this.live.announceWorkOrder(workOrderId),
      },
      this.options,
      { logger: this.logger, concurrency: 8 },
    );
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer?.close();
  }
}

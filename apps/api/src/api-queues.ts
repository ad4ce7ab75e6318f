import { QueueName } from '@eldercare/contracts';
import { openQueue, type JobQueue } from '@eldercare/job-bus';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from './api.options';

/** The queues the api produces to: announcements of committed changes, and downlinks for the gateway to send. */
@Injectable()
export class ApiQueues implements OnApplicationShutdown {
  readonly dispatch: JobQueue<'dispatch'>;
  readonly downlinks: JobQueue<'device-downlinks'>;

  constructor(@Inject(API_OPTIONS) options: ApiOptions) {
    this.dispatch = openQueue(QueueName.Dispatch, options);
    this.downlinks = openQueue(QueueName.DeviceDownlinks, options);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.dispatch.close(), this.downlinks.close()]);
  }
}

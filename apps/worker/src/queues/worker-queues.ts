import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { QueueName } from '@eldercare/contracts';
import { openQueue, type JobQueue } from '@eldercare/job-bus';
import { WORKER_OPTIONS, type WorkerOptions } from '../worker.options';

/** The queues the worker produces to. */
@Injectable()
export class WorkerQueues implements OnApplicationShutdown {
  readonly timers: JobQueue<'rule-timers'>;
  readonly escalations: JobQueue<'alert-escalations'>;
  readonly dispatch: JobQueue<'dispatch'>;
  readonly homeCare: JobQueue<'home-care'>;

  constructor(@Inject(WORKER_OPTIONS) options: WorkerOptions) {
    this.timers = openQueue(QueueName.RuleTimers, options);
    this.escalations = openQueue(QueueName.AlertEscalations, options);
    this.dispatch = openQueue(QueueName.Dispatch, options);
    this.homeCare = openQueue(QueueName.HomeCare, options);
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([this.timers.close(), this.escalations.close(), this.dispatch.close(), this.homeCare.close()]);
  }
}

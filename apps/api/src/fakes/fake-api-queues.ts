import type { QueueName } from '@eldercare/contracts';
import type { JobToAdd } from '@eldercare/job-bus';
import type { JobsOptions } from 'bullmq';
import type { ApiQueues } from '../api-queues';

type AddedJob<Q extends QueueName> = Pick<JobToAdd<Q>, 'name' | 'data'> & { opts?: JobsOptions };

/** A queue that keeps what is added to it, typed by the job map like the real one. */
export class FakeJobQueue<Q extends QueueName> {
  readonly jobs: AddedJob<Q>[] = [];

  async add(name: JobToAdd<Q>['name'], data: JobToAdd<Q>['data'], opts?: JobsOptions): Promise<void> {
    this.jobs.push({ name, data, opts });
  }
}

/** The api's producer queues kept in memory, for unit specs that check what a service queues. */
export class FakeApiQueues {
  readonly dispatch = new FakeJobQueue<'dispatch'>();
  readonly downlinks = new FakeJobQueue<'device-downlinks'>();

  asQueues(): ApiQueues {
    return this as unknown as ApiQueues;
  }
}

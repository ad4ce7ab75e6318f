import { openEveryQueue, type AnyJobQueue } from '@eldercare/job-bus';
import { platformMetrics } from '@eldercare/metrics';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from '../api.options';

const STATES = ['waiting', 'active', 'delayed', 'failed'] as const;

/** Reads every queue's job counts when Prometheus scrapes, so the depth is as of the scrape. */
@Injectable()
export class QueueDepthCollector implements OnApplicationShutdown {
  private readonly queues: AnyJobQueue[];

  constructor(@Inject(API_OPTIONS) options: ApiOptions) {
    this.queues = openEveryQueue(options);
  }

  async collect(): Promise<void> {
    await Promise.all(
      this.queues.map(async (queue) => {
        const counts = await queue.getJobCounts(...STATES);
        for (const state of STATES) platformMetrics.queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.queues.map((queue) => queue.close()));
  }
}

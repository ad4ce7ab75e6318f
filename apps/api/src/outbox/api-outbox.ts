import { announceAlertOutboxJob, OutboxRelay } from '@eldercare/job-bus';
import { JobOutboxRepository, type OutboxEntry, type OutboxJob, type TriggerOutcome } from '@eldercare/persistence';
import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ApiQueues } from '../api-queues';

/**
 * The jobs that follow the api's changes (announcements for the consoles, downlinks for devices) go through the
 * transactional outbox: `write` them in the transaction of the change, and hand what it answers to `committed` once
 * that transaction has committed. An api that dies in between leaves them in the outbox, where this relay (of any
 * api) queues them a few seconds later; their job ids keep a row relayed twice from being queued twice.
 */
@Injectable()
export class ApiOutbox implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly relay: OutboxRelay;

  constructor(
    private readonly outbox: JobOutboxRepository,
    queues: ApiQueues,
  ) {
    this.relay = new OutboxRelay(outbox, [queues.dispatch, queues.downlinks], new Logger('ApiOutboxRelay'));
  }

  onApplicationBootstrap(): void {
    this.relay.onApplicationBootstrap();
  }

  onApplicationShutdown(): void {
    this.relay.onApplicationShutdown();
  }

  /** Writes the jobs in the caller's transaction. */
  write(manager: EntityManager, jobs: OutboxJob[]): Promise<OutboxEntry[]> {
    return this.outbox.add(manager, jobs);
  }

  /** After the commit: queues what `write` wrote. */
  committed(entries: OutboxEntry[]): Promise<void> {
    return this.relay.relay(entries);
  }
}

/** The announcement of an alert a person's record raised (a care call, a visit's finding): raised, or merged. */
export function announcementOfTrigger(alert: TriggerOutcome): OutboxJob {
  return alert.kind === 'opened'
    ? announceAlertOutboxJob({ alertId: alert.alertId, change: 'raised' }, 1)
    : announceAlertOutboxJob({ alertId: alert.alertId, change: 'merged' }, alert.triggerCount);
}

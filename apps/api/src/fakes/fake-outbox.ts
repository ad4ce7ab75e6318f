import { JobName, type AnnounceAlertJob, type AnnounceWorkOrderJob, type SendDownlinkJob } from '@eldercare/contracts';
import type { OutboxEntry, OutboxJob } from '@eldercare/persistence';
import type { EntityManager } from 'typeorm';
import type { ApiOutbox } from '../outbox/api-outbox';

/** The outbox kept in memory, for unit specs that check what a service queues once its change has committed. */
export class FakeOutbox {
  readonly written: OutboxEntry[] = [];
  readonly queued: OutboxEntry[] = [];

  async write(_manager: EntityManager, jobs: OutboxJob[]): Promise<OutboxEntry[]> {
    const entries = jobs.map((job) => ({ ...job, id: String(this.written.length + 1) }));
    this.written.push(...entries);
    return entries;
  }

  async committed(entries: OutboxEntry[]): Promise<void> {
    this.queued.push(...entries);
  }

  /** The alert announcements queued, in order. */
  get alerts(): AnnounceAlertJob[] {
    return this.queuedOf(JobName.AnnounceAlert) as AnnounceAlertJob[];
  }

  /** The work-order announcements queued, in order. */
  get workOrders(): AnnounceWorkOrderJob[] {
    return this.queuedOf(JobName.AnnounceWorkOrder) as AnnounceWorkOrderJob[];
  }

  /** The downlinks queued, in order. */
  get downlinks(): SendDownlinkJob[] {
    return this.queuedOf(JobName.SendDownlink) as SendDownlinkJob[];
  }

  asOutbox(): ApiOutbox {
    return this as unknown as ApiOutbox;
  }

  private queuedOf(name: string): object[] {
    return this.queued.filter((entry) => entry.name === name).map((entry) => entry.data);
  }
}

import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { QueueName, type EscalateAlertJob } from '@eldercare/contracts';
import { isEscalationDue, type AlertStatus } from '@eldercare/domain';
import { AlertRepository } from '@eldercare/persistence';
import type { Job, Worker } from 'bullmq';
import { consume } from '../queues/consume';
import { WORKER_OPTIONS, type WorkerOptions } from '../worker.options';
import { AlertAnnouncer } from './alert-announcer';

/** Fires a scheduled escalation if the alert is still waiting for an operator. */
@Injectable()
export class EscalationProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(EscalationProcessor.name);
  private worker: Worker<EscalateAlertJob> | undefined;

  constructor(
    @Inject(WORKER_OPTIONS) private readonly options: WorkerOptions,
    private readonly alerts: AlertRepository,
    private readonly announcer: AlertAnnouncer,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = consume(QueueName.AlertEscalations, this.options, this.logger, (job) => this.process(job));
  }

  async process(job: Job<EscalateAlertJob>): Promise<void> {
    const alert = await this.alerts.findById(job.data.alertId);
    if (!alert || !isEscalationDue({ status: alert.status as AlertStatus }, { step: job.data.step, at: job.timestamp + (job.opts.delay ?? 0) }, Date.now())) return;
    this.logger.warn(`alert ${alert.id} (${alert.rule}, ${alert.severity}) unacknowledged: ${job.data.step}`);
    await this.announcer.escalated(alert.id, job.data.step);
  }

  /** Stops taking jobs and finishes the running ones before the queues it produces to are closed. */
  async beforeApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}

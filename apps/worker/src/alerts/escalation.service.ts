import { Injectable, Logger } from '@nestjs/common';
import type { EscalateAlertJob } from '@eldercare/contracts';
import { isEscalationDue, type AlertStatus } from '@eldercare/domain';
import { AlertCaseRepository, AlertRepository } from '@eldercare/persistence';
import { AlertAnnouncer } from './alert-announcer';

/** Fires a scheduled escalation if the alert is still waiting for an operator. */
@Injectable()
export class EscalationService {
  private readonly logger = new Logger(EscalationService.name);

  constructor(
    private readonly alerts: AlertRepository,
    private readonly cases: AlertCaseRepository,
    private readonly announcer: AlertAnnouncer,
  ) {}

  async escalate(job: EscalateAlertJob, dueAt: number, now = Date.now()): Promise<void> {
    const alert = await this.alerts.findById(job.alertId);
    if (!alert || !isEscalationDue({ status: alert.status as AlertStatus }, { step: job.step, at: dueAt }, now)) return;
    this.logger.warn(`alert ${alert.id} (${alert.rule}, ${alert.severity}) unacknowledged: ${job.step}`);
    // Recorded once for the case's timeline; announced every time, since a crash may have come in between.
    await this.cases.recordEscalation(alert.id, job.step, new Date(now));
    await this.announcer.escalated(alert.id, job.step);
  }
}

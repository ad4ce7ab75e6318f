import {
  DEFAULT_LATE_AFTER_MINUTES,
  DEFAULT_RULE_SETTINGS,
  escalationSteps,
  missedVisitSeverity,
  SERVICES,
} from '@eldercare/domain';
import { announceWorkOrderOutboxJob } from '@eldercare/job-bus';
import { AlertRepository, WorkOrderRepository, type OutboxJob } from '@eldercare/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { AlertAnnouncer, type AlertChange } from '../alerts/alert-announcer';

/**
 * Marks missed every visit nobody checked in to within its window, and raises an alert to the dispatch centre for
 * each, urgent when the elder lives alone. The marking, the alerts and their announcements (in the outbox) are one
 * transaction: a sweep that dies half way leaves the orders for the next, one that dies after leaves its
 * announcements to the relay.
 */
@Injectable()
export class MissedVisitSweeper {
  private readonly logger = new Logger(MissedVisitSweeper.name);

  constructor(
    private readonly orders: WorkOrderRepository,
    private readonly alerts: AlertRepository,
    private readonly announcer: AlertAnnouncer,
  ) {}

  async sweep(now = Date.now(), lateAfterMinutes = DEFAULT_LATE_AFTER_MINUTES): Promise<number> {
    const at = new Date(now);
    const { changes, recorded, missed } = await this.orders.inTransaction(async (manager) => {
      const missed = await this.orders.markMissed(manager, at, lateAfterMinutes);
      const changes: AlertChange[] = [];
      const orderAnnouncements: OutboxJob[] = [];
      for (const order of missed) {
        const severity = missedVisitSeverity(order.categories);
        const outcome = await this.alerts.trigger(manager, {
          elderId: order.elderId,
          deviceId: null,
          rule: 'visit-missed',
          severity,
          evidence: {
            workOrderId: order.id,
            service: order.service,
            serviceLabel: SERVICES[order.service].zh,
            provider: order.providerName,
            startsAt: order.startsAt.toISOString(),
          },
          triggerKey: `visit-missed:${order.id}`,
          sourceMsgId: null,
          deviceTime: order.startsAt,
          receivedAt: at,
          storedAt: at,
          raisedAt: at,
        });
        const seq = await this.orders.apply(manager, order.id, { missedAlertId: outcome.alertId });
        orderAnnouncements.push(announceWorkOrderOutboxJob(order.id, seq!));
        changes.push({
          ...outcome,
          rule: 'visit-missed',
          severity,
          escalations: escalationSteps(severity, outcome.raisedAt.getTime(), DEFAULT_RULE_SETTINGS),
        });
      }
      return { changes, recorded: await this.announcer.record(manager, changes, orderAnnouncements), missed };
    });
    if (missed.length === 0) return 0;
    this.logger.warn(`${missed.length} visits missed`);
    await this.announcer.committed(changes, recorded);
    return missed.length;
  }
}

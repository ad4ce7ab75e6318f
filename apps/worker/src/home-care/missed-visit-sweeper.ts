import { announceWorkOrderJobId, JobName } from '@eldercare/contracts';
import {
  DEFAULT_LATE_AFTER_MINUTES,
  DEFAULT_RULE_SETTINGS,
  escalationSteps,
  missedVisitSeverity,
  SERVICES,
} from '@eldercare/domain';
import { AlertRepository, WorkOrderRepository } from '@eldercare/persistence';
import { Injectable, Logger } from '@nestjs/common';
import { AlertAnnouncer, type AlertChange } from '../alerts/alert-announcer';
import { WorkerQueues } from '../queues/worker-queues';

/**
 * Marks missed every visit nobody checked in to within its window, and raises an alert to the dispatch centre for
 * each, urgent when the elder lives alone. The marking and the alerts are one transaction: a sweep that dies half
 * way leaves the orders for the next.
 */
@Injectable()
export class MissedVisitSweeper {
  private readonly logger = new Logger(MissedVisitSweeper.name);

  constructor(
    private readonly orders: WorkOrderRepository,
    private readonly alerts: AlertRepository,
    private readonly announcer: AlertAnnouncer,
    private readonly queues: WorkerQueues,
  ) {}

  async sweep(now = Date.now(), lateAfterMinutes = DEFAULT_LATE_AFTER_MINUTES): Promise<number> {
    const at = new Date(now);
    const { changes, recorded, missed } = await this.orders.inTransaction(async (manager) => {
      const missed = await this.orders.markMissed(manager, at, lateAfterMinutes);
      const changes: AlertChange[] = [];
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
        await this.orders.apply(manager, order.id, { missedAlertId: outcome.alertId });
        changes.push({
          ...outcome,
          rule: 'visit-missed',
          severity,
          escalations: escalationSteps(severity, outcome.raisedAt.getTime(), DEFAULT_RULE_SETTINGS),
        });
      }
      return { changes, recorded: await this.announcer.record(manager, changes), missed };
    });
    if (missed.length === 0) return 0;
    this.logger.warn(`${missed.length} visits missed`);
    await this.announcer.committed(changes, recorded);
    const announced = await Promise.all(missed.map((order) => this.orders.findForAnnouncement(order.id)));
    await this.queues.dispatch.addBulk(
      announced.flatMap((order) =>
        order
          ? [
              {
                name: JobName.AnnounceWorkOrder,
                data: { workOrderId: order.id, seq: order.seq },
                opts: { jobId: announceWorkOrderJobId(order.id, order.seq) },
              },
            ]
          : [],
      ),
    );
    return missed.length;
  }
}

import { addLocalDays, localDateOf, visitsOf } from '@eldercare/domain';
import { CarePlanRepository, WorkOrderRepository } from '@eldercare/persistence';
import { Injectable, Logger } from '@nestjs/common';

/** How far ahead plans become work orders, in local days including today: providers see the coming week. */
export const WORK_ORDER_HORIZON_DAYS = 7;

/**
 * Turns care plans into work orders for the coming days. Every visit has a key (plan line, date, time) that the
 * table keeps unique, so running twice, on two workers at once, or after a crash makes each order once.
 */
@Injectable()
export class WorkOrderGenerator {
  private readonly logger = new Logger(WorkOrderGenerator.name);

  constructor(
    private readonly plans: CarePlanRepository,
    private readonly orders: WorkOrderRepository,
  ) {}

  async generate(now = Date.now(), horizonDays = WORK_ORDER_HORIZON_DAYS): Promise<number> {
    const from = localDateOf(now);
    const to = addLocalDays(from, horizonDays - 1);
    const lines = await this.plans.linesRunningBetween(from, to);
    const visits = lines.flatMap((line) =>
      visitsOf({ ...line, providerId: line.provider.id, minutes: line.minutes ?? undefined }, from, to).map(
        (visit) => ({ ...visit, elderId: line.elderId }),
      ),
    );
    // Visits already under way or past are not made late: a plan added at noon starts with the afternoon's visits.
    const created = await this.orders.insertPlanned(visits.filter((visit) => visit.startsAt > now));
    if (created > 0)
      this.logger.log(`${created} work orders made from ${lines.length} plan lines for ${from} to ${to}`);
    return created;
  }
}

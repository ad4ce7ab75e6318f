import type { MealOrderInput, MealOrderView } from '@eldercare/contracts';
import {
  DomainError,
  mealCharge,
  mealOrderTimes,
  nextWorkOrderStatus,
  quantityOf,
  requireMealOrderOpen,
  SERVICES,
} from '@eldercare/domain';
import { announceWorkOrderOutboxJob } from '@eldercare/job-bus';
import {
  AuditRepository,
  CanteenRepository,
  lockElderEntitlement,
  WorkOrderRepository,
  type CanteenRecord,
  type MealOrderRecord,
} from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';
import { ApiOutbox } from '../outbox/api-outbox';
import { MealSubsidyCheck } from './meal-subsidy-check';

const DELIVERY = 'meal-delivery';

function toMealOrderView(order: MealOrderRecord, canteen: CanteenRecord): MealOrderView {
  return {
    id: order.id,
    elder: { id: order.elderId, name: order.elderName },
    canteen: { id: order.canteenId, name: order.canteenName },
    mealDate: order.mealDate,
    period: order.period,
    delivery: order.delivery,
    priceCents: order.priceCents,
    subsidyCents: order.subsidyCents,
    selfPayCents: order.selfPayCents,
    cutoffAt: new Date(mealOrderTimes(canteen.periods, order.mealDate, order.period).cutoffAt).toISOString(),
    orderedAt: order.orderedAt.toISOString(),
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    workOrder:
      order.workOrderId && order.workOrderStatus ? { id: order.workOrderId, status: order.workOrderStatus } : null,
  };
}

/**
 * Canteen meals a family orders for their own elder and pays remotely. The ordered meal is recorded beside the
 * counter's meals, so the unique index that keeps one subsidised meal per elder per period decides between an order
 * and a meal at any counter however they race; a delivered meal (送餐) is stored with a work order for the canteen's
 * provider in the same transaction, and from then on lives the life of every work order (assigned, accepted, checked
 * in and out at the elder's home). Ordering and cancelling close two hours before the meal opens. Audited.
 */
@Injectable()
export class MealOrdersService {
  constructor(
    private readonly canteens: CanteenRepository,
    private readonly orders: WorkOrderRepository,
    private readonly subsidies: MealSubsidyCheck,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
    private readonly outbox: ApiOutbox,
  ) {}

  async order(viewer: Viewer, input: MealOrderInput, now = Date.now()): Promise<MealOrderView> {
    const elder = await this.elderAccess.elderInScope(viewer, input.elderId);
    const canteen = await this.canteens.findCanteen(input.canteenId);
    if (!canteen) throw new DomainError('canteen-not-found', 'no canteen has this id');
    const times = mealOrderTimes(canteen.periods, input.date, input.period);
    requireMealOrderOpen(times, now);
    const diner = await this.canteens.dinerById(elder.id);
    if (!diner) throw new DomainError('elder-not-found', 'no elder has this id');
    const meal = { date: input.date, period: input.period };
    const { subsidy, alreadySubsidised } = await this.subsidies.of(canteen, diner, meal, now);
    const charge = mealCharge({
      priceCents: canteen.priceCents,
      subsidy,
      alreadySubsidised,
      fullPriceConfirmed: input.fullPrice ?? false,
    });
    const stored = await this.canteens.transaction(async (manager) => {
      // A delivery's work order counts against the month's meal-delivery entitlement as a booking of it would.
      if (input.delivery) await lockElderEntitlement(manager, elder.id);
      const workOrder = input.delivery
        ? await this.orders.insertOneOff(manager, {
            elderId: elder.id,
            providerId: canteen.provider.id,
            service: DELIVERY,
            startsAt: new Date(times.opensAt),
            minutes: SERVICES[DELIVERY].minutes,
            quantity: quantityOf(DELIVERY),
            sourceAlertId: null,
          })
        : null;
      const id = await this.canteens.recordMeal(
        {
          elderId: elder.id,
          canteenId: canteen.id,
          terminal: null,
          mealDate: input.date,
          period: input.period,
          identifiedBy: 'order',
          identifyReason: null,
          matchScore: null,
          liveness: null,
          faceCheckId: null,
          priceCents: canteen.priceCents,
          subsidyCents: charge.subsidyCents,
          selfPayCents: charge.selfPayCents,
          subsidyCategory: charge.category,
          cashierId: null,
          orderedBy: viewer.id,
          workOrderId: workOrder?.id ?? null,
        },
        manager,
      );
      // A meal at a counter or another order took the period's subsidy meanwhile: the index refused this one, and
      // the delivery's work order goes with it.
      if (!id) throw new DomainError('meal-already-subsidised', 'the elder has a subsidised meal in this period');
      await this.audit.append(
        {
          userId: viewer.id,
          action: 'meal.order',
          elderId: elder.id,
          subject: `meal:${id}`,
          detail: { canteenId: canteen.id, delivery: input.delivery, subsidyCents: charge.subsidyCents },
        },
        manager,
      );
      const queued = workOrder
        ? await this.outbox.write(manager, [announceWorkOrderOutboxJob(workOrder.id, workOrder.seq)])
        : [];
      return { id, queued };
    });
    await this.outbox.committed(stored.queued);
    return this.view(stored.id);
  }

  /** The elder's ordered meals: a read of the elder's record, in scope and audited. */
  async ordersOf(viewer: Viewer, elderId: string): Promise<MealOrderView[]> {
    await this.elderAccess.elderInScope(viewer, elderId);
    await this.audit.append({ userId: viewer.id, action: 'meal-orders.read', elderId, subject: `elder:${elderId}` });
    const orders = await this.canteens.mealOrdersOf(elderId);
    const canteens = new Map((await this.canteens.canteens()).map((canteen) => [canteen.id, canteen]));
    return orders.flatMap((order) => {
      const canteen = canteens.get(order.canteenId);
      return canteen ? [toMealOrderView(order, canteen)] : [];
    });
  }

  /** Cancels the order before its cut-off; a delivery's work order is cancelled with it. */
  async cancel(viewer: Viewer, id: string, now = Date.now()): Promise<MealOrderView> {
    const order = await this.canteens.findMealOrder(id);
    const inScope = order && (await this.elderAccess.elderInScope(viewer, order.elderId).catch(() => undefined));
    if (!order || !inScope) throw new DomainError('meal-order-not-found', 'no meal order with this id is yours');
    const canteen = await this.canteens.findCanteen(order.canteenId);
    if (!canteen) throw new DomainError('meal-order-not-found', 'no meal order with this id is yours');
    const queued = await this.canteens.transaction(async (manager) => {
      const locked = await this.canteens.lockMealOrder(manager, id);
      if (!locked || locked.cancelledAt)
        throw new DomainError('meal-order-not-cancellable', 'this meal order is cancelled already');
      requireMealOrderOpen(mealOrderTimes(canteen.periods, order.mealDate, order.period), now);
      await this.canteens.markMealOrderCancelled(manager, id, new Date(now), viewer.id);
      await this.audit.append(
        { userId: viewer.id, action: 'meal.cancel-order', elderId: order.elderId, subject: `meal:${id}` },
        manager,
      );
      if (!locked.workOrderId || !locked.workOrderStatus) return [];
      const seq = await this.orders.apply(manager, locked.workOrderId, {
        status: nextWorkOrderStatus(locked.workOrderStatus, 'cancel'),
        cancelledAt: new Date(now),
        cancelReason: 'meal order cancelled by the family',
      });
      return this.outbox.write(manager, [announceWorkOrderOutboxJob(locked.workOrderId, seq!)]);
    });
    await this.outbox.committed(queued);
    return this.view(id);
  }

  private async view(id: string): Promise<MealOrderView> {
    const order = await this.canteens.findMealOrder(id);
    const canteen = order && (await this.canteens.findCanteen(order.canteenId));
    if (!order || !canteen) throw new DomainError('meal-order-not-found', 'no meal order has this id');
    return toMealOrderView(order, canteen);
  }
}

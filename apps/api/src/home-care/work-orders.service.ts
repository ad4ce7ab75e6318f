import type { WorkOrderView } from '@eldercare/contracts';
import {
  assessVisitPosition,
  DomainError,
  isServiceCode,
  nextWorkOrderStatus,
  quantityOf,
  requireOpenVisitExceptions,
  SERVICES,
  visitExceptions,
  type ServiceCode,
  type VisitExceptionResolution,
  type WorkOrderAction,
  type WorkOrderStatus,
  visitCodeMatches,
} from '@eldercare/domain';
import { announceWorkOrderOutboxJob } from '@eldercare/job-bus';
import {
  AuditRepository,
  BookingRepository,
  CanteenRepository,
  CarePlanRepository,
  ComplaintRepository,
  VisitRatingRepository,
  WorkOrderRepository,
  type OutboxEntry,
  type WorkOrderChange,
  type WorkOrderReader,
  type WorkOrderRow,
  type WorkOrderSearch,
} from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';
import { ApiOutbox } from '../outbox/api-outbox';
import { toWorkOrderView } from './work-order-view.mapper';

export interface VisitPositionInput {
  lat: number;
  lon: number;
  accuracyM?: number;
}

/** A check-in: where the phone is, and for a booking's visit the code the elder holds. */
export interface CheckInInput extends VisitPositionInput {
  visitCode?: string;
}

/** What a viewer may read of work orders: their scope, narrowed to their own orders for a caregiver. */
export function readerOf(viewer: Viewer): WorkOrderReader {
  return { scope: viewer.scope, caregiverId: viewer.role === 'caregiver' ? viewer.id : undefined };
}

/**
 * Work orders through their life: made once from an alert (plans make theirs in the worker), assigned by the
 * provider to a caregiver, accepted, checked in and out at the home with the phone's position, or cancelled. A
 * check-in outside the window around the start, a visit shorter than its service's minimum or a position far from
 * the home is recorded as an exception, never refused (the caregiver may be helping the elder); the provider's admin
 * then approves the visit or rejects it as not delivered. Each step runs under the order's row lock and is announced
 * live, through the outbox written in the step's transaction.
 */
@Injectable()
export class WorkOrdersService {
  constructor(
    private readonly orders: WorkOrderRepository,
    private readonly plans: CarePlanRepository,
    private readonly ratings: VisitRatingRepository,
    private readonly complaints: ComplaintRepository,
    private readonly bookings: BookingRepository,
    private readonly canteens: CanteenRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
    private readonly outbox: ApiOutbox,
  ) {}

  async search(viewer: Viewer, search: WorkOrderSearch): Promise<WorkOrderView[]> {
    const rows = await this.orders.search(readerOf(viewer), search);
    return rows.map((row) => toWorkOrderView(row, viewer.role));
  }

  async get(viewer: Viewer, id: string): Promise<WorkOrderView> {
    return toWorkOrderView(await this.find(viewer, id), viewer.role);
  }

  /** Send someone now, typically while working an alert. */
  async createOneOff(
    viewer: Viewer,
    order: {
      elderId: string;
      providerId: string;
      service: string;
      startsAt: string;
      minutes?: number;
      sourceAlertId?: string;
    },
  ): Promise<WorkOrderView> {
    await this.elderAccess.elderInScope(viewer, order.elderId);
    if (!(await this.plans.providerExists(order.providerId)))
      throw new DomainError('provider-not-found', 'no provider has this id');
    if (!isServiceCode(order.service)) throw new DomainError('service-unknown', `unknown service ${order.service}`);
    const service: ServiceCode = order.service;
    const minutes = order.minutes ?? SERVICES[service].minutes;
    const { id, queued } = await this.orders.inTransaction(async (manager) => {
      const { id, seq } = await this.orders.insertOneOff(manager, {
        elderId: order.elderId,
        providerId: order.providerId,
        service,
        startsAt: new Date(order.startsAt),
        minutes,
        quantity: quantityOf(service, minutes),
        sourceAlertId: order.sourceAlertId ?? null,
      });
      await this.audit.append(
        {
          userId: viewer.id,
          action: 'work-order.create',
          elderId: order.elderId,
          subject: `work-order:${id}`,
          detail: { service },
        },
        manager,
      );
      return { id, queued: await this.outbox.write(manager, [announceWorkOrderOutboxJob(id, seq)]) };
    });
    return this.announced(viewer, id, queued);
  }

  async assign(viewer: Viewer, id: string, caregiverId: string, now = new Date()): Promise<WorkOrderView> {
    const order = await this.find(viewer, id);
    if (!(await this.plans.isCaregiverOf(order.provider.id, caregiverId)))
      throw new DomainError('caregiver-not-found', `no caregiver of ${order.provider.name} has this id`);
    return this.step(viewer, id, 'assign', { caregiverId, assignedAt: now });
  }

  async accept(viewer: Viewer, id: string, now = new Date()): Promise<WorkOrderView> {
    await this.requireOwnVisit(viewer, id);
    return this.step(viewer, id, 'accept', { acceptedAt: now });
  }

  async checkIn(viewer: Viewer, id: string, position: CheckInInput, now = new Date()): Promise<WorkOrderView> {
    const order = await this.requireOwnVisit(viewer, id);
    const visitCode = await this.bookings.visitCodeOfWorkOrder(id);
    if (visitCode !== null && !visitCodeMatches(visitCode, position.visitCode))
      throw new DomainError('visit-code-mismatch', 'a booked visit starts with the code the elder holds');
    const { stored, far } = this.assess(order, position);
    const exceptions = visitExceptions({
      service: order.service,
      startsAt: order.startsAt.getTime(),
      minutes: order.minutes,
      checkedInAt: now.getTime(),
      checkedOutAt: null,
      farFromHome: far,
    });
    return this.step(viewer, id, 'check-in', { checkedInAt: now, checkInPosition: stored, exceptions });
  }

  async checkOut(
    viewer: Viewer,
    id: string,
    visit: VisitPositionInput & { note: string; confirmedBy: 'elder' | 'family' | null },
    now = new Date(),
  ): Promise<WorkOrderView> {
    const order = await this.requireOwnVisit(viewer, id);
    const { stored, far } = this.assess(order, visit);
    // An order not checked in is refused by the life cycle below; its check-in time is only needed when it was.
    const checkedInAt = order.checkedInAt ?? now;
    const exceptions = visitExceptions({
      service: order.service,
      startsAt: order.startsAt.getTime(),
      minutes: order.minutes,
      checkedInAt: checkedInAt.getTime(),
      checkedOutAt: now.getTime(),
      farFromHome: far || order.exceptions.includes('far-from-home'),
    });
    return this.step(viewer, id, 'check-out', {
      checkedOutAt: now,
      checkOutPosition: stored,
      note: visit.note,
      confirmedBy: visit.confirmedBy,
      exceptions,
    });
  }

  /**
   * The provider's decision on a checked-out visit's exceptions: `approved` (it happened, and counts as delivered) or
   * `rejected` (not delivered), with a note saying why. Once per visit; audited.
   */
  async resolveExceptions(
    viewer: Viewer,
    id: string,
    decision: { resolution: VisitExceptionResolution; note: string },
    now = new Date(),
  ): Promise<WorkOrderView> {
    const order = await this.find(viewer, id);
    const queued = await this.orders.inOrderTransaction(id, async (manager, locked) => {
      if (!locked) throw new DomainError('work-order-not-found', 'no work order has this id');
      requireOpenVisitExceptions(locked);
      const seq = await this.orders.apply(manager, id, {
        exceptionResolution: decision.resolution,
        exceptionResolvedBy: viewer.id,
        exceptionResolvedAt: now,
        exceptionNote: decision.note,
      });
      await this.audit.append(
        {
          userId: viewer.id,
          action: 'work-order.resolve-exceptions',
          elderId: order.elder.id,
          subject: `work-order:${id}`,
          detail: { resolution: decision.resolution, exceptions: locked.exceptions, note: decision.note },
        },
        manager,
      );
      return this.outbox.write(manager, [announceWorkOrderOutboxJob(id, seq!)]);
    });
    return this.announced(viewer, id, queued);
  }

  /** A meal delivery's order is cancelled with its meal order, in one transaction: the period's subsidy is freed. */
  async cancel(viewer: Viewer, id: string, reason: string, now = new Date()): Promise<WorkOrderView> {
    await this.find(viewer, id);
    return this.step(viewer, id, 'cancel', { cancelledAt: now, cancelReason: reason }, async (manager) => {
      const meal = await this.canteens.cancelMealOrderOfWorkOrder(manager, id, now, viewer.id);
      if (meal)
        await this.audit.append(
          {
            userId: viewer.id,
            action: 'meal.cancel-order',
            elderId: meal.elderId,
            subject: `meal:${meal.id}`,
            detail: { workOrderId: id, reason },
          },
          manager,
        );
    });
  }

  /** A family rates a visit once it is done; once only. */
  async rate(viewer: Viewer, id: string, stars: number, comment: string): Promise<void> {
    const order = await this.find(viewer, id);
    if (order.status !== 'checked-out')
      throw new DomainError('visit-not-done', 'only a visit that was made can be rated');
    if (!(await this.ratings.add(id, viewer.id, stars, comment)))
      throw new DomainError('visit-already-rated', 'this visit has a rating already');
  }

  async complain(
    viewer: Viewer,
    complaint: { elderId: string; workOrderId?: string; text: string },
  ): Promise<{ id: string }> {
    await this.elderAccess.elderInScope(viewer, complaint.elderId);
    const order = complaint.workOrderId ? await this.find(viewer, complaint.workOrderId) : undefined;
    if (order && order.elder.id !== complaint.elderId)
      throw new DomainError('work-order-not-found', 'the elder has no such work order');
    const id = await this.complaints.file({
      elderId: complaint.elderId,
      providerId: order?.provider.id ?? null,
      workOrderId: order?.id ?? null,
      userId: viewer.id,
      text: complaint.text,
    });
    return { id };
  }

  private async find(viewer: Viewer, id: string): Promise<WorkOrderRow> {
    const order = await this.orders.findFor(readerOf(viewer), id);
    if (!order) throw new DomainError('work-order-not-found', 'no work order with this id is yours to see');
    return order;
  }

  /** Only the caregiver the order is assigned to performs it. */
  private async requireOwnVisit(viewer: Viewer, id: string): Promise<WorkOrderRow> {
    const order = await this.find(viewer, id);
    if (order.caregiver?.id !== viewer.id)
      throw new DomainError('work-order-not-found', 'this visit is not assigned to you');
    return order;
  }

  private assess(order: WorkOrderRow, position: VisitPositionInput): { stored: Record<string, number>; far: boolean } {
    const stored: Record<string, number> = {
      lat: position.lat,
      lon: position.lon,
      ...(position.accuracyM === undefined ? {} : { accuracyM: position.accuracyM }),
    };
    if (!order.elder.home) return { stored, far: false };
    const { distanceM, farFromHome } = assessVisitPosition(order.elder.home, position);
    return { stored: { ...stored, distanceM }, far: farFromHome };
  }

  private async step(
    viewer: Viewer,
    id: string,
    action: WorkOrderAction,
    change: WorkOrderChange,
    alongside?: (manager: EntityManager) => Promise<void>,
  ): Promise<WorkOrderView> {
    const queued = await this.orders.inOrderTransaction(id, async (manager, order) => {
      if (!order) throw new DomainError('work-order-not-found', 'no work order has this id');
      const next: WorkOrderStatus = nextWorkOrderStatus(order.status, action);
      const seq = await this.orders.apply(manager, id, { ...change, status: next });
      await alongside?.(manager);
      return this.outbox.write(manager, [announceWorkOrderOutboxJob(id, seq!)]);
    });
    return this.announced(viewer, id, queued);
  }

  /** Queues the change's announcement, written in its transaction, and answers the order as it is now. */
  private async announced(viewer: Viewer, id: string, queued: OutboxEntry[]): Promise<WorkOrderView> {
    await this.outbox.committed(queued);
    return toWorkOrderView(await this.find(viewer, id), viewer.role);
  }
}

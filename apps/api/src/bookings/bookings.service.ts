import type { BookingInput, BookingQuote, BookingView } from '@eldercare/contracts';
import {
  accountMonth,
  bookingPayment,
  cancellationCharge,
  cancellationTerms,
  checkBookingStart,
  DomainError,
  entitlementOf,
  freeResourcesAt,
  localMonthBounds,
  localMonthOf,
  MINUTE_MS,
  nextWorkOrderStatus,
  quantityOf,
  requireCancellableBooking,
  requireConfirmableVisit,
  VISIT_CODE_DIGITS,
  visitCodeOf,
  type VisitConfirmation,
} from '@eldercare/domain';
import { announceWorkOrderOutboxJob } from '@eldercare/job-bus';
import {
  AuditRepository,
  BookingRepository,
  CarePlanRepository,
  ComplaintRepository,
  WorkOrderRepository,
  type BookingRow,
  type BookingSearch,
  type OfferRecord,
  type OutboxEntry,
} from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';
import { readerOf } from '../home-care/work-orders.service';
import { ApiOutbox } from '../outbox/api-outbox';
import { toBookingView } from './booking-view.mapper';
import { OffersService } from './offers.service';

/**
 * Bookings of a provider's offer into a free slot, by the elder's family, an operator, or the elder's caregiver.
 * The booking and its work order are stored together; the database's exclusion constraint, not a read before the
 * write, keeps two bookings off one caregiver's or place's time. Who pays is decided before booking and shown in the
 * quote; cancelling is free until the offer's cut-off. Every booking and change is audited.
 */
@Injectable()
export class BookingsService {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly offers: OffersService,
    private readonly plans: CarePlanRepository,
    private readonly orders: WorkOrderRepository,
    private readonly complaints: ComplaintRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
    private readonly outbox: ApiOutbox,
  ) {}

  async quote(viewer: Viewer, input: BookingInput, now = Date.now()): Promise<BookingQuote> {
    await this.requireMayBookFor(viewer, input.elderId);
    const offer = await this.offers.activeOffer(input.offerId);
    const startsAt = Date.parse(input.startsAt);
    checkBookingStart(offer, startsAt, now);
    return this.quoteOf(offer, input.elderId, startsAt);
  }

  async book(viewer: Viewer, input: BookingInput, now = Date.now()): Promise<BookingView> {
    await this.requireMayBookFor(viewer, input.elderId);
    const offer = await this.offers.activeOffer(input.offerId);
    const startsAt = Date.parse(input.startsAt);
    checkBookingStart(offer, startsAt, now);
    const endsAt = startsAt + offer.minutes * MINUTE_MS;
    const { owed, month } = await this.entitlementMonth(offer, input.elderId, startsAt);
    const terms = cancellationTerms(offer, { startsAt, priceCents: offer.priceCents });
    const quantity = quantityOf(offer.service, offer.minutes);
    const resources = await this.offers.resourcesOf(offer);
    const taken = await this.bookings.takenTimes(offer, resources, new Date(startsAt), new Date(endsAt));
    // Whoever looked free a moment ago may be taken by now: the constraint decides, and the next free one is tried.
    for (const resource of freeResourcesAt(offer.minutes, startsAt, resources, taken)) {
      let queued: OutboxEntry[] = [];
      const stored = await this.bookings.book(
        {
          offerId: offer.id,
          providerId: offer.provider.id,
          elderId: input.elderId,
          service: offer.service,
          startsAt: new Date(startsAt),
          endsAt: new Date(endsAt),
          minutes: offer.minutes,
          quantity,
          caregiverId: offer.capacity === 'caregivers' ? resource : null,
          place: offer.capacity === 'places' ? Number(resource) : null,
          priceCents: offer.priceCents,
          month,
          // The quote's payer may be gone by now (another booking took the last entitled unit): decided again inside.
          payment: (planned) =>
            bookingPayment({ service: offer.service, quantity, priceCents: offer.priceCents, owed, planned }),
          cancelCutoffAt: new Date(terms.cutoffAt),
          lateChargeCents: terms.lateChargeCents,
          visitCode: visitCodeOf(randomInt(10 ** VISIT_CODE_DIGITS)),
          bookedBy: viewer.id,
        },
        async (manager, booked) => {
          await this.audit.append(
            {
              userId: viewer.id,
              action: 'booking.create',
              elderId: input.elderId,
              subject: `booking:${booked.id}`,
              detail: { offerId: offer.id, startsAt: input.startsAt, paidBy: booked.paidBy },
            },
            manager,
          );
          queued = await this.outbox.write(manager, [
            announceWorkOrderOutboxJob(booked.workOrderId, booked.workOrderSeq),
          ]);
        },
      );
      if (!stored) continue;
      await this.outbox.committed(queued);
      return this.get(viewer, stored.id);
    }
    throw new DomainError('booking-slot-taken', 'nobody is free for this slot any more');
  }

  async search(viewer: Viewer, search: BookingSearch): Promise<BookingView[]> {
    if (search.elderId) await this.readElder(viewer, search.elderId);
    const rows = await this.bookings.search(readerOf(viewer), search);
    return rows.map((row) => toBookingView(row, viewer.role));
  }

  async get(viewer: Viewer, id: string): Promise<BookingView> {
    return toBookingView(await this.find(viewer, id), viewer.role);
  }

  /** Cancels the booking and its visit: free until the cut-off, charged the offer's share after it. */
  async cancel(viewer: Viewer, id: string, reason: string, now = new Date()): Promise<BookingView> {
    const booking = await this.find(viewer, id);
    // A caregiver cancels what they booked for an elder, never a booking of their time someone else made.
    if (viewer.role === 'caregiver' && booking.bookedBy.id !== viewer.id)
      throw new DomainError('booking-not-cancellable', 'only the booker or the provider cancels this booking');
    const { chargeCents: charge, queued } = await this.bookings.inBookingTransaction(id, async (manager, locked) => {
      if (!locked) throw new DomainError('booking-not-found', 'no booking has this id');
      requireCancellableBooking(locked);
      const chargeCents = cancellationCharge(
        { cutoffAt: booking.cancelCutoffAt.getTime(), lateChargeCents: booking.lateChargeCents },
        now.getTime(),
      );
      await this.bookings.markCancelled(manager, id, { at: now, by: viewer.id, chargeCents });
      const workOrderSeq = await this.orders.apply(manager, locked.workOrderId, {
        status: nextWorkOrderStatus(locked.workOrderStatus, 'cancel'),
        cancelledAt: now,
        cancelReason: reason,
      });
      await this.audit.append(
        {
          userId: viewer.id,
          action: 'booking.cancel',
          elderId: booking.elder.id,
          subject: `booking:${id}`,
          detail: { reason, chargeCents },
        },
        manager,
      );
      const queued = await this.outbox.write(manager, [announceWorkOrderOutboxJob(locked.workOrderId, workOrderSeq!)]);
      return { chargeCents, queued };
    });
    await this.outbox.committed(queued);
    return { ...(await this.get(viewer, id)), cancelChargeCents: charge };
  }

  /** The family says the visit happened, or disputes it: a dispute is a complaint to the provider and the bureau. */
  async confirm(
    viewer: Viewer,
    id: string,
    confirmation: VisitConfirmation,
    text: string | null,
    now = new Date(),
  ): Promise<BookingView> {
    const booking = await this.find(viewer, id);
    await this.bookings.inBookingTransaction(id, async (manager, locked) => {
      if (!locked) throw new DomainError('booking-not-found', 'no booking has this id');
      requireConfirmableVisit(locked);
      const complaintId =
        confirmation === 'disputed'
          ? await this.complaints.file(
              {
                elderId: booking.elder.id,
                providerId: booking.provider.id,
                workOrderId: booking.workOrder.id,
                userId: viewer.id,
                text: text ?? '',
              },
              manager,
            )
          : null;
      await this.bookings.markConfirmation(manager, id, { confirmation, at: now, by: viewer.id, complaintId });
      await this.audit.append(
        {
          userId: viewer.id,
          action: `booking.${confirmation === 'confirmed' ? 'confirm' : 'dispute'}`,
          elderId: booking.elder.id,
          subject: `booking:${id}`,
          detail: text ? { text } : undefined,
        },
        manager,
      );
    });
    return this.get(viewer, id);
  }

  /** The elder's allowance of the offer's service in the booking's month, what is planned of it, and the month. */
  private async entitlementMonth(
    offer: OfferRecord,
    elderId: string,
    startsAt: number,
  ): Promise<{ owed: number; planned: number; month: { from: Date; to: Date } }> {
    const { start, end } = localMonthBounds(localMonthOf(startsAt));
    const month = { from: new Date(start), to: new Date(end) };
    const [elder, rules, orders] = await Promise.all([
      this.elderAccess.elderInScope({ scope: { kind: 'city' } }, elderId),
      this.plans.entitlementRules(),
      this.orders.ordersOfElder(elderId, month.from, month.to),
    ]);
    const line = accountMonth(entitlementOf(elder.categories, rules), orders).find(
      (entry) => entry.service === offer.service,
    );
    return { owed: line?.owed ?? 0, planned: line?.planned ?? 0, month };
  }

  private async quoteOf(offer: OfferRecord, elderId: string, startsAt: number): Promise<BookingQuote> {
    const { owed, planned } = await this.entitlementMonth(offer, elderId, startsAt);
    const payment = bookingPayment({
      service: offer.service,
      quantity: quantityOf(offer.service, offer.minutes),
      priceCents: offer.priceCents,
      owed,
      planned,
    });
    const terms = cancellationTerms(offer, { startsAt, priceCents: offer.priceCents });
    return {
      ...payment,
      priceCents: offer.priceCents,
      cancelCutoffAt: new Date(terms.cutoffAt).toISOString(),
      lateChargeCents: terms.lateChargeCents,
    };
  }

  /**
   * A family books for their own elder, an operator for an elder in their regions (the scope decides both), a
   * caregiver for an elder they visit. Anyone else is answered as if the elder did not exist.
   */
  private async requireMayBookFor(viewer: Viewer, elderId: string): Promise<void> {
    if (viewer.role === 'caregiver') {
      if (!(await this.bookings.isCaregiverOfElder(viewer.id, elderId)))
        throw new DomainError('elder-not-found', 'no elder with this id is yours to book for');
      return;
    }
    await this.elderAccess.elderInScope(viewer, elderId);
  }

  /**
   * An elder's bookings are a read of the elder's record: in scope (for a provider's staff, an elder their provider
   * serves), else `elder-not-found` as for anyone else, and audited.
   */
  private async readElder(viewer: Viewer, elderId: string): Promise<void> {
    await this.elderAccess.elderInScope(viewer, elderId);
    await this.audit.append({ userId: viewer.id, action: 'bookings.read', elderId, subject: `elder:${elderId}` });
  }

  private async find(viewer: Viewer, id: string): Promise<BookingRow> {
    const booking = await this.bookings.findFor(readerOf(viewer), id);
    if (!booking) throw new DomainError('booking-not-found', 'no booking with this id is yours to see');
    return booking;
  }
}

import type { BookingView, OfferView } from '@eldercare/contracts';
import type { Role } from '@eldercare/domain';
import type { BookingRow, OfferRecord } from '@eldercare/persistence';

/** Those who book for the elder see the code the elder holds; the provider's people, who must be given it, do not. */
const SEES_VISIT_CODE: readonly Role[] = ['family', 'operator', 'supervisor', 'admin'];

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toOfferView(offer: OfferRecord): OfferView {
  return {
    id: offer.id,
    provider: offer.provider,
    service: offer.service,
    minutes: offer.minutes,
    priceCents: offer.priceCents,
    capacity: offer.capacity,
    places: offer.places,
    weekdays: offer.weekdays,
    opens: offer.opens,
    closes: offer.closes,
    cancelCutoffMinutes: offer.cancelCutoffMinutes,
    lateCancelShare: offer.lateCancelShare,
  };
}

export function toBookingView(row: BookingRow, role: Role): BookingView {
  return {
    id: row.id,
    offerId: row.offerId,
    service: row.service,
    provider: row.provider,
    elder: row.elder,
    workOrder: row.workOrder,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    caregiver: row.caregiver,
    place: row.place,
    status: row.status,
    paidBy: row.paidBy,
    priceCents: row.priceCents,
    selfPayCents: row.selfPayCents,
    cancelCutoffAt: row.cancelCutoffAt.toISOString(),
    lateChargeCents: row.lateChargeCents,
    cancelChargeCents: row.cancelChargeCents,
    cancelledAt: iso(row.cancelledAt),
    visitCode: SEES_VISIT_CODE.includes(role) ? row.visitCode : null,
    bookedBy: { displayName: row.bookedBy.displayName, role: row.bookedBy.role },
    confirmation: row.confirmation,
    confirmedAt: iso(row.confirmedAt),
    createdAt: row.createdAt.toISOString(),
  };
}

import type {
  BookingPayer,
  BookingStatus,
  OfferCapacityKind,
  VisitConfirmation,
  WorkOrderStatus,
} from '@eldercare/domain';
import type { Actor } from './alert-view';

export type { BookingPayer, BookingStatus, OfferCapacityKind, VisitConfirmation };

/**
 * Booking a service (服务预约) as the console reads and writes it. Money is in fen (分).
 *
 * GET  /api/offers?service=&providerId=               → OfferView[] (everyone who books or manages bookings)
 * POST /api/offers  OfferInput                        → OfferView (201; the provider's admin, for their provider)
 * POST /api/offers/:id/withdraw                       → 204 (the provider's admin): no new bookings
 * GET  /api/offers/:id/slots?date=YYYY-MM-DD          → SlotView[]: working time minus bookings, in 30-minute steps
 * POST /api/bookings/quote  BookingInput              → BookingQuote: who pays and what cancelling costs, before booking
 * POST /api/bookings        BookingInput              → BookingView (201): a family for their own elder, an operator
 *      for an elder in their regions, a caregiver for an elder they serve; 409 `booking-slot-taken` when the time
 *      went to someone else first
 * GET  /api/bookings?elderId=&providerId=&from=&to=   → BookingView[] in scope (a provider's calendar, an elder's)
 * POST /api/bookings/:id/cancel { reason }            → BookingView: free until the cut-off, charged after it
 * POST /api/bookings/:id/confirm                      → BookingView (family): the visit happened
 * POST /api/bookings/:id/dispute { text }             → BookingView (family): files a complaint to the provider and
 *      the bureau
 * POST /api/work-orders/:id/check-in takes `visitCode`: a booking's visit starts only with the elder's code.
 */
export interface OfferView {
  id: string;
  provider: { id: string; name: string };
  service: string;
  minutes: number;
  priceCents: number;
  capacity: OfferCapacityKind;
  places: number | null;
  weekdays: number[];
  opens: string;
  closes: string;
  cancelCutoffMinutes: number;
  lateCancelShare: number;
}

export type OfferInput = Omit<OfferView, 'id' | 'provider'>;

export interface SlotView {
  startsAt: string;
  endsAt: string;
  /** Caregivers or places still free for the whole booking. */
  free: number;
}

export interface BookingInput {
  offerId: string;
  elderId: string;
  startsAt: string;
}

export interface BookingQuote {
  paidBy: BookingPayer;
  priceCents: number;
  selfPayCents: number;
  /** Free cancellation until then. */
  cancelCutoffAt: string;
  lateChargeCents: number;
}

export interface BookingView extends BookingQuote {
  id: string;
  offerId: string;
  service: string;
  provider: { id: string; name: string };
  elder: { id: string; name: string };
  workOrder: { id: string; status: WorkOrderStatus };
  startsAt: string;
  endsAt: string;
  caregiver: Actor | null;
  place: number | null;
  status: BookingStatus;
  cancelChargeCents: number | null;
  cancelledAt: string | null;
  /** The code the elder gives the caregiver at the door: only to those who book for the elder, never the provider. */
  visitCode: string | null;
  bookedBy: { displayName: string; role: string };
  confirmation: VisitConfirmation | null;
  confirmedAt: string | null;
  createdAt: string;
}

import { MINUTE_MS } from '../time/durations';
import type { ServiceCode } from '../home-care/service-catalogue';

/**
 * Who pays for a booking: the elder's entitlement (the city buys it) or the elder at the provider's price.
 * STORED OUTSIDE THE CODE: bookings rows keep these codes. Never rename one.
 */
export const BOOKING_PAYERS = ['entitlement', 'self'] as const;
export type BookingPayer = (typeof BOOKING_PAYERS)[number];

export interface BookingPayment {
  paidBy: BookingPayer;
  /** What the elder pays, fen: nothing when the entitlement covers it, the provider's price otherwise. */
  selfPayCents: number;
}

/**
 * Whether the elder's entitlement covers a booking: what the month still owes of the service (owed minus what is
 * already planned, not cancelled) must hold the whole booking; a booking is never split between the city and the
 * elder.
 */
export function bookingPayment(booking: {
  service: ServiceCode;
  quantity: number;
  priceCents: number;
  /** The elder's allowance of the service this month, and what is already planned of it. */
  owed: number;
  planned: number;
}): BookingPayment {
  return booking.owed - booking.planned >= booking.quantity
    ? { paidBy: 'entitlement', selfPayCents: 0 }
    : { paidBy: 'self', selfPayCents: booking.priceCents };
}

export interface CancellationTerms {
  /** Cancelling before this instant is free. */
  cutoffAt: number;
  /** What a cancellation after the cut-off costs, fen: the offer's share of the provider's price. */
  lateChargeCents: number;
}

export function cancellationTerms(
  offer: { cancelCutoffMinutes: number; lateCancelShare: number },
  booking: { startsAt: number; priceCents: number },
): CancellationTerms {
  return {
    cutoffAt: booking.startsAt - offer.cancelCutoffMinutes * MINUTE_MS,
    lateChargeCents: Math.round(booking.priceCents * offer.lateCancelShare),
  };
}

/** What cancelling at `now` costs: nothing until the cut-off, the late charge from it on. */
export function cancellationCharge(terms: CancellationTerms, now: number): number {
  return now < terms.cutoffAt ? 0 : terms.lateChargeCents;
}

import { requireCancellableBooking, requireConfirmableVisit } from './booking-life-cycle';
import { bookingPayment, cancellationCharge, cancellationTerms } from './booking-payment';
import { visitCodeMatches, visitCodeOf } from './visit-code';

const bath = { service: 'bathing', quantity: 1, priceCents: 8000 } as const;

describe('who pays for a booking', () => {
  it.each([
    ['owed 8 baths, 3 planned', 8, 3, 'entitlement', 0],
    ['owed 8 baths, 7 planned: the last one', 8, 7, 'entitlement', 0],
    ['owed 8 baths, all planned', 8, 8, 'self', 8000],
    ['owed nothing', 0, 0, 'self', 8000],
  ] as const)('%s: %s pays %i fen', (_case, owed, planned, paidBy, selfPayCents) => {
    expect(bookingPayment({ ...bath, owed, planned })).toEqual({ paidBy, selfPayCents });
  });

  it('never splits an hourly booking: 1.5 hours left of care do not cover 2', () => {
    expect(
      bookingPayment({ service: 'personal-care', quantity: 2, priceCents: 9000, owed: 30, planned: 28.5 }).paidBy,
    ).toBe('self');
  });
});

describe('cancelling a booking', () => {
  const startsAt = Date.parse('2026-11-23T09:00:00+08:00');
  const terms = cancellationTerms({ cancelCutoffMinutes: 60, lateCancelShare: 0.5 }, { startsAt, priceCents: 8000 });

  it('is free until the cut-off and costs the share of the price from it on', () => {
    expect(terms).toEqual({ cutoffAt: startsAt - 3_600_000, lateChargeCents: 4000 });
    expect(cancellationCharge(terms, startsAt - 3_600_001)).toBe(0);
    expect(cancellationCharge(terms, startsAt - 3_600_000)).toBe(4000);
  });

  it('is refused once the visit started or the booking is cancelled', () => {
    expect(() => requireCancellableBooking({ status: 'booked', workOrderStatus: 'assigned' })).not.toThrow();
    for (const booking of [
      { status: 'booked', workOrderStatus: 'checked-in' },
      { status: 'cancelled', workOrderStatus: 'cancelled' },
    ] as const)
      expect(() => requireCancellableBooking(booking)).toThrow(
        expect.objectContaining({ code: 'booking-not-cancellable' }),
      );
  });
});

describe('after the visit', () => {
  it('is confirmed or disputed once, only after check-out', () => {
    expect(() =>
      requireConfirmableVisit({ status: 'booked', workOrderStatus: 'checked-out', confirmation: null }),
    ).not.toThrow();
    for (const booking of [
      { status: 'booked', workOrderStatus: 'checked-in', confirmation: null },
      { status: 'booked', workOrderStatus: 'checked-out', confirmation: 'disputed' },
    ] as const)
      expect(() => requireConfirmableVisit(booking)).toThrow(
        expect.objectContaining({ code: 'booking-not-confirmable' }),
      );
  });
});

describe('visit code', () => {
  it('is six digits, zero-padded, and matches only itself', () => {
    expect(visitCodeOf(4821)).toBe('004821');
    expect(visitCodeMatches('004821', ' 004821 ')).toBe(true);
    expect(visitCodeMatches('004821', '4821')).toBe(false);
    expect(visitCodeMatches('004821', undefined)).toBe(false);
  });
});

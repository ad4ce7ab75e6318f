import type { BookingView } from '@eldercare/contracts';
import { bookingsByDay, familyActionsOf, yuanOf } from './booking-calendar';

const booking = (id: string, startsAt: string, change: Partial<BookingView> = {}): BookingView =>
  ({
    id,
    startsAt,
    status: 'booked',
    confirmation: null,
    workOrder: { id: `order-${id}`, status: 'assigned' },
    ...change,
  }) as BookingView;

describe('the booking calendar', () => {
  it('groups bookings by the centre’s day, in time order, a booking at 23:30 UTC on the next day', () => {
    const days = bookingsByDay([
      booking('b', '2026-11-23T06:00:00Z'),
      booking('c', '2026-11-23T23:30:00Z'),
      booking('a', '2026-11-23T01:00:00Z'),
    ]);
    expect(days.map((day) => [day.date, day.bookings.map((item) => item.id)])).toEqual([
      ['2026-11-23', ['a', 'b']],
      ['2026-11-24', ['c']],
    ]);
  });

  it('shows fen as yuan', () => {
    expect(yuanOf(8000)).toBe('80.00');
    expect(yuanOf(1550)).toBe('15.50');
  });

  it('lets the family cancel before the visit starts and confirm once after it', () => {
    expect(familyActionsOf(booking('a', '2026-11-23T01:00:00Z'))).toEqual({ cancel: true, confirm: false });
    const done = { workOrder: { id: 'order-a', status: 'checked-out' as const } };
    expect(familyActionsOf(booking('a', '2026-11-23T01:00:00Z', done))).toEqual({ cancel: false, confirm: true });
    expect(familyActionsOf(booking('a', '2026-11-23T01:00:00Z', { ...done, confirmation: 'confirmed' }))).toEqual({
      cancel: false,
      confirm: false,
    });
    expect(familyActionsOf(booking('a', '2026-11-23T01:00:00Z', { status: 'cancelled' }))).toEqual({
      cancel: false,
      confirm: false,
    });
  });
});

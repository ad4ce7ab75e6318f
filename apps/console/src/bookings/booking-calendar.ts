import type { BookingView } from '@eldercare/contracts';
import { centreDateOf } from '../shared/work-orders';

/** Fen as yuan with two decimals: 8000 → `80.00`. */
export function yuanOf(cents: number): string {
  return (cents / 100).toFixed(2);
}

/** A provider's calendar: bookings by centre date, days in order, each day's bookings by start. */
export function bookingsByDay(bookings: readonly BookingView[]): { date: string; bookings: BookingView[] }[] {
  const days = new Map<string, BookingView[]>();
  const sorted = [...bookings].sort(
    (a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  for (const booking of sorted) {
    const date = centreDateOf(booking.startsAt);
    days.set(date, [...(days.get(date) ?? []), booking]);
  }
  return [...days].map(([date, dayBookings]) => ({ date, bookings: dayBookings }));
}

/** What the family may do with a booking now: cancel it before the visit starts, confirm or dispute it after. */
export function familyActionsOf(booking: BookingView): { cancel: boolean; confirm: boolean } {
  const booked = booking.status === 'booked';
  return {
    cancel: booked && ['created', 'assigned', 'accepted'].includes(booking.workOrder.status),
    confirm: booked && booking.workOrder.status === 'checked-out' && booking.confirmation === null,
  };
}

import { DomainError } from '../errors/domain-error';
import type { WorkOrderStatus } from '../home-care/work-order';

/**
 * Where a booking stands; its visit's life is its work order's.
 * STORED OUTSIDE THE CODE: bookings rows keep these codes. Never rename one.
 */
export const BOOKING_STATUSES = ['booked', 'cancelled'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/**
 * What the elder or family said about the visit afterwards.
 * STORED OUTSIDE THE CODE: bookings rows keep these codes. Never rename one.
 */
export const VISIT_CONFIRMATIONS = ['confirmed', 'disputed'] as const;
export type VisitConfirmation = (typeof VISIT_CONFIRMATIONS)[number];

/** A booking can be cancelled while it stands and nobody has come yet. */
export function requireCancellableBooking(booking: { status: BookingStatus; workOrderStatus: WorkOrderStatus }): void {
  const notStarted = ['created', 'assigned', 'accepted'].includes(booking.workOrderStatus);
  if (booking.status !== 'booked' || !notStarted)
    throw new DomainError('booking-not-cancellable', 'only a booking whose visit has not started can be cancelled');
}

/** The visit is confirmed or disputed once, after the caregiver checked out. */
export function requireConfirmableVisit(booking: {
  status: BookingStatus;
  workOrderStatus: WorkOrderStatus;
  confirmation: VisitConfirmation | null;
}): void {
  if (booking.status !== 'booked' || booking.workOrderStatus !== 'checked-out' || booking.confirmation !== null)
    throw new DomainError(
      'booking-not-confirmable',
      'a visit is confirmed or disputed once, after the caregiver checked out',
    );
}

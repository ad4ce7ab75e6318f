import { DomainError } from '../errors/domain-error';
import { SERVICES, type ServiceCode, type ServiceUnit } from './service-catalogue';
import { DEFAULT_LATE_AFTER_MINUTES } from './work-order';

/**
 * Why a visit needs a person to look at it before it counts as delivered.
 * STORED OUTSIDE THE CODE: work_orders rows keep these codes. Never rename one.
 */
export const VISIT_EXCEPTION_REASONS = ['early-check-in', 'late-check-in', 'short-visit', 'far-from-home'] as const;
export type VisitExceptionReason = (typeof VISIT_EXCEPTION_REASONS)[number];

/**
 * What a provider admin decided about a visit with exceptions: it happened (`approved`, delivered after all), or it
 * did not (`rejected`, never delivered).
 * STORED OUTSIDE THE CODE: work_orders rows keep these codes. Never rename one.
 */
export const VISIT_EXCEPTION_RESOLUTIONS = ['approved', 'rejected'] as const;
export type VisitExceptionResolution = (typeof VISIT_EXCEPTION_RESOLUTIONS)[number];

/** Where a visit's exceptions stand: none, waiting for the provider, or decided. */
export type VisitExceptionState = 'none' | 'open' | VisitExceptionResolution;
export const VISIT_EXCEPTION_STATES: readonly VisitExceptionState[] = ['none', 'open', 'approved', 'rejected'];

/**
 * The rules a visit is held to, all in one place.
 * - Check-in opens 30 minutes before the planned start (a caregiver early at the door may wait a little, not a day)
 *   and closes when the visit would be swept as missed (`DEFAULT_LATE_AFTER_MINUTES` after the start), so a check-in
 *   the sweep would have called missed is late, and nothing between the two is neither.
 * - Minimum time at the home, by the service's unit: an hourly service 75 % of its planned minutes (paid by the hour,
 *   so the hours must be there); a per-visit service 15 minutes, or its planned minutes when fewer (a look-in is short,
 *   but not a knock at the door); a meal 3 minutes (a delivered meal is handed over, not stayed for).
 */
export const VISIT_RULES = {
  checkInOpensBeforeMinutes: 30,
  checkInClosesAfterMinutes: DEFAULT_LATE_AFTER_MINUTES,
  minimumShareOfHourly: 0.75,
  minimumMinutesOfVisit: 15,
  minimumMinutesOfMeal: 3,
} as const;

/** When the caregiver may check in to a visit starting at `startsAt` (epoch ms): `[opensAt, closesAt)`. */
export function checkInWindow(startsAt: number): { opensAt: number; closesAt: number } {
  return {
    opensAt: startsAt - VISIT_RULES.checkInOpensBeforeMinutes * 60_000,
    closesAt: startsAt + VISIT_RULES.checkInClosesAfterMinutes * 60_000,
  };
}

/** The least time, in minutes, a visit of `service` planned for `plannedMinutes` must last to count as made. */
export function minimumVisitMinutes(service: ServiceCode, plannedMinutes: number): number {
  const unit: ServiceUnit = SERVICES[service].unit;
  if (unit === 'hour') return plannedMinutes * VISIT_RULES.minimumShareOfHourly;
  if (unit === 'meal') return Math.min(VISIT_RULES.minimumMinutesOfMeal, plannedMinutes);
  return Math.min(VISIT_RULES.minimumMinutesOfVisit, plannedMinutes);
}

/** A visit as far as it went: checked in, perhaps checked out, and whether either was far from the home. */
export interface VisitRecord {
  service: ServiceCode;
  /** Planned start, epoch ms. */
  startsAt: number;
  /** Planned minutes. */
  minutes: number;
  checkedInAt: number;
  /** Epoch ms, or null while the caregiver is still there. */
  checkedOutAt: number | null;
  /** Checked in or out farther from the home than the limit (`assessVisitPosition`). */
  farFromHome: boolean;
}

/**
 * Everything about a visit that breaks the rules, in a stable order. The caregiver is never stopped by these: the
 * visit is recorded and waits for the provider's decision.
 */
export function visitExceptions(visit: VisitRecord): VisitExceptionReason[] {
  const reasons: VisitExceptionReason[] = [];
  const window = checkInWindow(visit.startsAt);
  if (visit.checkedInAt < window.opensAt) reasons.push('early-check-in');
  if (visit.checkedInAt >= window.closesAt) reasons.push('late-check-in');
  if (
    visit.checkedOutAt !== null &&
    visit.checkedOutAt - visit.checkedInAt < minimumVisitMinutes(visit.service, visit.minutes) * 60_000
  )
    reasons.push('short-visit');
  if (visit.farFromHome) reasons.push('far-from-home');
  return reasons;
}

/** A visit's exceptions and what was decided about them. */
export interface VisitReview {
  exceptions: readonly VisitExceptionReason[];
  resolution: VisitExceptionResolution | null;
}

export function visitExceptionState(review: VisitReview): VisitExceptionState {
  if (review.exceptions.length === 0) return 'none';
  return review.resolution ?? 'open';
}

/**
 * Whether a visit counts as delivered (the elder's account, the bureau's report): checked out, and either within the
 * rules or approved by the provider. An open exception counts as not delivered until someone decides.
 */
export function isVisitDelivered(order: VisitReview & { status: string }): boolean {
  if (order.status !== 'checked-out') return false;
  const state = visitExceptionState(order);
  return state === 'none' || state === 'approved';
}

/**
 * Checks that a provider may decide about this visit now: it is checked out (every exception it will have, it has)
 * and its exceptions are still open. A `visit-exception-not-open` error otherwise.
 */
export function requireOpenVisitExceptions(order: VisitReview & { status: string }): void {
  if (order.status !== 'checked-out' || visitExceptionState(order) !== 'open')
    throw new DomainError('visit-exception-not-open', 'only a checked-out visit with open exceptions can be resolved');
}

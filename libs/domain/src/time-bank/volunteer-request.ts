import { DomainError } from '../errors/domain-error';
import { ageOn } from '../elders/elder-age';
import { MINUTE_MS } from '../time/durations';

/**
 * The life of a request for a volunteer's help.
 * STORED OUTSIDE THE CODE: volunteer_requests rows keep these codes. Never rename one.
 */
export const VOLUNTEER_REQUEST_STATUSES = [
  'open',
  'taken',
  'checked-in',
  'checked-out',
  'disputed',
  'confirmed',
  'rejected',
  'cancelled',
  'abandoned',
] as const;
export type VolunteerRequestStatus = (typeof VOLUNTEER_REQUEST_STATUSES)[number];

/** What can happen to a request, and from where. */
const TRANSITIONS = {
  take: { from: ['open'], to: 'taken' },
  'check-in': { from: ['taken'], to: 'checked-in' },
  'check-out': { from: ['checked-in'], to: 'checked-out' },
  confirm: { from: ['checked-out'], to: 'confirmed' },
  dispute: { from: ['checked-out'], to: 'disputed' },
  /** Staff settle a dispute for the volunteer (paid) or against (released). */
  uphold: { from: ['disputed'], to: 'confirmed' },
  reject: { from: ['disputed'], to: 'rejected' },
  cancel: { from: ['open', 'taken'], to: 'cancelled' },
  abandon: { from: ['open', 'taken'], to: 'abandoned' },
} as const satisfies Record<string, { from: readonly VolunteerRequestStatus[]; to: VolunteerRequestStatus }>;

export type VolunteerRequestAction = keyof typeof TRANSITIONS;

/** The status `action` leads to; a `volunteer-request-transition-illegal` error (409) when it cannot happen. */
export function nextVolunteerRequestStatus(
  status: VolunteerRequestStatus,
  action: VolunteerRequestAction,
): VolunteerRequestStatus {
  const transition = TRANSITIONS[action];
  if (!(transition.from as readonly VolunteerRequestStatus[]).includes(status))
    throw new DomainError(
      'volunteer-request-transition-illegal',
      `a request that is ${status} cannot be given ${action}`,
    );
  return transition.to;
}

/** The statuses whose coins are paid or given back: nothing is held for them any more. */
export function isSettledRequest(status: VolunteerRequestStatus): boolean {
  return status === 'confirmed' || status === 'rejected' || status === 'cancelled' || status === 'abandoned';
}

/** Hours after its wanted start by which a request nobody checked in to is closed and its coins released. */
export const DEFAULT_ABANDON_AFTER_HOURS = 48;

/** A request nobody came for: still open or taken, and its start plus the allowed wait has passed. */
export function isAbandoned(
  request: { status: VolunteerRequestStatus; startsAt: number },
  now: number,
  abandonAfterHours = DEFAULT_ABANDON_AFTER_HOURS,
): boolean {
  return (
    (request.status === 'open' || request.status === 'taken') &&
    now >= request.startsAt + abandonAfterHours * 60 * MINUTE_MS
  );
}

/**
 * The minutes a visit earns: from check-in to check-out in whole minutes, never more than were asked for (the
 * request held no more), and never less than zero.
 */
export function servedMinutes(visit: { checkedInAt: number; checkedOutAt: number; askedMinutes: number }): number {
  const minutes = Math.floor((visit.checkedOutAt - visit.checkedInAt) / MINUTE_MS);
  return Math.max(0, Math.min(minutes, visit.askedMinutes));
}

/** The age from which a volunteer spends their own coins on services for themselves. */
export const SPENDING_AGE = 60;

/** Refuses a volunteer's own coins for a service before they are 60. */
export function requireSpendingAge(birthDate: string, at: number): void {
  if (ageOn(birthDate, at) < SPENDING_AGE)
    throw new DomainError(
      'time-coins-not-spendable',
      `a volunteer spends coins on their own services from age ${SPENDING_AGE}; before, they may give them to a parent or grandparent`,
    );
}

/**
 * The relations a volunteer may give coins to.
 * STORED OUTSIDE THE CODE: gift rows keep these codes.
 */
export const COIN_GIFT_RELATIONS = ['parent', 'grandparent'] as const;
export type CoinGiftRelation = (typeof COIN_GIFT_RELATIONS)[number];

/**
 * The kinds of help a volunteer gives.
 * STORED OUTSIDE THE CODE: volunteer_requests rows keep these codes.
 */
export const VOLUNTEER_SERVICES = ['companionship', 'escort', 'errand', 'chat', 'reading', 'phone-help'] as const;
export type VolunteerService = (typeof VOLUNTEER_SERVICES)[number];

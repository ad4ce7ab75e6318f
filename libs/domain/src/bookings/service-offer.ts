import { DomainError } from '../errors/domain-error';
import { SERVICES, type ServiceCode } from '../home-care/service-catalogue';

/**
 * How much a provider can take of an offer at once: its caregivers' working time (each caregiver one visit at a
 * time), or a number of places per slot (a bath room, a canteen table, a driver).
 * STORED OUTSIDE THE CODE: service_offers rows keep these codes. Never rename one.
 */
export const OFFER_CAPACITY_KINDS = ['caregivers', 'places'] as const;
export type OfferCapacityKind = (typeof OFFER_CAPACITY_KINDS)[number];

/** A service a provider publishes from the catalogue, bookable in its working hours. */
export interface ServiceOffer {
  service: ServiceCode;
  /** How long one booking takes, minutes: a multiple of the 30-minute step. */
  minutes: number;
  /** The provider's price of one booking, in fen (分), paid by the elder when no entitlement covers it. */
  priceCents: number;
  capacity: OfferCapacityKind;
  /** Places per slot; only for `places`. */
  places: number | null;
  /** ISO weekdays the offer runs, 1 Monday … 7 Sunday. */
  weekdays: number[];
  /** Local `HH:MM` working time, `opens` < `closes`, both on the half hour. */
  opens: string;
  closes: string;
  /** Cancelling is free until this many minutes before the start. */
  cancelCutoffMinutes: number;
  /** The share of the price a cancellation after the cut-off costs, 0 to 1. */
  lateCancelShare: number;
}

/** Bookings start on the half hour and last whole half hours. */
export const SLOT_MINUTES = 30;

const HALF_HOUR = /^([01]\d|2[0-3]):(00|30)$|^24:00$/;

/** Minutes after local midnight of `HH:MM`. */
export function minutesOfDay(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return hours * 60 + minutes;
}

/** Refuses an offer that cannot be booked, naming what is wrong (`offer-invalid`). */
export function checkOffer(offer: ServiceOffer): void {
  const refuse = (message: string) => {
    throw new DomainError('offer-invalid', message);
  };
  if (!Object.hasOwn(SERVICES, offer.service)) refuse(`unknown service ${offer.service}`);
  if (!Number.isInteger(offer.minutes) || offer.minutes < SLOT_MINUTES || offer.minutes % SLOT_MINUTES !== 0)
    refuse('a booking lasts whole half hours');
  if (!Number.isInteger(offer.priceCents) || offer.priceCents < 0) refuse('the price is whole fen, not below zero');
  if (offer.capacity === 'places' && !(Number.isInteger(offer.places) && (offer.places ?? 0) >= 1))
    refuse('an offer by places has at least one place');
  if (offer.capacity === 'caregivers' && offer.places !== null) refuse('an offer by caregivers has no places');
  if (
    offer.weekdays.length === 0 ||
    new Set(offer.weekdays).size !== offer.weekdays.length ||
    offer.weekdays.some((day) => !Number.isInteger(day) || day < 1 || day > 7)
  )
    refuse('weekdays are 1 (Monday) to 7 (Sunday), each once');
  if (!HALF_HOUR.test(offer.opens) || !HALF_HOUR.test(offer.closes)) refuse('working time is on the half hour');
  if (minutesOfDay(offer.closes) - minutesOfDay(offer.opens) < offer.minutes)
    refuse('the working time is shorter than one booking');
  if (!Number.isInteger(offer.cancelCutoffMinutes) || offer.cancelCutoffMinutes < 0)
    refuse('the cancellation cut-off is whole minutes');
  if (!(offer.lateCancelShare >= 0 && offer.lateCancelShare <= 1)) refuse('the late cancellation share is 0 to 1');
}

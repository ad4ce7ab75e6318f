import { DomainError } from '../errors/domain-error';
import { isoWeekday, localDateOf, localDateStart } from '../time/local-calendar';
import { MINUTE_MS } from '../time/durations';
import { minutesOfDay, SLOT_MINUTES, type ServiceOffer } from './service-offer';

/** Time already given away: one caregiver's or one place's booking, epoch ms `[startsAt, endsAt)`. */
export interface TakenTime {
  resource: string;
  startsAt: number;
  endsAt: number;
}

/** A slot a booking may start in, with the caregivers or places still free for the whole booking. */
export interface FreeSlot {
  startsAt: number;
  endsAt: number;
  free: string[];
}

type OfferHours = Pick<ServiceOffer, 'minutes' | 'weekdays' | 'opens' | 'closes'>;

const overlaps = (taken: TakenTime, startsAt: number, endsAt: number) =>
  taken.startsAt < endsAt && startsAt < taken.endsAt;

/** The resources (caregivers, places) free for all of `[startsAt, startsAt + minutes)`, in the order given. */
export function freeResourcesAt(
  minutes: number,
  startsAt: number,
  resources: readonly string[],
  taken: readonly TakenTime[],
): string[] {
  const endsAt = startsAt + minutes * MINUTE_MS;
  return resources.filter(
    (resource) => !taken.some((time) => time.resource === resource && overlaps(time, startsAt, endsAt)),
  );
}

/** The first half hour a booking made at `now` may start: the next one strictly after it. */
export function firstBookableStart(now: number): number {
  const step = SLOT_MINUTES * MINUTE_MS;
  return (Math.floor((now - localDateStart(localDateOf(now))) / step) + 1) * step + localDateStart(localDateOf(now));
}

/**
 * The free slots of an offer on the local day `date` (`YYYY-MM-DD`): its working time minus what is taken, in
 * 30-minute steps, each long enough for a whole booking before closing; today's start at the next half hour.
 */
export function freeSlots(
  offer: OfferHours,
  date: string,
  resources: readonly string[],
  taken: readonly TakenTime[],
  now: number,
): FreeSlot[] {
  if (!offer.weekdays.includes(isoWeekday(date))) return [];
  const dayStart = localDateStart(date);
  const earliest = firstBookableStart(now);
  const slots: FreeSlot[] = [];
  for (
    let minute = minutesOfDay(offer.opens);
    minute + offer.minutes <= minutesOfDay(offer.closes);
    minute += SLOT_MINUTES
  ) {
    const startsAt = dayStart + minute * MINUTE_MS;
    if (startsAt < earliest) continue;
    const free = freeResourcesAt(offer.minutes, startsAt, resources, taken);
    if (free.length > 0) slots.push({ startsAt, endsAt: startsAt + offer.minutes * MINUTE_MS, free });
  }
  return slots;
}

/**
 * Refuses a start a booking made at `now` cannot have (`booking-time-invalid`): not on the half hour, before the next
 * half hour, on a day the offer does not run, or running past its working time.
 */
export function checkBookingStart(offer: OfferHours, startsAt: number, now: number): void {
  const refuse = (message: string) => {
    throw new DomainError('booking-time-invalid', message);
  };
  const date = localDateOf(startsAt);
  const minute = (startsAt - localDateStart(date)) / MINUTE_MS;
  if (!Number.isInteger(minute) || minute % SLOT_MINUTES !== 0) refuse('a booking starts on the half hour');
  if (startsAt < firstBookableStart(now)) refuse('a booking starts at the next half hour or later');
  if (!offer.weekdays.includes(isoWeekday(date))) refuse('the provider does not offer this service on that day');
  if (minute < minutesOfDay(offer.opens) || minute + offer.minutes > minutesOfDay(offer.closes))
    refuse(`the provider works ${offer.opens}–${offer.closes}`);
}

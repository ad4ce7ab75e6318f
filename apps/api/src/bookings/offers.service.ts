import type { OfferInput, OfferView, SlotView } from '@eldercare/contracts';
import {
  addLocalDays,
  checkOffer,
  DomainError,
  freeSlots,
  localDateStart,
  type ServiceCode,
  type ServiceOffer,
} from '@eldercare/domain';
import { AuditRepository, BookingRepository, type OfferRecord } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { toOfferView } from './booking-view.mapper';

/** The places of an offer by places, named `1` … `places`: each is booked like a caregiver's time. */
export function placesOf(offer: Pick<ServiceOffer, 'places'>): string[] {
  return Array.from({ length: offer.places ?? 0 }, (_, index) => String(index + 1));
}

/** What providers offer for booking, and the free slots of an offer on a day. */
@Injectable()
export class OffersService {
  constructor(
    private readonly bookings: BookingRepository,
    private readonly audit: AuditRepository,
  ) {}

  async list(filter: { service?: string; providerId?: string }): Promise<OfferView[]> {
    return (await this.bookings.activeOffers(filter)).map(toOfferView);
  }

  /** A provider's admin publishes an offer of their own provider. */
  async publish(viewer: Viewer, input: OfferInput): Promise<OfferView> {
    const providerId = this.ownProvider(viewer);
    const offer: ServiceOffer = { ...input, service: input.service as ServiceCode };
    checkOffer(offer);
    const id = await this.bookings.insertOffer(providerId, offer);
    await this.audit.append({
      userId: viewer.id,
      action: 'offer.publish',
      elderId: null,
      subject: `offer:${id}`,
      detail: { ...input },
    });
    return toOfferView((await this.bookings.findOffer(id))!);
  }

  async withdraw(viewer: Viewer, id: string): Promise<void> {
    const offer = await this.activeOffer(id);
    if (offer.provider.id !== this.ownProvider(viewer)) throw new DomainError('offer-not-found', 'not your offer');
    await this.bookings.withdrawOffer(id);
    await this.audit.append({ userId: viewer.id, action: 'offer.withdraw', elderId: null, subject: `offer:${id}` });
  }

  async slots(id: string, date: string, now = Date.now()): Promise<SlotView[]> {
    const offer = await this.activeOffer(id);
    const dayStart = localDateStart(date);
    const dayEnd = localDateStart(addLocalDays(date, 1));
    const resources = await this.resourcesOf(offer);
    const taken = await this.bookings.takenTimes(offer, resources, new Date(dayStart), new Date(dayEnd));
    return freeSlots(offer, date, resources, taken, now).map((slot) => ({
      startsAt: new Date(slot.startsAt).toISOString(),
      endsAt: new Date(slot.endsAt).toISOString(),
      free: slot.free.length,
    }));
  }

  /** The offer while it is bookable; `offer-not-found` otherwise. */
  async activeOffer(id: string): Promise<OfferRecord> {
    const offer = await this.bookings.findOffer(id);
    if (!offer?.active) throw new DomainError('offer-not-found', 'no bookable offer has this id');
    return offer;
  }

  /** Who or what holds a booking's time: the provider's caregivers, or the offer's places. */
  async resourcesOf(offer: OfferRecord): Promise<string[]> {
    return offer.capacity === 'caregivers' ? this.bookings.caregiversOf(offer.provider.id) : placesOf(offer);
  }

  private ownProvider(viewer: Viewer): string {
    if (viewer.scope.kind !== 'provider' || viewer.scope.providerId === null)
      throw new DomainError('forbidden', 'only a provider’s admin manages its offers');
    return viewer.scope.providerId;
  }
}

import type { BookingInput, BookingQuote, BookingView, OfferInput, OfferView, SlotView } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

const bookingPath = (bookingId: string, action: string) => `/api/bookings/${encodeURIComponent(bookingId)}/${action}`;

/** Offers still bookable, of one provider when asked. */
export function listOffers(http: HttpClient, providerId?: string): Promise<OfferView[]> {
  return http.get<OfferView[]>(`/api/offers${providerId ? `?providerId=${encodeURIComponent(providerId)}` : ''}`);
}

/** A provider's admin publishes an offer of their own provider; 400 `offer-invalid` names what is wrong. */
export function publishOffer(http: HttpClient, offer: OfferInput): Promise<OfferView> {
  return http.post<OfferView>('/api/offers', offer);
}

/** The free slots of an offer on a centre date `YYYY-MM-DD`. */
export function fetchSlots(http: HttpClient, offerId: string, date: string): Promise<SlotView[]> {
  return http.get<SlotView[]>(`/api/offers/${encodeURIComponent(offerId)}/slots?date=${encodeURIComponent(date)}`);
}

/** Who would pay and what cancelling would cost, before booking. */
export function quoteBooking(http: HttpClient, input: BookingInput): Promise<BookingQuote> {
  return http.post<BookingQuote>('/api/bookings/quote', input);
}

/** 409 `booking-slot-taken` when someone else got the time first. */
export function createBooking(http: HttpClient, input: BookingInput): Promise<BookingView> {
  return http.post<BookingView>('/api/bookings', input);
}

export function searchBookings(
  http: HttpClient,
  search: { elderId?: string; providerId?: string; from?: string; to?: string },
): Promise<BookingView[]> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) if (value) query.set(name, value);
  return http.get<BookingView[]>(`/api/bookings?${query.toString()}`);
}

export function cancelBooking(http: HttpClient, bookingId: string, reason: string): Promise<BookingView> {
  return http.post<BookingView>(bookingPath(bookingId, 'cancel'), { reason });
}

export function confirmBooking(http: HttpClient, bookingId: string): Promise<BookingView> {
  return http.post<BookingView>(bookingPath(bookingId, 'confirm'));
}

/** A dispute reaches the provider and the bureau as a complaint. */
export function disputeBooking(http: HttpClient, bookingId: string, text: string): Promise<BookingView> {
  return http.post<BookingView>(bookingPath(bookingId, 'dispute'), { text });
}
